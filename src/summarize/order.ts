/**
 * Summary order that respects introductions (issue 19 item 3). A brief is read in chronological order, but the
 * sentence that introduces a person or a thing is often a later one: "Van Wert has pleaded not guilty …" comes
 * before "Joseph VanWert, 65, and … were arrested"; "Detectives said the woman …" before "Police are searching
 * for a woman suspected of …". `introductionOrder` keeps the chronological order except where a sentence leans
 * on a referent that a later sentence introduces: then that sentence (with the sentences glued to it) moves up to
 * just before its first dependent. Which sentences are shown does not change here. Pure functions of the texts.
 *
 * A sentence leans on
 * - a person it names by a short form (a surname, "Cohen", "Van Wert") that another sentence gives as the end of
 *   a longer name ("Michael Cohen", "Joseph VanWert"): the first sentence naming the person in full introduces
 *   them; the caller may add referents of its own (the story's person entities: `introduces`, `leansOn`);
 * - a thing named by a definite description ("the woman", "arrest the men") that no earlier sentence names and a
 *   later one introduces by an indefinite one ("a woman suspected of …", "Two men were arrested …");
 * - the sentence before it in its article, when it continues it there (the next sentence of that article, or a
 *   pronoun or connective opening, "“…,” he said"): the two move together, as one unit.
 * A stable topological sort by depth-first search, in the chronological order; a sentence that depends on
 * its own dependent keeps its place (no cycle is followed). Linear in the words and referents of the summary.
 */

import { MONTHS_FULL, REPORTING_VERBS, TITLE_ABBREVIATIONS, TITLES, WEEKDAYS } from '../language/lexicon.js';
import { contentTerms, isStopword, stem } from '../language/tokens.js';
import { DEFINED_BY, notStandAlone, outsideQuotes } from '../text/stand-alone.js';
import { leansByOpening, pronounSpeaker } from './antecedent.js';

/** A summary sentence to order, in the chronological order of the summary. */
export interface OrderItem {
  /** The sentence as shown (without its dateline). */
  text: string;
  articleId: string;
  /** The sentence's place in its article. */
  index: number;
  /** Referents the caller knows the sentence introduces (a person it names in full) … */
  introduces?: Iterable<string>;
  /** … and those it leans on without introducing them (a person named by surname only). */
  leansOn?: Iterable<string>;
}

/** Lower-case particles inside a name ("Ludwig van Beethoven", "Osama bin Laden"). */
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'da',
  'del',
  'der',
  'den',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'du',
  'di',
]);
/** Words of place and organization names: in a capitalised run, a person's name can only follow the last of them. */
const NOT_PERSON = new Set(
  `university college school county city state states department ministry court house street avenue road party
council committee company corp inc group news times post journal press agency association institute center centre
museum park hotel airport bank fund service office police army navy force forces guard administration commission
board club church hospital foundation organization organisation union republic kingdom island islands river lake
mountain valley bay gulf sea ocean coast north south east west new fort saint st mount lodge festival awards cup
league series day week national international federal royal united american british chinese global democratic
republican democrat democrats republicans conservative labour liberal`.split(/\s+/),
);
const TITLE = new Set([
  ...TITLES,
  ...TITLE_ABBREVIATIONS,
  'sheriff',
  'deputy',
  'attorney',
  'lawyer',
  'adviser',
  'advisor',
]);
const CALENDAR = new Set([...MONTHS_FULL, ...WEEKDAYS].map((w) => w.toLowerCase()));

/** A capitalised word with a lower-case letter ("Cohen", "McCullough", "VanWert"; not "BP" nor "CNN"). */
const NAME_WORD = /^\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$/u;
const INITIAL = /^\p{Lu}\.$/u;

interface NameRun {
  /** The run's words, squashed: lower case, letters only ("van wert" → "vanwert"). */
  squashed: string;
  /** Squashed proper suffixes that start at a word: the short forms of the name ("cohen" of "Michael Cohen"). */
  shortForms: string[];
}

const squash = (ws: string[]) =>
  ws
    .join('')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');

/**
 * The runs of capitalised words of a text that may name a person, outside quotations: the part after the last word
 * of a place, an organization or a title; not after "the" ("the White House"); no month or weekday; a sentence's
 * opening function word left out.
 */
