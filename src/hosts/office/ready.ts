/**
 * Which Office application opened the pane, or null in a plain browser (office.js absent, or
 * Office.onReady naming no host). Tiny and loaded first; the Office host itself comes on demand.
 */
export async function officeApplication(): Promise<string | null> {
  if (typeof Office === 'undefined') return null;
  const info = await Office.onReady();
  return info.host ? String(info.host) : null;
}
