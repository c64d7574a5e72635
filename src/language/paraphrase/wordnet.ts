/**
 * Synonyms from WordNet, read from its database files (Debian's `wordnet-base` puts them in
 * /usr/share/wordnet; `NEWSFUSE_WORDNET=DIR` points elsewhere, `NEWSFUSE_WORDNET=none` turns them off).
 * Two words are synonyms when they share a synset. Only the index files are read (lemma → synsets), plus
 * the exception lists, so that an irregular form ("bought", "mice") gets the synsets of its base form.
 * Words are keyed by their Porter stem, as the paraphrase features compare them.
 * When the files are absent the table is empty: the features then match identical stems only (a small
 * loss, measured in the model's header as `cv_accuracy_no_wordnet`).
 * Read on first use (a few hundred milliseconds), then kept.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stem } from '../tokens.js';

const FILES = [
  ['noun', 0],
  ['verb', 1],
  ['adj', 2],
  ['adv', 3],
] as const;

/** Only a word's most frequent senses count: its rare senses make false synonyms ("bank" the verb). */
const MAX_SENSES = 3;

let table: Map<string, number[]> | undefined;

/** The folder WordNet is read from, or undefined when it is absent or turned off. */
export function wordnetDir(): string | undefined {
  const env = process.env.NEWSFUSE_WORDNET;
  if (env === 'none') return undefined;
  const dir = env || '/usr/share/wordnet';
  return existsSync(join(dir, 'index.noun')) ? dir : undefined;
}

/** Whether synonyms are available (the WordNet files were found). */
export function hasWordnet(): boolean {
  return synsetTable().size > 0;
}

/** Forget the table read so far (tests switching NEWSFUSE_WORDNET). */
export function resetWordnet(): void {
  table = undefined;
}

function add(map: Map<string, number[]>, key: string, ids: readonly number[]): void {
  const have = map.get(key);
  if (!have) map.set(key, [...ids]);
  else for (const id of ids) if (!have.includes(id)) have.push(id);
}

function read(dir: string): Map<string, number[]> {
  const map = new Map<string, number[]>();
  const byLemma = new Map<string, number[]>();
  for (const [pos, code] of FILES) {
    const text = readFileSync(join(dir, `index.${pos}`), 'latin1');
    for (const line of text.split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.split(' ');
      const lemma = f[0];
      if (lemma.includes('_')) continue;
      const pointers = Number(f[3]);
      const senses = Number(f[2]);
      const first = 4 + pointers + 2;
      const ids: number[] = [];
      for (let i = 0; i < Math.min(senses, MAX_SENSES); i++) ids.push(Number(f[first + i]) * 4 + code);
      const key = `${lemma}|${code}`;
      byLemma.set(key, ids);
      add(map, stem(lemma), ids);
    }
  }
  for (const [pos, code] of FILES) {
    const path = join(dir, `${pos}.exc`);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'latin1').split('\n')) {
      const [form, base] = line.split(' ');
      if (!form || !base || form.includes('_')) continue;
      const ids = byLemma.get(`${base}|${code}`);
      if (ids) add(map, stem(form), ids);
    }
  }
  for (const ids of map.values()) ids.sort((a, b) => a - b);
  return map;
}

function synsetTable(): Map<string, number[]> {
  if (!table) {
    const dir = wordnetDir();
    table = dir ? read(dir) : new Map();
  }
  return table;
}

/** The synsets (sorted ids) of a stem, or undefined when WordNet does not know it. */
export function synsets(stemmed: string): readonly number[] | undefined {
  return synsetTable().get(stemmed);
}

/** Whether two sorted synset lists share an id. */
export function shareSynset(a: readonly number[], b: readonly number[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return true;
    if (a[i] < b[j]) i++;
    else j++;
  }
  return false;
}
