import { getCountries } from 'libphonenumber-js';
import { foldText } from './foldText.js';

/** Common spellings Intl's English region names do not cover: ISO 3166 alpha-3 codes and everyday names. */
const ALIASES: Readonly<Record<string, string>> = {
  usa: 'US', 'united states of america': 'US', america: 'US', 'u s a': 'US', 'u s': 'US',
  uk: 'GB', gbr: 'GB', 'great britain': 'GB', england: 'GB', scotland: 'GB', wales: 'GB',
  can: 'CA', mex: 'MX', aus: 'AU', nzl: 'NZ', irl: 'IE', deu: 'DE', fra: 'FR', esp: 'ES', ita: 'IT', nld: 'NL',
  bel: 'BE', che: 'CH', aut: 'AT', swe: 'SE', nor: 'NO', dnk: 'DK', fin: 'FI', prt: 'PT', pol: 'PL', jpn: 'JP',
  chn: 'CN', ind: 'IN', bra: 'BR', arg: 'AR', zaf: 'ZA', sgp: 'SG', kor: 'KR', holland: 'NL',
};

let byName: Map<string, string> | null = null;

/** Folded English name (`united states`, `germany`) → ISO 3166-1 alpha-2, built once from Intl. */
function namesIndex(): Map<string, string> {
  if (byName) return byName;
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  byName = new Map();
  for (const code of getCountries()) {
    const name = names.of(code);
    if (name && name !== code) byName.set(foldText(name), code);
  }
  return byName;
}

/**
 * A country as ISO 3166-1 alpha-2 (`US`) from what sources hold: alpha-2 in any case, the common alpha-3 codes,
 * English names (`United States`, `germany`) and everyday aliases (`USA`, `UK`). Null when not recognised
 * (callers then compare the text as it is).
 */
export function normalizeCountry(text: string | null | undefined): string | null {
  if (!text) return null;
  const folded = foldText(text);
  if (folded === '') return null;
  const upper = folded.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && (getCountries() as string[]).includes(upper)) return upper;
  return ALIASES[folded] ?? namesIndex().get(folded) ?? null;
}
