// The add-in manifest for where the pane is hosted. manifest.xml points at https://localhost:3000
// (npm run dev-server, npm start); `ADDIN_URL=https://… npm run build` writes dist/manifest.xml with
// every URL under that base instead, for a Région's IT to deploy (README, "Déployer").
const DEV_BASE = 'https://localhost:3000';

/** The deployment base from ADDIN_URL (no trailing slash), null when unset; a French error when unusable. */
function addinBase(value) {
  if (value === undefined || value.trim() === '') return null;
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`ADDIN_URL invalide : « ${value} » (attendu une adresse https://…, par exemple https://budget.example.org/ces-ess).`);
  }
  // Office loads a task pane only over HTTPS; a query or fragment would end up in the middle of each URL.
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL doit commencer par https:// (Office ne charge un volet qu'en HTTPS) : « ${value} ».`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`ADDIN_URL : une adresse sans paramètres (?…), ancre (#…) ni identifiants : « ${value} ».`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * manifest.xml with `base` in place of the development server. AppDomain names a domain (Office
 * compares origins, a path there has no meaning): it becomes the base's origin.
 */
function manifestFor(xml, base) {
  if (base === null) return xml;
  const origin = new URL(base).origin;
  const out = xml
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_BASE)
    .join(base)
    // The development note at the top says where the URLs point.
    .replace(/^ {2}Dev URLs point at .*$/m, `  URLs under ${base} (ADDIN_URL at build time).`);
  const left = /localhost/i.exec(out);
  if (left) throw new Error('manifest.xml : une adresse localhost reste après ADDIN_URL (adresse écrite autrement que https://localhost:3000).');
  return out;
}

module.exports = { DEV_BASE, addinBase, manifestFor };