export function nameRuns(text: string): NameRun[] {
  const raw = outsideQuotes(text).split(/\s+/).filter(Boolean);
  const out: NameRun[] = [];
  let run: string[] = [];
  let afterThe = false;
  const close = () => {
    // A person's name is what follows the last word of a place, an organization or a title ("Richland County
    // Sheriff Leon Lott" → "Leon Lott").
    const cut = run.findLastIndex((w) => NOT_PERSON.has(w.toLowerCase()) || TITLE.has(w.toLowerCase()));
    if (cut >= 0) {
      run = run.slice(cut + 1);
      afterThe = false;
    }
    while (run.length && PARTICLES.has(run[0])) run.shift();
    while (run.length && PARTICLES.has(run[run.length - 1])) run.pop();
    const named = run.filter((w) => !INITIAL.test(w) && !PARTICLES.has(w));
    if (named.length && !afterThe && !named.some((w) => CALENDAR.has(w.toLowerCase()))) {
      const shortForms: string[] = [];
      // A short form starts at a name word or a particle ("Laden" of "bin Laden" is no short form).
      for (let k = 1; k < run.length; k++)
        if (!INITIAL.test(run[k]) && !PARTICLES.has(run[k - 1])) shortForms.push(squash(run.slice(k)));
      out.push({ squashed: squash(run), shortForms: named.length >= 2 ? shortForms : [] });
    }
    run = [];
  };
  let previous = '';
  for (const token of raw) {
    const word = token.replace(/^[("“‘'[]+/u, '').replace(/(?:['’]s)?[)"”’',.;:!?\]]*$/u, '');
    const ends = word !== token.replace(/^[("“‘'[]+/u, '') && !INITIAL.test(token);
    const isName =
      (NAME_WORD.test(word) && !(run.length === 0 && isStopword(word))) ||
      (run.length > 0 && (INITIAL.test(token) || PARTICLES.has(word)));
    if (isName) {
      if (!run.length) afterThe = /^the$/i.test(previous);
      run.push(INITIAL.test(token) ? token : word);
      if (ends) close();
    } else close();
    previous = word;
  }
  close();
  return out;
}

/** Determiners and numbers (not a year) that open an indefinite description ("a woman", "two men", "40 reports"). */
const INDEFINITE =
  /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|several|some|(?!(?:1[89]|20)\d\d$)\d[\d,]*)$/i;
/** Heads a reader knows without an antecedent, and words that do not end a description. */
const KNOWN_HEADS = new Set(
  `world government country nation state city public police president administration media press internet web
economy market industry military end rest top bottom first last same other latter former number way past future
moment area region people time day week month year morning afternoon evening night weekend decade century hour
hours minutes new next most only whole two three`
    .split(/\s+/)
    .map((w) => stem(w)),
);
const REPORTING = new Set(REPORTING_VERBS);
/** Words that end a description: prepositions and common irregular verb forms outside the stopword list. */
const NOT_HEAD = new Set(
  `near behind inside outside across along around beside beyond toward towards despite amid past onto upon
throughout beneath underneath except like unlike ago than later soon again already now then found seen saw made
took taken gave given left went gone came got told knew known shown held kept brought began begun ran fell fallen
hit put set led met paid sent spent stood won lost built bought caught fought thought wrote written spoke spoken
broke broken chose chosen drove driven flew grew grown rose struck sold heard meant became become`.split(
    /\s+/,
  ),
);

/**
 * The stemmed heads of the descriptions a text opens with `opener` ("the" or an indefinite), outside quotations:
 * the last of up to three lower-case words after it, before a function word, a reporting verb, a participle
 * or a preposition after the first word ("the suspect leaving …", "a cyclist seen …") or punctuation. "the back
 * patio" → "patio".
 */
function descriptions(text: string, opener: (word: string) => boolean): Set<string> {
  const out = new Set<string>();
  const raw = outsideQuotes(text).split(/\s+/).filter(Boolean);
  for (let k = 0; k + 1 < raw.length; k++) {
    if (!opener(raw[k].replace(/^[("“‘']+/u, ''))) continue;
    let head: string | undefined;
    let m = k + 1;
    for (; m < Math.min(raw.length, k + 4); m++) {
      const token = raw[m];
      const word = token.replace(/(?:['’]s)?[)"”’',.;:!?]*$/u, '');
      if (!/^\p{Ll}[\p{Ll}-]*$/u.test(word) || isStopword(word) || REPORTING.has(word)) break;
      if (head && (/(?:ing|ed)$/.test(word) || NOT_HEAD.has(word))) break;
      head = word;
      if (word !== token) {
        m++;
        break;
      }
    }
    // Defined in place: "the report, Climate Change Impacts …", "the man who …", "the cause of …".
    const next = raw[m] ?? '';
    const inPlace = DEFINED_BY.has(next.toLowerCase()) || (/,$/.test(raw[m - 1]) && /^\p{Lu}/u.test(next));
    if (head && !inPlace && !KNOWN_HEADS.has(stem(head))) out.add(stem(head));
  }
  return out;
}

export const definiteHeads = (text: string): Set<string> => descriptions(text, (w) => /^the$/i.test(w));
export const indefiniteHeads = (text: string): Set<string> => descriptions(text, (w) => INDEFINITE.test(w));

/** "“…,” he said", "said she": a pronoun speaker, whose person the sentence before names. */
const PRONOUN_SPEAKER = pronounSpeaker('he|she|they');

/** Whether a sentence continues the one before it in its article (it is its next one, or points back). */
const continues = (item: OrderItem, before: OrderItem | undefined): boolean =>
  before !== undefined &&
  before.articleId === item.articleId &&
  (item.index === before.index + 1 ||
    notStandAlone(item.text) === 'points-back' ||
    leansByOpening(item.text) ||
    PRONOUN_SPEAKER.test(item.text));

/**
 * The order in which to show `items` (given in chronological order): their indexes, each sentence after the
 * sentences that introduce what it leans on where that does not need a cycle; otherwise chronological.
 */
export function introductionOrder(items: OrderItem[]): number[] {
  // Units: runs of sentences that continue the one before them in their article move together.
  const unitOf: number[] = [];
  const units: number[][] = [];
  items.forEach((item, k) => {
    if (k > 0 && continues(item, items[k - 1])) units[units.length - 1].push(k);
    else units.push([k]);
    unitOf.push(units.length - 1);
  });

  // Referents each sentence introduces and leans on.
  const runs = items.map((it) => nameRuns(it.text));
  const fullForms = runs.map((rs) => new Set(rs.flatMap((r) => r.shortForms)));
  const introduces = items.map((it, k) => {
    const set = new Set([...fullForms[k]].map((f) => `p:${f}`));
    for (const id of it.introduces ?? []) set.add(`e:${id}`);
    return set;
  });
  const firstFull = new Map<string, number>();
  introduces.forEach((set, k) => {
    for (const r of set) if (!firstFull.has(r)) firstFull.set(r, k);
  });
  const prereqs: Set<number>[] = units.map(() => new Set());
  const need = (k: number, introducer: number | undefined) => {
    if (introducer !== undefined && unitOf[introducer] !== unitOf[k])
      prereqs[unitOf[k]].add(unitOf[introducer]);
  };
  items.forEach((it, k) => {
    for (const r of runs[k]) if (!fullForms[k].has(r.squashed)) need(k, firstFull.get(`p:${r.squashed}`));
    for (const id of it.leansOn ?? []) if (!introduces[k].has(`e:${id}`)) need(k, firstFull.get(`e:${id}`));
  });
  // Definite descriptions: a thing no earlier sentence names is introduced by the next sentence that names it
  // otherwise than by a definite description, when that one does so by an indefinite description ("the woman"
  // … "a woman suspected of …"); one that names it otherwise ("Mohawk the Lion") introduces nothing to move.
  const definite = items.map((it) => definiteHeads(it.text));
  const indefinite = items.map((it) => indefiniteHeads(it.text));
  const namedAt = new Map<string, number[]>();
  items.forEach((it, k) => {
    for (const t of new Set(contentTerms(it.text))) {
      const at = namedAt.get(t);
      if (at) at.push(k);
      else namedAt.set(t, [k]);
    }
  });
  items.forEach((_, k) => {
    for (const h of definite[k]) {
      const where = namedAt.get(h) ?? [];
      if (indefinite[k].has(h) || where[0] < k) continue;
      const next = where.find((j) => j > k && (!definite[j].has(h) || indefinite[j].has(h)));
      if (next !== undefined && indefinite[next].has(h)) need(k, next);
    }
  });
  // A sentence never moves ahead of a sentence it needs itself.
  prereqs.forEach((set, u) => {
    for (const p of set) if (p > u && prereqs[p].has(u)) set.delete(p);
  });

  const out: number[] = [];
  const state = units.map(() => 0); // 0 not visited, 1 in progress, 2 placed
  const visit = (u: number) => {
    if (state[u]) return;
    state[u] = 1;
    for (const p of [...prereqs[u]].sort((a, b) => a - b)) visit(p);
    state[u] = 2;
    out.push(...units[u]);
  };
  for (let u = 0; u < units.length; u++) visit(u);
  return out;
}
