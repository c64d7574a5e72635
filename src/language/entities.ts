/**
 * Named entities — people, organizations, places — from capitalization, context and small gazetteers,
 * with the aliases of each merged across a story:
 *   "Russian Foreign Minister Sergei Lavrov" = "Sergei Lavrov" = "Lavrov"
 *   "Jabhat Fateh al-Sham" = "Jabhat Fatah Al Sham" = "Fath alSham" = "JFS" (= "Jabhat al-Nusra", when a
 *   page says "formerly known as")
 * Mentions are runs of capitalized words (with the particles names carry: al-, bin, de, of); titles and
 * roles in front of a name are split off ("Foreign Minister"); the kind comes from the words around a
 * mention (titles → person, "in"/"from" + gazetteer → place, organization words → organization).
 * Aliases merge by a transliteration-proof key (consonant skeleton of each word, without al-/el- articles),
 * by acronym, by surname, and by "formerly/previously known as". Pure and linear in the text.
 */
import type { Article, Entity, EntityKind, EntityMention } from '../model.js';
import {
  DOTTED_NAME_ABBREVIATIONS,
  MONTHS_LOWER,
  NAME_REPORTING_VERBS,
  SENTENCE_FINAL_ABBREVIATIONS,
  TITLES,
  UNIT_WORDS,
  WEEKDAYS_LOWER,
} from './lexicon.js';
import { type Token, tokenize } from './tokens.js';

/** An entity while merging: it may say which name it formerly bore ("formerly known as"). */
type Draft = Entity & { formerOf?: string };

/**
 * Evidence for each kind of an entity, by the merge that produced it: a kind read from context ("President",
 * "port of", "Ministry") is a full vote, a guess from the shape of the name alone (one capitalized word →
 * person) a weak one. Kept beside the returned entities so that a later merge (a story's articles) weighs
 * the evidence, not just the per-article winners.
 */
const kindVotes = new WeakMap<Entity, Map<EntityKind, number>>();

/** Weight of a kind guessed from the shape of a name alone, against 1 for a kind read from context. */
const GUESS_VOTE = 0.3;

/** Titles and roles: before a name they make it a person and are not part of the name. */
const TITLE_SET = new Set(TITLES);

/** Words that make a capitalized run an organization. */
const ORG_WORDS = new Set(
  `group party front army council ministry agency observatory organization organisation committee union company
inc corp corporation ltd llc authority service services brigade brigades movement alliance coalition forces
force association institute university college bank fund commission court parliament assembly congress senate
department office bureau police guard guards network news times post telegraph journal press agency reuters afp
nations nato un eu jabhat ahrar jaish harakat hayat tahrir hezbollah hamas taliban qaeda nusra isis isil`.split(
    /\s+/,
  ),
);

/** Last words that make a capitalized run a place: "North Quay", "Rope Walk", "Idlib Province". */
const PLACE_WORDS = new Set(
  `quay wharf pier dock docks street st road rd avenue ave lane walk square place bridge river harbour harbor port
bay island islands valley mountain mountains hills lake sea ocean gulf coast province county district region state
city town village square park station airport crossing border strait canal`.split(/\s+/),
);

/** Words that make a capitalized run an organization, beyond the institutions of ORG_WORDS. */
const COMPANY_WORDS = new Set(
  `milling mills radio tv television airlines airways shipping holdings industries foods energy oil petroleum
motors systems technologies hospital clinic school academy church club team board trust foundation media`.split(
    /\s+/,
  ),
);

