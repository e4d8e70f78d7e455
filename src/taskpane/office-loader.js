// Inside Office, office.js must come from Microsoft's CDN (never bundled); outside (the browser
// preview, the tests, offline) the copy served beside this page. Office marks the pages it hosts
// with _host_Info in the URL (kept by office.js in sessionStorage on later navigations; Excel on
// the web may pass it in window.name instead). A file of its own, not an inline script, so that the
// page's Content-Security-Policy can forbid inline scripts.
(function () {
  var inOffice = false;
  try {
    inOffice =
      /[?&#]_host_Info=/i.test(location.search + location.hash) ||
      !!sessionStorage.getItem('hostInfoValue') ||
      /_host_Info|xdmInfo/i.test(window.name || '');
  } catch (_) {
    // Storage may be refused (private mode): then only the URL and window.name decide.
  }
  var src = inOffice ? 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js' : 'office-js/office.js';
  document.write('<script src="' + src + '"><\/script>');
})();
