// Inside Office, office.js must come from Microsoft's CDN (never bundled); outside (the browser
// preview, the tests, offline) the copy served beside this page. Office marks the pages it hosts
// with _host_Info in the URL (kept by office.js in sessionStorage on later navigations; Excel on
// the web may pass it in window.name instead). A file of its own, not an inline script, so that the
// page's Content-Security-Policy can forbid inline scripts.
//
// Written in ES5 (test/browser/pane-acts.test.ts parses it so): it is the one script that must run
// in the webviews of volume-licensed Office through 2019 — Edge Legacy (EdgeHTML 18) and Internet
// Explorer 11 (Trident) — where the pane's ES2020 bundle cannot even be parsed. There it says, in
// French and English, which Excel the add-in needs, and marks the page so that the bundle (in a
// browser that could parse it) renders nothing over the message.
(function () {
  var ua = navigator.userAgent || '';
  // EdgeHTML says "Edge/18.x" (Chromium Edge says "Edg/"); Trident says "Trident/7.0" (IE 11) or "MSIE".
  var old = /\bEdge\/\d+/.test(ua) || /\bTrident\/|\bMSIE /.test(ua);
  if (old) {
    document.documentElement.setAttribute('data-unsupported', 'true');
    // Built element by element (no HTML from strings: test/hardening/security.test.ts).
    var el = function (tag, style, text) {
      var e = document.createElement(tag);
      if (style) e.setAttribute('style', style);
      if (text) e.appendChild(document.createTextNode(text));
      return e;
    };
    var paragraph = function (lang, style, lead, rest) {
      var p = el('p', style);
      p.setAttribute('lang', lang);
      p.appendChild(el('strong', '', lead));
      p.appendChild(document.createTextNode(' ' + rest));
      return p;
    };
    var show = function () {
      var box = document.getElementById('container');
      if (!box) return;
      while (box.firstChild) box.removeChild(box.firstChild);
      var main = el('main', 'font-family:Segoe UI,Arial,sans-serif;font-size:14px;line-height:1.45;padding:12px;max-width:560px');
      main.appendChild(el('h1', 'font-size:18px;margin:0 0 8px', 'Suivi CES ESS'));
      var alert = el('div');
      alert.setAttribute('role', 'alert');
      alert.appendChild(
        paragraph(
          'fr',
          'margin:0 0 8px',
          'Cette version d\u2019Excel ne peut pas afficher ce compl\u00e9ment.',
          'Il demande Microsoft\u00a0365, Excel\u00a02021 ou plus r\u00e9cent, Excel sur le web ou Excel pour Mac. ' +
            'Ouvrez le classeur dans l\u2019une de ces versions (Excel sur le web suffit), ou utilisez la ligne de commande ess-budget.'
        )
      );
      alert.appendChild(
        paragraph(
          'en',
          'margin:0',
          'This version of Excel cannot show this add-in.',
          'It needs Microsoft\u00a0365, Excel\u00a02021 or later, Excel on the web or Excel for Mac. ' +
            'Open the workbook in one of these (Excel on the web is enough), or use the ess-budget command line.'
        )
      );
      main.appendChild(alert);
      box.appendChild(main);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
    else show();
  }
  var inOffice = false;
  try {
    inOffice =
      /[?&#]_host_Info=/i.test(location.search + location.hash) ||
      !!sessionStorage.getItem('hostInfoValue') ||
      /_host_Info|xdmInfo/i.test(window.name || '');
  } catch (_) {
    // Storage may be refused (private mode): then only the URL and window.name decide.
  }
  // Not loaded where the pane cannot run: office.js itself would only add errors.
  if (old) return;
  var src = inOffice ? 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js' : 'office-js/office.js';
  document.write('<script src="' + src + '"><\/script>');
})();