/** A small gazetteer of places (countries, regions, capitals and cities often in the news). */
const PLACES = new Set(
  `afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh belarus belgium
bolivia bosnia brazil britain bulgaria cambodia canada chile china colombia congo croatia cuba cyprus czech
denmark egypt england estonia ethiopia europe finland france georgia germany ghana greece haiti hungary india
indonesia iran iraq ireland israel italy japan jordan kazakhstan kenya korea kosovo kuwait latvia lebanon libya
lithuania malaysia mali mexico moldova morocco myanmar nepal netherlands nigeria norway pakistan palestine peru
philippines poland portugal qatar romania russia rwanda saudi scotland serbia slovakia somalia spain sudan sweden
switzerland syria taiwan tajikistan tanzania thailand tunisia turkey uganda ukraine uzbekistan venezuela vietnam
wales yemen zimbabwe america africa asia gaza crimea kurdistan
aleppo damascus idlib homs hama raqqa deir azaz ankara istanbul moscow washington london paris berlin rome geneva
lausanne brussels beijing tokyo delhi cairo baghdad tehran riyadh beirut amman jerusalem kabul kiev kyiv minsk
madrid vienna warsaw athens dubai doha mosul tripoli benghazi sanaa new york texas california us usa uk uae`.split(
    /\s+/,
  ),
);

/** Multi-word places the single-word list cannot hold. */
const PLACE_PHRASES = new Set([
  'united states',
  'united kingdom',
  'new york',
  'saudi arabia',
  'south korea',
  'north korea',
  'gulf',
]);

/** Capitalized words that begin sentences or fill headlines but name nothing (weekdays and months too). */
const NOT_NAMES = new Set([
  ...`the a an and but or if in on at of for to from by with as it its this that these those there their they he
she we i you his her our my your who what when where why how which while after before since during despite
although though however meanwhile today yesterday tomorrow also some many several more most other such all both
each no not first second third last next new photo image video read more share comment source reuters afp
gmt`.split(/\s+/),
  ...WEEKDAYS_LOWER,
  ...MONTHS_LOWER,
  ...UNIT_WORDS,
  'ten',
]);

const PARTICLES = /^(al|al-|el|el-|bin|ibn|abu|de|del|della|di|da|van|von|der|la|le|du|of|the|and|for)$/i;

/** A name token: a word with the sentence position the entity rules need. */
interface NameToken extends Token {
  sentenceStart: boolean;
}

/** Abbreviations that keep their dot ("Mr.", "Jr.") and those after which no sentence ends ("Mr.", not "Jr."). */
const KEEPS_DOT = new RegExp(`^(?:[A-Z]\\.)+$|^(?:${DOTTED_NAME_ABBREVIATIONS.join('|')})\\.$`);
const NOT_SENTENCE_END = new RegExp(
  `^(?:${DOTTED_NAME_ABBREVIATIONS.filter((a) => !SENTENCE_FINAL_ABBREVIATIONS.has(a.toLowerCase())).join('|')})$`,
);

