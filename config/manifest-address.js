// The add-in's address in the manifest. The source manifest.xml points to the dev server
// (https://localhost:3000/); a production build for a federation takes the address dist/ is
// served from (`npm run build -- --env addinUrl=https://intranet.example/union-targets/`) and
// writes dist/manifest.xml pointing there. Office requires HTTPS for every add-in URL.

const DEV_ADDRESS = 'https://localhost:3000/';

/** The address as the manifest needs it: absolute HTTPS, ending with "/"; throws otherwise. */
function normaliseAddinUrl(raw) {
  let url;
  try {
    url = new URL(String(raw));
  } catch {
    throw new Error(
      `addinUrl "${raw}" is not an absolute URL (e.g. https://intranet.example/union-targets/)`,
    );
  }
  if (url.protocol !== 'https:') {
    throw new Error(`addinUrl "${raw}" must use https: Office loads add-ins only over HTTPS`);
  }
  if (url.search || url.hash)
    throw new Error(`addinUrl "${raw}" must not have a query or #fragment`);
  // The address goes into XML attributes as it is.
  if (/[&"<>]/.test(url.href)) throw new Error(`addinUrl "${raw}" must not contain & " < or >`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The manifest text with every dev-server URL moved to `address`. */
function manifestFor(manifest, address) {
  const base = normaliseAddinUrl(address);
  const text = manifest.split(DEV_ADDRESS).join(base);
  return text.replace(/ {2}For production:[^\n]*\n[^\n]*\n/, `  Built for ${base}\n`);
}

module.exports = { DEV_ADDRESS, manifestFor, normaliseAddinUrl };
