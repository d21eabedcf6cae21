// Country and city lookups for events: which country a name or demonym denotes, and whether a
// capitalised place is a country (events prefer the city) or a known capital.
import worldCountries from 'world-countries';

/** Pseudo-code for the European Union, which officials serve but which is not a country. */
export const EU_CODE = 'EU';

// EU member states (ISO alpha-3): "his EU counterparts" means leaders of these.
const EU_MEMBERS = new Set([
  'AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL',
  'ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE',
]);

const countryByName = new Map<string, string>();
const capitalCountry = new Map<string, string>();

function key(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.’']/g, '')
    .replace(/^the\s+/, '')
    .trim();
}

for (const c of worldCountries) {
  const code = c.cca3;
  const names = [c.name.common, c.name.official, c.demonyms?.eng?.m, c.demonyms?.eng?.f];
  // Two-letter codes as alternative spellings would turn words like "IN" or "TO" into countries:
  // keep only the longer spellings, plus the two that news copy really uses.
  for (const alt of c.altSpellings) if (alt.length > 3 || alt === 'UK' || alt === 'US' || alt === 'USA') names.push(alt);
  for (const n of names) if (n) countryByName.set(key(n), code);
  for (const cap of c.capital ?? []) capitalCountry.set(key(cap), code);
}
// Names and adjectives news copy uses that the data set does not list.
for (const [n, code] of [
  ['Britain', 'GBR'], ['England', 'GBR'], ['Scotland', 'GBR'], ['Wales', 'GBR'], ['America', 'USA'],
  ['U.S.', 'USA'], ['U.S.A.', 'USA'], ['U.K.', 'GBR'], ['Holland', 'NLD'], ['Persia', 'IRN'],
  ['Korea', 'KOR'], ['South Korea', 'KOR'], ['North Korea', 'PRK'], ['ROK', 'KOR'], ['DPRK', 'PRK'],
  ['Czech', 'CZE'], ['Emirati', 'ARE'], ['UAE', 'ARE'], ['Saudi', 'SAU'], ['PRC', 'CHN'],
  ['EU', EU_CODE], ['European Union', EU_CODE], ['European', EU_CODE],
] as const) {
  countryByName.set(key(n), code);
}

/** ISO alpha-3 code (or `EU`) of a country name, alternative spelling or demonym; null when unknown. */
export function countryCode(name: string | null | undefined): string | null {
  if (!name) return null;
  return countryByName.get(key(name)) ?? null;
}

/** True when the name is a country (not a city). */
export function isCountryName(name: string): boolean {
  const code = countryByName.get(key(name));
  return code !== undefined && code !== EU_CODE;
}

/** Country of a capital city, or null. */
export function capitalOf(name: string): string | null {
  return capitalCountry.get(key(name)) ?? null;
}

export function isEuMember(code: string | null): boolean {
  return code !== null && EU_MEMBERS.has(code);
}
