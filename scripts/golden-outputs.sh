#!/bin/bash
# Every output of the CLI on the example, normalised for diffing: run it before and after a
# refactoring, then `diff -r BEFORE AFTER` (only the Rapprochement's timestamp line differs between
# two runs). Needs soffice, pdftotext, pdftoppm, xmllint and unzip.
# Usage: bash scripts/golden-outputs.sh REPO OUTDIR
set -u
R=$(cd "$1" && pwd); O=$2
# OUTDIR is emptied first: never a checkout or any folder that is not a previous output.
if [ -e "$O" ] && [ ! -f "$O/check-fr.txt" ]; then echo "$O exists and is not a previous output: choose another folder" >&2; exit 2; fi
rm -rf "$O"; mkdir -p "$O"; cd "$O"
B="node $R/bin/ess-budget.js"
(cd "$R" && node scripts/build-cli.mjs >/dev/null 2>&1)
$B init ex.xlsx --example --force > init.txt 2>&1; echo "rc=$?" >> init.txt
$B init ex-en.xlsx --example --force --lang en > init-en.txt 2>&1
for l in fr en; do
  $B check ex.xlsx --as-of 2016-06-30 --lang $l > check-$l.txt 2>&1; echo "rc=$?" >> check-$l.txt
  $B check ex.xlsx --as-of 2016-06-30 --lang $l --format json > check-$l.json 2>&1
  for f in pdf xlsx csv; do $B report ex.xlsx --as-of 2016-06-30 --lang $l --out rep-$l.$f --force > report-$l-$f.txt 2>&1; done
  pdftotext -layout rep-$l.pdf rep-$l.pdf.txt 2>/dev/null
  pdftoppm -r 40 -png rep-$l.pdf rep-$l-page >/dev/null 2>&1
  $B reconcile ex.xlsx $R/examples/grand-livre-cdc.csv --lang $l > recon-$l.txt 2>&1; echo "rc=$?" >> recon-$l.txt
  $B reconcile ex.xlsx $R/examples/grand-livre-cdc.csv --lang $l --format json > recon-$l.json 2>&1
  $B reconcile ex.xlsx $R/examples/grand-livre-cdc.csv --lang $l --out recon-$l.xlsx --force > recon-out-$l.txt 2>&1
done
$B --help > help.txt 2>&1
# Versions: a second version with one amount changed, diffed and closed.
cp ex.xlsx ex2.xlsx
$B diff ex.xlsx ex2.xlsx > diff-same.txt 2>&1; echo "rc=$?" >> diff-same.txt
$B diff ex.xlsx ex2.xlsx --format json > diff-same.json 2>&1
$B close ex2.xlsx 2014 --as-of 2016-06-30 > close.txt 2>&1; echo "rc=$?" >> close.txt
$B check ex2.xlsx --as-of 2016-06-30 > check-closed.txt 2>&1; echo "rc=$?" >> check-closed.txt
$B report ex.xlsx --as-of 2016-06-30 --since ex2.xlsx --out since.csv --force > since.txt 2>&1; cat since.csv >> since.txt
# Bad input
echo nope > bad.xlsx; $B check bad.xlsx > bad.txt 2>&1; echo "rc=$?" >> bad.txt
# Unpack the xlsx files (sheet XML, styles, tables) for diffing — docProps timestamps removed.
for x in ex ex-en rep-fr rep-en recon-fr recon-en; do
  [ -f $x.xlsx ] || continue
  mkdir -p x-$x && (cd x-$x && unzip -qo ../$x.xlsx && rm -f docProps/core.xml && find . -name '*.xml' -exec sh -c 'xmllint --format "$1" > "$1.f" 2>/dev/null && mv "$1.f" "$1"' _ {} \;)
  soffice --headless --convert-to csv:"Text - txt - csv (StarCalc)":44,34,76,1,,0,false,true,false,false,false,-1 --outdir csv-$x $x.xlsx >/dev/null 2>&1
done
rm -f *.xlsx *.pdf
sed -i "s#$O#OUT#g; s#$R#REPO#g" *.txt *.json 2>/dev/null
echo done
