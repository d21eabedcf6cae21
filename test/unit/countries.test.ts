import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  countryOf,
  countryOfCapital,
  isCapitalOrCountry,
  isDemonym,
  lookupCountry,
  reportedCountryName,
} from '../../src/analysis/countries';

const root = join(__dirname, '..', '..');

describe('country table', () => {
  it('is exactly what scripts/build-country-table.mjs generates from world-countries', async () => {
    // A variable path keeps TypeScript from type-checking the plain-JS build script.
    const scriptPath = join(root, 'scripts', 'build-country-table.mjs');
    const script = (await import(scriptPath)) as {
      buildCountryTable: () => unknown[];
      formatCountryTable: (table: unknown[]) => string;
    };
    const committed = readFileSync(join(root, 'src', 'analysis', 'data', 'countries.json'), 'utf8');
    expect(script.formatCountryTable(script.buildCountryTable())).toBe(committed);
  });
});

describe('countryOf', () => {
  it('maps demonyms, names, abbreviations and possessives to the common English name', () => {
    expect(countryOf('Iranian')).toBe('Iran');
    expect(countryOf('Japanese')).toBe('Japan');
    expect(countryOf('Israeli')).toBe('Israel');
    expect(countryOf('Iran’s')).toBe('Iran');
    expect(countryOf('UK')).toBe('United Kingdom');
    expect(countryOf('U.K.')).toBe('United Kingdom');
    expect(countryOf('Britain')).toBe('United Kingdom');
    expect(countryOf('British')).toBe('United Kingdom');
    expect(countryOf('U.S.')).toBe('United States');
    expect(countryOf('US')).toBe('United States');
    expect(countryOf('the United States of America')).toBe('United States');
    expect(countryOf('Saudi')).toBe('Saudi Arabia');
    expect(countryOf('Palestinian')).toBe('Palestine');
    expect(countryOf('South Korean')).toBe('South Korea');
    expect(countryOf('Turkish')).toBe('Turkey');
  });

  it('prefers the sovereign state for a shared demonym', () => {
    expect(countryOf('French')).toBe('France');
    expect(countryOf('American')).toBe('United States');
    expect(countryOf('Dutch')).toBe('Netherlands');
  });

  it('does not take ordinary words or lower-case pronouns for countries', () => {
    expect(countryOf('us')).toBeNull();
    expect(countryOf('Us')).toBeNull();
    expect(countryOf('EU')).toBeNull(); // a body, not a country
    expect(countryOf('china')).toBeNull();
    expect(countryOf('Minister')).toBeNull();
    expect(countryOf('Tokyo')).toBeNull(); // a capital, not a country
  });

  it('reports an official name as the article spells it', () => {
    expect(reportedCountryName('United States of America')).toBe('United States of America');
    expect(reportedCountryName('U.S.')).toBe('United States');
  });
});

describe('places', () => {
  it('tells capitals and countries from people', () => {
    expect(isCapitalOrCountry('Tokyo')).toBe(true);
    expect(isCapitalOrCountry('Tehran')).toBe(true);
    expect(isCapitalOrCountry('Washington')).toBe(true);
    expect(isCapitalOrCountry('Japan')).toBe(true);
    expect(isCapitalOrCountry('Japanese')).toBe(false);
    expect(isCapitalOrCountry('Hayashi')).toBe(false);
    expect(countryOfCapital('Beijing')).toBe('China');
    expect(isDemonym('Chinese')).toBe(true);
    expect(lookupCountry('Japan')?.country.cca3).toBe('JPN');
  });

  it('reads a possessive as the phrase it is made of ("Iran’s" is Iran, "Smith’s" names none)', () => {
    expect(lookupCountry('Iran’s')?.country.cca3).toBe('IRN');
    expect(lookupCountry("Kenya's")?.country.cca3).toBe('KEN');
    expect(lookupCountry('U.S.’s')?.country.cca3).toBe('USA');
    expect(lookupCountry('South Korea’s')?.country.cca3).toBe('KOR');
    expect(lookupCountry('Smith’s')).toBeNull();
    expect(lookupCountry("Ortega's")).toBeNull();
    // Words with hyphens or apostrophes, with or without a possessive.
    expect(lookupCountry('Guinea-Bissau')?.country.cca3).toBe('GNB');
    expect(lookupCountry('Guinea-Bissau’s')?.country.cca3).toBe('GNB');
    expect(lookupCountry('Al-Mansouri')).toBeNull();
    expect(lookupCountry('O’Neill’s')).toBeNull();
    // Not a possessive of a plain phrase: the lookup decides as before.
    expect(lookupCountry('Côte d’Ivoire')?.country.cca3).toBe('CIV');
    expect(lookupCountry('the Netherlands’s')?.country.cca3).toBe('NLD');
  });
});