/** The words of a text (the 'name' token notion), each marked when it opens a sentence or line. */
function nameTokens(text: string): NameToken[] {
  const out: NameToken[] = [];
  let sentenceStart = true;
  for (const { text: t, start } of tokenize(text, 'name')) {
    if (/^[.!?\n]/.test(t)) {
      sentenceStart = true;
      continue;
    }
    // "U.S." style and trailing abbreviation dots stay with the word; a possessive "'s" does not.
    let word = t.endsWith('.') && !KEEPS_DOT.test(t) ? t.slice(0, -1) : t;
    word = word.replace(/['’]s$/, '');
    out.push({ text: word, start, end: start + word.length, sentenceStart });
    sentenceStart = t.endsWith('.') && word === t.slice(0, -1) && !NOT_SENTENCE_END.test(word);
  }
  return out;
}

const isCap = (w: string) => /^\p{Lu}/u.test(w) || /^(al|el)-?\p{Lu}/u.test(w);

/** "Syrian", "Russians", "US-Russian", "Britain-based": adjectives and compounds, not names. */
const NOT_A_NAME_WORD =
  /^\p{Lu}\p{Ll}+(?:ian|ians|ish|ese|ans)$|^\p{Lu}[\p{L}]*-(?:based|backed|led|born|run|owned|linked|allied|aligned)$|^\p{Lu}[\p{L}.]*-\p{Lu}[\p{L}]*$/u;
const isAcronym = (w: string) => /^\p{Lu}{2,6}$/u.test(w) || /^(?:\p{Lu}\.){2,4}$/u.test(w);

interface RawMention {
  name: string;
  role?: string;
  start: number;
  end: number;
  kind: EntityKind;
  /** The kind was read from context, not guessed from the name's shape. */
  sure: boolean;
}

/** The named mentions of a text, with their kinds. */
export function findMentions(text: string): RawMention[] {
  const tokens = nameTokens(text);
  const out: RawMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isCap(tokens[i].text) && !isAcronym(tokens[i].text)) continue;
    // Extend over capitalized words and name particles ("Jabhat Fateh al-Sham", "Ministry of Defence").
    let j = i + 1;
    while (j < tokens.length) {
      const w = tokens[j].text;
      if (tokens[j].sentenceStart) break;
      if (/[\n]/.test(text.slice(tokens[j - 1].end, tokens[j].start))) break;
      const gap = text.slice(tokens[j - 1].end, tokens[j].start);
      if (!/^[ \u00a0]+$|^-$/.test(gap)) break;
      if (isCap(w) || isAcronym(w)) j++;
      else if (
        PARTICLES.test(w) &&
        j + 1 < tokens.length &&
        isCap(tokens[j + 1].text) &&
        !/^(and|the)$/i.test(w)
      )
        j += 2;
      else break;
    }
    let words = tokens.slice(i, j).map((t) => t.text);
    let first = i;
    // A sentence-initial common word, a demonym or a "-based" compound is not part of a name.
    while (
      words.length &&
      ((NOT_NAMES.has(words[0].toLowerCase()) &&
        !(words.length === 1 && isAcronym(words[0]) && words[0].length > 2)) ||
        (NOT_A_NAME_WORD.test(words[0]) &&
          !PLACES.has(words[0].toLowerCase()) &&
          (words.length === 1 || /-/.test(words[0]))))
    ) {
      words = words.slice(1);
      first++;
    }
    if (!words.length) {
      i = j - 1;
      continue;
    }
    // ... nor at its end ("Jabhat al-Nusra's Syrian" never happens, but "the Assad regime's Russian" does).
    while (
      words.length &&
      NOT_A_NAME_WORD.test(words[words.length - 1]) &&
      !PLACES.has(words[words.length - 1].toLowerCase())
    )
      words = words.slice(0, -1);
    if (!words.length) {
      i = j - 1;
      continue;
    }
    // Titles and roles before the name: "Russian Foreign Minister Sergei Lavrov".
    let lastTitle = -1;
    words.forEach((w, k) => {
      if (TITLE_SET.has(w.toLowerCase().replace(/\.$/, ''))) lastTitle = k;
    });
    let role: string | undefined;
    if (lastTitle >= 0 && lastTitle < words.length - 1) {
      role = words.slice(0, lastTitle + 1).join(' ');
      first += lastTitle + 1;
      words = words.slice(lastTitle + 1);
    } else if (lastTitle === words.length - 1) {
      i = j - 1;
      continue; // only a title ("the President")
    }
    const lone = words.length === 1;
    // A lone capitalized word opening a sentence is a name only if it is known or recurs elsewhere.
    if (
      lone &&
      tokens[first].sentenceStart &&
      !PLACES.has(words[0].toLowerCase()) &&
      !isAcronym(words[0]) &&
      !role
    ) {
      i = j - 1;
      continue;
    }
    if (words.every((w) => NOT_NAMES.has(w.toLowerCase()))) {
      i = j - 1;
      continue;
    }
    const start = tokens[first].start;
    const end = tokens[first + words.length - 1].end;
    const name = text.slice(start, end);
    out.push({
      name,
      role,
      start,
      end,
      ...kindOf(words, role, text.slice(Math.max(0, start - 24), start), text.slice(end, end + 40)),
    });
    i = j - 1;
  }
  return out;
}

