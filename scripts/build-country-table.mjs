#!/usr/bin/env node
// Generates src/analysis/data/countries.json from the `world-countries` package: only the fields the
// engine reads (names, codes, English alternative spellings, demonyms, capitals), so the bundle stays
// small and the engine never loads the full data set.   node scripts/build-country-table.mjs [--check]
// A unit test regenerates the table in memory and compares it with the committed file.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import worldCountries from 'world-countries';

const LATIN = /^[\p{Script=Latin}\p{M}\s.'’()-]+$/u;

/** Keeps one entry's fields the engine needs; alternative spellings in Latin script, without
 *  inverted catalogue forms ("Iran, Islamic Republic of") or the bare ISO alpha-2 code. */
function compact(country) {
  const common = country.name.common;
  const official = country.name.official;
  const seen = new Set([common, official]);
  const altSpellings = [];
  for (const alt of country.altSpellings ?? []) {
    if (alt === country.cca2 || alt.includes(',') || !LATIN.test(alt) || seen.has(alt)) continue;
    seen.add(alt);
    altSpellings.push(alt);
  }
  const demonyms = [];
  for (const d of [country.demonyms?.eng?.m, country.demonyms?.eng?.f]) {
    if (d && !demonyms.includes(d)) demonyms.push(d);
  }
  return {
    common,
    official,
    cca2: country.cca2,
    cca3: country.cca3,
    altSpellings,
    demonyms,
    capitals: [...(country.capital ?? [])],
    independent: country.independent === true,
  };
}

export function buildCountryTable(countries = worldCountries) {
  return [...countries].map(compact).sort((a, b) => (a.cca3 < b.cca3 ? -1 : a.cca3 > b.cca3 ? 1 : 0));
}

/** One country per line: small diffs when the package updates. */
export function formatCountryTable(table) {
  return '[\n' + table.map((c) => '  ' + JSON.stringify(c)).join(',\n') + '\n]\n';
}

export const COUNTRY_TABLE_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'analysis', 'data', 'countries.json');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = formatCountryTable(buildCountryTable());
  if (process.argv.includes('--check')) {
    const current = readFileSync(COUNTRY_TABLE_PATH, 'utf8');
    if (current !== text) {
      console.error('countries.json is out of date: run node scripts/build-country-table.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(COUNTRY_TABLE_PATH, text);
    console.log(`wrote ${COUNTRY_TABLE_PATH}`);
  }
}
