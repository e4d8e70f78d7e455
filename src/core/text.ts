/**
 * Header and label matching key: users type "MONTANT (€)", "Annee", "Financeur " or "N°":
 * case, accents, spaces, punctuation and the euro sign do not change what they mean.
 */
export function matchKey(s: string): string {
  // Tables repeat the same few words on every line (funders, axes): normalise each once.
  let k = keyCache.get(s);
  if (k === undefined) {
    if (keyCache.size > 50_000) keyCache.clear();
    k = computeMatchKey(s);
    keyCache.set(s, k);
  }
  return k;
}

const keyCache = new Map<string, string>();

function computeMatchKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(\s*(en\s+)?(€|eur|euros?)\s*\)/g, '')
    .replace(/€/g, '')
    .replace(/œ/g, 'oe')
    .replace(/[^a-z0-9]/g, '');
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The closest candidate by edit distance on match keys, if it is reasonably close. */
export function closest<T>(input: string, candidates: readonly T[], keyOf: (c: T) => string[]): T | null {
  const k = matchKey(input);
  let best: T | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    for (const ck of keyOf(c)) {
      const d = levenshtein(k, matchKey(ck));
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
  }
  return bestD <= Math.max(2, Math.floor(k.length / 3)) ? best : null;
}

/** Dates are shown the French way, 31/12/2015; ISO in JSON. */
export function formatDate(d: Date, lang: 'fr' | 'en' = 'fr'): string {
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const yyyy = d.getUTCFullYear();
  return lang === 'fr' ? `${dd}/${mm}/${yyyy}` : `${yyyy}-${mm}-${dd}`;
}

export function isoDate(d: Date): string {
  return formatDate(d, 'en');
}

/** "2015-12-31" or "31/12/2015" → a UTC date; null when it is no valid calendar date. */
export function parseDateText(s: string): Date | null {
  const t = s.trim();
  let y: number, m: number, d: number;
  let mt = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (mt) {
    y = +mt[1];
    m = +mt[2];
    d = +mt[3];
  } else {
    mt = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
    if (!mt) return null;
    d = +mt[1];
    m = +mt[2];
    y = +mt[3];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/** A user's text quoted in a message, cut so that a 32 767-character cell does not flood the output. */
export function clip(s: string | undefined, max = 80): string | undefined {
  if (s === undefined || s.length <= max) return s;
  return `${s.slice(0, max - 1)}…`;
}