function kindOf(
  words: string[],
  role: string | undefined,
  before: string,
  after: string,
): { kind: EntityKind; sure: boolean } {
  const kind = contextKind(words, role, before, after);
  if (kind) return { kind, sure: true };
  // Only the shape of the name is left: two or three capitalized words look like a person's name, one
  // word is most often a surname; longer runs are titles of organizations.
  if (words.length >= 2 && words.length <= 3 && words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w)))
    return { kind: 'PERSON', sure: false };
  // One word after "the" ("the al-Qa'ida aligned group", "the Islamist militia") names no person; it may
  // still be a place used as a modifier ("the Brackwater ferry"), so this too is only a guess.
  if (words.length === 1 && /\bthe\s+$/i.test(before)) return { kind: 'ORG', sure: false };
  return { kind: words.length === 1 ? 'PERSON' : 'ORG', sure: false };
}

/** What follows a person's name: a reporting verb ("Lavrov said"), "who", an apposition ("a doctor"). */
const PERSON_AFTER = new RegExp(
  String.raw`^,?\s+(${NAME_REPORTING_VERBS.join('|')}|who|a\s+\w+|an\s+\w+|the\s+\w+\s+(of|for))\b`,
  'i',
);

/** The kind the words of a name or its context show, if any. */
function contextKind(
  words: string[],
  role: string | undefined,
  before: string,
  after: string,
): EntityKind | undefined {
  const lower = words.map((w) => w.toLowerCase().replace(/^(al|el)-/, ''));
  const joined = words.join(' ').toLowerCase();
  if (role) return 'PERSON';
  if (lower.some((w) => ORG_WORDS.has(w) || COMPANY_WORDS.has(w))) return 'ORG';
  if (words.length >= 2 && PLACE_WORDS.has(lower[lower.length - 1])) return 'PLACE';
  if (PLACE_PHRASES.has(joined) || (words.length === 1 && PLACES.has(lower[0].replace(/\./g, ''))))
    return 'PLACE';
  if (words.length === 1 && isAcronym(words[0])) return 'ORG';
  if (words.length >= 2 && /^(river|lake|mount|mt|cape|fort|port|gulf|isle|lake)$/.test(lower[0]))
    return 'PLACE';
  if (
    (/\b(in|to|from|near|outside|across|into|at|between)\s+(the\s+)?$/i.test(before) ||
      /\b(port|harbou?r|city|capital|town|village|suburbs?|streets|island|county|district|province|region|mayor|people|residents|outskirts|centre|center)\s+of\s+$/i.test(
        before,
      )) &&
    words.length <= 2
  )
    return 'PLACE';
  if (PERSON_AFTER.test(after) && words.length >= 2) return 'PERSON';
  if (/^['’]s\s+(spokesman|leader|chief|minister|president)/i.test(after)) return 'ORG';
  return undefined;
}

/** A spelling-proof key of a name word: lower-cased, accents and articles off, vowels dropped. */
function skeleton(word: string): string {
  const w = word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/^(al|el)-?(?=\p{L}{3})/u, '');
  // Letters that transliterations swap freely sound alike: c/k/q, ph/f, dh/d, kh/h.
  const sounds = w
    .replace(/ph/g, 'f')
    .replace(/[cq]/g, 'k')
    .replace(/([dk])h/g, '$1');
  const out = sounds[0] + sounds.slice(1).replace(/[aeiouy]/g, '');
  return out.replace(/(.)\1+/g, '$1');
}

/** The words of a name that identify it (particles and articles dropped). */
function nameWords(name: string): string[] {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !PARTICLES.test(w) && !/^(al|el)$/i.test(w))
    .map(skeleton);
}

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(
      (w) =>
        w && !PARTICLES.test(w) && !/^(al|el)$/i.test(w) && /^\p{Lu}/u.test(w.replace(/^(al|el)-?/i, '')),
    )
    .map((w) => w.replace(/^(al|el)-?/i, '')[0])
    .join('')
    .toUpperCase();
}

