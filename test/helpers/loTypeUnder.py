"""
Types values into a workbook inside LibreOffice itself, as a user of Calc would, and saves it as
.xlsx: LibreOffice never extends a table (a database range) when one types just under it.

Run by Debian's Python with python3-uno: loTypeUnder.py SOURCE OUT PROFILE_DIR EDITS_JSON [OUT_ODS]
(OUT_ODS: the same document also saved as .ods.)
EDITS_JSON: {"Sheet": {"A7": "ANIM", "B7": "2015", ...}}: each value is typed as into the cell
(setFormula: "2015" becomes a number, "ANIM" a text), never written as an XML value.
A soffice of its own (own profile, own pipe) is started, driven over UNO, then closed; if it does
not close, this process ends it by its own handle.
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    source, out, profile, edits = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
    also_ods = sys.argv[5] if len(sys.argv) > 5 else None
    pipe = "ess_lo_%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), "--headless", "--invisible",
         "--norestore", "--nologo", "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except NoConnectException:
                time.sleep(0.5)
        if ctx is None:
            raise SystemExit("LibreOffice did not answer on its pipe")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),))
        for sheet_name, cells in edits.items():
            sheet = doc.Sheets.getByName(sheet_name)
            for address, value in cells.items():
                sheet.getCellRangeByName(address).setFormula(value)
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        if also_ods:
            # The same document saved in LibreOffice's own format too (the table a database range).
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(also_ods)), (prop("FilterName", "calc8"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes down with the office: expected
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            office.kill()
            office.wait()


main()
