// Country and city lookups for events: which country a name or demonym denotes, and whether a
// capitalised place is a country (events prefer the city), a demonym (never a place) or a capital.
// Built on the engine's compact country table (countries.ts), not on the full library.
import { detached } from './detached';
import { COUNTRIES } from './countries';

/** Pseudo-code for the European Union, which officials serve but which is not a country. */
export const EU_CODE = 'EU';

// EU member states (ISO alpha-3): "his EU counterparts" means leaders of these.
const EU_MEMBERS = new Set([
  'AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL',
  'ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE',
]);

const countryByName = new Map<string, string>();
const countryByDemonym = new Map<string, string>();
const capitalCountry = new Map<string, string>();

// Normalising is the costly part of a lookup, and articles repeat the same few names.
const keyCache = new Map<string, string>();

function key(name: string): string {
  const cached = keyCache.get(name);
  if (cached !== undefined) return cached;
  const k = normalise(name);
  if (keyCache.size > 5000) keyCache.clear();
  keyCache.set(detached(name), detached(k));
  return k;
}

function normalise(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.’']/g, '')
    .replace(/^the\s+/, '')
    .trim();
}

// Sovereign states first, so a demonym shared with a territory ("French") means the state.
const ordered = [...COUNTRIES].sort((a, b) => Number(b.independent) - Number(a.independent));
for (const c of ordered) {
  const code = c.cca3;
  // Two-letter codes as alternative spellings would turn words like "IN" or "TO" into countries.
  for (const n of [c.common, c.official, ...c.altSpellings.filter((a) => a.length > 3)]) {
    const k = key(n);
    if (!countryByName.has(k)) countryByName.set(k, code);
  }
  for (const d of c.demonyms) {
    const k = key(d);
    if (!countryByDemonym.has(k)) countryByDemonym.set(k, code);
  }
  for (const cap of c.capitals) {
    const k = key(cap);
    if (!capitalCountry.has(k)) capitalCountry.set(k, code);
  }
}
// Names and adjectives news copy uses that the table does not list.
for (const [n, code] of [
  ['UK', 'GBR'], ['U.K.', 'GBR'], ['Britain', 'GBR'], ['Great Britain', 'GBR'], ['England', 'GBR'], ['Scotland', 'GBR'],
  ['Wales', 'GBR'], ['US', 'USA'], ['U.S.', 'USA'], ['USA', 'USA'], ['U.S.A.', 'USA'], ['America', 'USA'],
  ['United States of America', 'USA'], ['Holland', 'NLD'], ['Korea', 'KOR'], ['South Korea', 'KOR'],
  ['North Korea', 'PRK'], ['ROK', 'KOR'], ['DPRK', 'PRK'], ['UAE', 'ARE'], ['PRC', 'CHN'], ['Palestine', 'PSE'],
  ['EU', EU_CODE], ['European Union', EU_CODE],
] as const) {
  countryByName.set(key(n), code);
}
for (const [d, code] of [
  ['British', 'GBR'], ['English', 'GBR'], ['Scottish', 'GBR'], ['American', 'USA'], ['Korean', 'KOR'],
  ['South Korean', 'KOR'], ['North Korean', 'PRK'], ['Emirati', 'ARE'], ['Saudi', 'SAU'], ['Czech', 'CZE'],
  ['Palestinian', 'PSE'], ['European', EU_CODE],
] as const) {
  countryByDemonym.set(key(d), code);
}

/** ISO alpha-3 code (or `EU`) of a country name, alternative spelling or demonym; null when unknown. */
export function countryCode(name: string | null | undefined): string | null {
  if (!name) return null;
  const k = key(name);
  return countryByName.get(k) ?? countryByDemonym.get(k) ?? null;
}

/** True when the name is a country (not a city, not a demonym). */
export function isCountryName(name: string): boolean {
  const code = countryByName.get(key(name));
  return code !== undefined && code !== EU_CODE;
}

/** True for a nationality adjective ("Egyptian"), which never names a place. */
export function isDemonym(name: string): boolean {
  const k = key(name);
  return countryByDemonym.has(k) && !countryByName.has(k) && !capitalCountry.has(k);
}

/** Country of a capital city, or null. */
export function capitalOf(name: string): string | null {
  return capitalCountry.get(key(name)) ?? null;
}

export function isEuMember(code: string | null): boolean {
  return code !== null && EU_MEMBERS.has(code);
}