/** Entities of one article, aliases merged within it. */
export function entities(article: Pick<Article, 'id' | 'text'>): Entity[] {
  return mergeEntities([mentionsAsEntities(article)]);
}

function mentionsAsEntities(article: Pick<Article, 'id' | 'text'>): Draft[] {
  const out: Draft[] = [];
  // A single capitalized word the article also writes in lower case ("Warehouse 7" / "the warehouse") is a
  // common noun at the start of a sentence or a label, not a name.
  const lowerWords = new Set(article.text.match(/(?<![\p{L}\p{N}'’-])\p{Ll}[\p{Ll}'’-]+/gu) ?? []);
  const mentions = findMentions(article.text).filter(
    (m) => /\s/.test(m.name.trim()) || !lowerWords.has(m.name.toLowerCase()),
  );
  // "X, formerly known as Y" / "X, previously known as Y": Y is another name of X.
  const formerly = /\b(?:formerly|previously|once|also) known as\b/gi;
  for (const m of mentions) {
    const mention: EntityMention = { articleId: article.id, start: m.start, end: m.end, text: m.name };
    const draft: Draft = {
      id: '',
      kind: m.kind,
      name: m.name,
      aliases: [],
      mentions: [mention],
      ...(m.role ? { roles: [m.role] } : {}),
    };
    kindVotes.set(draft, new Map([[m.kind, m.sure ? 1 : GUESS_VOTE]]));
    out.push(draft);
  }
  for (let k = formerly.exec(article.text); k; k = formerly.exec(article.text)) {
    const after = mentions.find(
      (m) => m.start >= k!.index + k![0].length && m.start - (k!.index + k![0].length) < 8,
    );
    // The name it renames heads the apposition: "X, the ... group formerly known as Y".
    const before = [...mentions]
      .reverse()
      .find(
        (m) =>
          m.end <= k!.index && k!.index - m.end < 80 && m.kind !== 'PLACE' && article.text[m.end] === ',',
      );
    if (after && before) {
      const target = out.find((e) => e.mentions[0].start === before.start);
      const alias = out.find((e) => e.mentions[0].start === after.start);
      if (target && alias) alias.formerOf = target.mentions[0].text;
    }
  }
  return out;
}

/**
 * Merge entity lists (of one article or of a whole story) so that each real-world entity appears once,
 * with every spelling as an alias. Deterministic: the most frequent full spelling names the entity.
 */
export function mergeEntities(lists: Entity[][]): Entity[] {
  const all: Draft[] = lists.flat();
  const groups: Draft[][] = [];
  // Indexes, so that each name is compared only with groups it could join (linear in the names, not
  // quadratic): by exact key, by last name word, by initials of multi-word names, by acronym.
  const order = new Map<Draft[], number>();
  const byKey = new Map<string, Draft[]>();
  const byLast = new Map<string, Draft[][]>();
  const byInitials = new Map<string, Draft[][]>();
  const byAcronym = new Map<string, Draft[][]>();
  const wordsCache = new Map<string, string[]>();
  const wordsOf = (name: string) => {
    let w = wordsCache.get(name);
    if (!w) {
      w = nameWords(name);
      wordsCache.set(name, w);
    }
    return w;
  };
  const acronymOf = (name: string) =>
    isAcronym(name.replace(/\./g, '')) ? name.replace(/\./g, '').toUpperCase() : undefined;
  const addTo = (index: Map<string, Draft[][]>, key: string, g: Draft[]) => {
    const list = index.get(key);
    if (!list) index.set(key, [g]);
    else if (list[list.length - 1] !== g && !list.includes(g)) list.push(g);
  };
  const place = (e: Draft, g: Draft[]) => {
    g.push(e);
    const words = wordsOf(e.name);
    const key = words.join(' ');
    if (!byKey.has(key)) byKey.set(key, g);
    if (words.length) addTo(byLast, words[words.length - 1], g);
    if (words.length >= 2) addTo(byInitials, initials(e.name), g);
    const acro = acronymOf(e.name);
    if (acro) addTo(byAcronym, acro, g);
  };
  const find = (e: Draft): Draft[] | undefined => {
    const words = wordsOf(e.name);
    const exact = byKey.get(words.join(' '));
    if (exact) return exact;
    const acro = acronymOf(e.name);
    const candidates = new Set<Draft[]>([
      ...(words.length ? (byLast.get(words[words.length - 1]) ?? []) : []),
      ...(acro ? (byInitials.get(acro) ?? []) : []),
      ...(words.length >= 2 ? (byAcronym.get(initials(e.name)) ?? []) : []),
    ]);
    // The earliest group that fits, as a scan over all groups in order would find.
    for (const g of [...candidates].sort((a, b) => order.get(a)! - order.get(b)!)) {
      for (const o of g) {
        const ow = wordsOf(o.name);
        // Acronym of a longer name ("JFS" = "Jabhat Fateh al-Sham").
        if (acro && ow.length >= 2 && initials(o.name) === acro) return g;
        const oAcro = acronymOf(o.name);
        if (oAcro && words.length >= 2 && initials(e.name) === oAcro) return g;
        if (acro || oAcro) continue;
        // A name inside a longer one of the same kind: "Lavrov" in "Sergei Lavrov", "Fath alSham" in
        // "Jabhat Fateh al-Sham" (the last word must match: surnames and group names end there).
        const [short, long] = words.length <= ow.length ? [words, ow] : [ow, words];
        if (short.length && short.length < long.length && short[short.length - 1] === long[long.length - 1]) {
          // Two or more shared name words are evidence enough; one word must also agree on the kind.
          const kindsAgree =
            short.length >= 2 || e.kind === o.kind || e.kind === 'PERSON' || o.kind === 'PERSON';
          if (kindsAgree && short.every((w) => long.includes(w))) return g;
        }
      }
    }
    return undefined;
  };
  for (const e of all) {
    let g = find(e);
    if (!g) {
      g = [];
      order.set(g, groups.length);
      groups.push(g);
    }
    place(e, g);
  }
  // "formerly known as": join the alias's group to its target's.
  for (const e of all) {
    if (!e.formerOf) continue;
    const from = groups.find((g) => g.includes(e));
    const to = groups.find(
      (g) => g !== from && g.some((o) => nameWords(o.name).join(' ') === nameWords(e.formerOf!).join(' ')),
    );
    if (from && to) {
      to.push(...from);
      groups.splice(groups.indexOf(from), 1);
    }
  }
  return groups
    .map((g) => {
      const spellings = new Map<string, number>();
      for (const e of g) for (const m of e.mentions) spellings.set(m.text, (spellings.get(m.text) ?? 0) + 1);
      const byUse = [...spellings].sort(
        (a, b) =>
          Number(isAcronym(a[0])) - Number(isAcronym(b[0])) ||
          nameWords(b[0]).length - nameWords(a[0]).length ||
          b[1] - a[1] ||
          a[0].localeCompare(b[0]),
      );
      const kinds = new Map<EntityKind, number>();
      for (const e of g)
        for (const [k, v] of kindVotes.get(e) ?? [[e.kind, 1] as const])
          kinds.set(k, (kinds.get(k) ?? 0) + v);
      const kind = [...kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
      const roles = [...new Set(g.flatMap((e) => e.roles ?? []))];
      const name = byUse[0][0];
      const merged: Entity = {
        id: `e-${nameWords(name).join('-') || name.toLowerCase()}`,
        kind,
        name,
        aliases: byUse.map(([s]) => s).filter((s) => s !== name),
        mentions: g
          .flatMap((e) => e.mentions)
          .sort((a, b) => (a.articleId ?? '').localeCompare(b.articleId ?? '') || a.start - b.start),
        ...(roles.length ? { roles } : {}),
      };
      kindVotes.set(merged, kinds);
      return merged;
    })
    .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}
