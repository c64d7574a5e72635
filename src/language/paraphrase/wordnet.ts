/**
 * Synonyms from WordNet, read from its database files (Debian's `wordnet-base` puts them in
 * /usr/share/wordnet; `NEWSFUSE_WORDNET=DIR` points elsewhere, `NEWSFUSE_WORDNET=none` turns them off).
 * Two words are synonyms when they share a synset. Only the index files (lemma → synsets) and the
 * exception lists are read; an inflected form finds its lemma as WordNet's own morphology does (the
 * exception list for irregular forms such as "bought", then the regular suffix rules of each part of speech).
 * When the files are absent the table is empty: the features then match identical stems only (a small
 * loss, measured in the model's header as `cv_accuracy_no_wordnet`).
 * Read on first use (well under a second), then kept.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FILES = [
  ['noun', 0],
  ['verb', 1],
  ['adj', 2],
  ['adv', 3],
] as const;

/** Only a word's most frequent senses count: its rare senses make false synonyms ("bank" the verb). */
const MAX_SENSES = 3;

/** Regular inflections per part of speech (noun, verb, adjective): suffix → ending of the lemma. */
const SUFFIXES: readonly (readonly [string, string])[][] = [
  [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
];

interface Tables {
  /** Lemma → synset ids (offset × 4 + part of speech), its first senses in each part of speech. */
  lemmas: Map<string, number[]>;
  /** Irregular form → lemmas. */
  exceptions: Map<string, string[]>;
}

let table: Tables | undefined;
const memo = new Map<string, readonly number[] | undefined>();

/** The folder WordNet is read from, or undefined when it is absent or turned off. */
export function wordnetDir(): string | undefined {
  const env = process.env.NEWSFUSE_WORDNET;
  if (env === 'none') return undefined;
  const dir = env || '/usr/share/wordnet';
  return existsSync(join(dir, 'index.noun')) ? dir : undefined;
}

/** Whether synonyms are available (the WordNet files were found). */
export function hasWordnet(): boolean {
  return tables().lemmas.size > 0;
}

/** Forget the table read so far (tests and the trainer switching NEWSFUSE_WORDNET). */
export function resetWordnet(): void {
  table = undefined;
  memo.clear();
}

function read(dir: string): Tables {
  const lemmas = new Map<string, number[]>();
  const exceptions = new Map<string, string[]>();
  for (const [pos, code] of FILES) {
    const text = readFileSync(join(dir, `index.${pos}`), 'latin1');
    for (const line of text.split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.split(' ');
      const lemma = f[0];
      if (lemma.includes('_')) continue;
      const first = 4 + Number(f[3]) + 2;
      const senses = Math.min(Number(f[2]), MAX_SENSES);
      let ids = lemmas.get(lemma);
      if (!ids) lemmas.set(lemma, (ids = []));
      for (let i = 0; i < senses; i++) ids.push(Number(f[first + i]) * 4 + code);
    }
    const exc = join(dir, `${pos}.exc`);
    if (!existsSync(exc)) continue;
    for (const line of readFileSync(exc, 'latin1').split('\n')) {
      const [form, base] = line.split(' ');
      if (!form || !base || form.includes('_')) continue;
      const have = exceptions.get(form);
      if (!have) exceptions.set(form, [base]);
      else if (!have.includes(base)) have.push(base);
    }
  }
  for (const ids of lemmas.values()) ids.sort((a, b) => a - b);
  return { lemmas, exceptions };
}

function tables(): Tables {
  if (!table) {
    const dir = wordnetDir();
    table = dir ? read(dir) : { lemmas: new Map(), exceptions: new Map() };
  }
  return table;
}

/** The synsets (sorted ids) of a lower-cased word form, or undefined when WordNet does not know it. */
export function synsets(word: string): readonly number[] | undefined {
  if (memo.has(word)) return memo.get(word);
  const { lemmas, exceptions } = tables();
  const found = new Set<number>(lemmas.get(word) ?? []);
  for (const base of exceptions.get(word) ?? []) for (const id of lemmas.get(base) ?? []) found.add(id);
  SUFFIXES.forEach((rules, code) => {
    for (const [suffix, ending] of rules) {
      if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
      const base = word.slice(0, -suffix.length) + ending;
      for (const id of lemmas.get(base) ?? []) if (id % 4 === code) found.add(id);
    }
  });
  const ids = found.size ? [...found].sort((a, b) => a - b) : undefined;
  if (memo.size > 100_000) memo.clear();
  memo.set(word, ids);
  return ids;
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
