/**
 * Named entities — people, organizations, places and named events — from the trained tagger (ner/), with the
 * aliases of each merged across a story:
 *   "Russian Foreign Minister Sergei Lavrov" = "Sergei Lavrov" = "Lavrov" (the role kept apart)
 *   "Jabhat Fateh al-Sham" = "Jabhat Fatah Al Sham" = "Fath alSham" = "JFS" (= "Jabhat al-Nusra", when a
 *   page says "formerly known as")
 * Each sentence is cut into CoNLL-style tokens and tagged (ner/text.ts); PER, ORG and LOC become people,
 * organizations and places; MISC (demonyms, languages, events) is dropped, except events a head word names
 * ("Hurricane Katrina", "Operation Desert Storm"). Openers and page furniture the tagger glued to a name are
 * trimmed ("Among Syria", "End Quote"), titles in front of a person's name become roles, and a few sure
 * signs correct the kind ("Ministry" → organization, "Quay" → place, a country → place). Merging is safe
 * (see mergeEntities). Pure and linear in the text.
 */
import { createHash } from 'node:crypto';
import type { Article, Entity, EntityKind, EntityMention } from '../model.js';
import { derived } from '../models/load.js';
import { DisjointSets } from '../text/disjoint-sets.js';
import { perText } from './article-analysis.js';
import {
  BARE_HEAD_NOUNS,
  MONTH_ABBREVIATIONS,
  MONTHS_FULL,
  NEVER_NAMES,
  NICKNAMES,
  TIME_ZONES,
  TITLE_ABBREVIATIONS,
  TITLES,
  WEEKDAYS_LOWER,
} from './lexicon.js';
import type { EntityType } from './ner/bio.js';
import { nerModel } from './ner/tagger.js';
import { tagText } from './ner/text.js';

/** An entity while merging: it may say which name it formerly bore ("formerly known as"). */
type Draft = Entity & { formerOf?: string /** its kind was read from context */; sure?: boolean };

/** The mention drafts a merged entity was made of: a story merges mentions afresh, not articles' merges. */
const draftsOf = new WeakMap<Entity, Draft[]>();

/**
 * Evidence for each kind of an entity, by the merge that produced it: each tagged mention is a vote, a kind
 * read from context ("President", "port of", "Ministry") a stronger one. Kept beside the returned entities so that a later merge (a story's articles) weighs
 * the evidence, not just the per-article winners.
 */
const kindVotes = new WeakMap<Entity, Map<EntityKind, number>>();

/** Weight of a kind read from a name's words or context ("Ministry", "port of"), against 1 for the tagger's. */
const CONTEXT_VOTE = 3;

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
motors systems technologies hospital clinic school academy church club team board trust foundation media center
centre`.split(/\s+/),
);

/**
 * Head nouns of the names of institutions, buildings and places ("Center", "Hall", "Court", "Committee"):
 * alone, such a word is no short form of a longer name — "Hall" is not "Los Angeles City Hall", "Center" not
 * "Polanyi Center" — so it is never merged into one as a surname or a short name.
 */
const GENERIC_HEADS = new Set([
  ...[...ORG_WORDS].filter(
    (w) =>
      !/^(nato|un|eu|reuters|afp|jabhat|ahrar|jaish|harakat|hayat|tahrir|hezbollah|hamas|taliban|qaeda|nusra|isis|isil)$/.test(
        w,
      ),
  ),
  ...COMPANY_WORDS,
  ...PLACE_WORDS,
  ...`hall building tower towers museum library stadium arena fair festival house palace theater theatre
garden gardens hotel prison jail base camp center centre plaza mall market`.split(/\s+/),
]);

/** Words that open a sentence or a clause and never begin a name: the tagger sometimes glues them to one. */
const OPENERS = new Set([
  ...`the a an and but or nor if in on at of for to from by with as among amid amongst after before since
during despite although though however meanwhile while when where why how what who whom whose which this that
these those there here their they he she we i you his her our my your its it today yesterday tomorrow tonight
also some many several more most other such all both each every no not only even under over about against
between through into onto upon without within across behind beyond near via per so then thus yet still
instead unlike like according regarding following including inside outside once now later earlier last next besides
first finally indeed again perhaps please thanks dear yes oh`.split(/\s+/),
  ...WEEKDAYS_LOWER,
]);

/** Labels of scraped pages ("Full Article", "End Quote", "News of …") the tagger may read as part of a name. */
const FURNITURE = new Set(
  `news full article end quote photo photos image video caption read more related watch share advertisement
update updated breaking exclusive editor editors note story top comments comment click print email subscribe
follow listen live copyright credit file pictured editing reporting writing`.split(/\s+/),
);

/** Heads of the names of waters and lands "of" a place: "Gulf of Mexico", "Strait of Hormuz". */
const GEOGRAPHIC_HEADS = new Set(['gulf', 'bay', 'sea', 'strait', 'straits', 'isle', 'cape', 'lake']);

/** Heads of event names: "Hurricane Katrina", "Typhoon Haiyan", "Operation Desert Storm". */
const EVENT_HEADS = new Set(['hurricane', 'typhoon', 'cyclone', 'storm', 'operation']);

/** Words that are no name alone, and heads of names never used alone as one (lexicon.ts). */
const NEVER_NAME_SET = new Set(NEVER_NAMES);
const BARE_HEADS = new Set(BARE_HEAD_NOUNS);
const TIME_ZONE_SET = new Set(TIME_ZONES);
const MONTH_SET = new Set<string>([...MONTHS_FULL, ...MONTH_ABBREVIATIONS]);
/** A word that says where a name is based or born, glued before it: "Texas-based Anadarko", "Canadian-born X". */
const ORIGIN_WORD = /^\p{L}[\p{L}.]*-(?:based|born|bred|owned|backed|led|run|made)$/iu;

/** Honorifics that say no more than that a name is a person's: not kept as roles. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'messrs', 'mme', 'mlle']);

/** Words that make the name after them a person's whatever the tagger said: "Ms. Pao", "Adm Allen", "Sir Liam". */
const PERSON_TITLES = new Set(
  [...HONORIFICS, ...TITLE_ABBREVIATIONS, 'sir', 'dame', 'pres', 'senator'].filter((t) => t !== 'st'),
);

/**
 * Whether the mention path cuts this word off the front of a name (a title, an honorific, an opener, page
 * furniture): "Ms." of "Ms. Pao", "CEO" of "CEO Hayward". Evaluations use it to find a name the pipeline
 * trimmed, and nothing else, inside a longer written name.
 */
export function trimmedBeforeName(word: string): boolean {
  const w = bare(word).replace(/\./g, '');
  return TITLE_SET.has(w) || PERSON_TITLES.has(w) || OPENERS.has(w) || FURNITURE.has(w);
}

/** Name particles: inside a name, lower case, not a word of its key ("al-", "bin", "de", "of"). */
const PARTICLES = /^(al|al-|el|el-|bin|ibn|abu|de|del|della|di|da|van|von|der|la|le|du|of|the|and|for)$/i;

const isAcronym = (w: string) => /^\p{Lu}{2,6}$/u.test(w) || /^(?:\p{Lu}\.){2,4}$/u.test(w);
const hasLetter = (w: string) => /[\p{L}]/u.test(w);
const startsUpper = (w: string) => /^\p{Lu}/u.test(w);
const bare = (w: string) => w.toLowerCase().replace(/\.$/, '');
/** A word that may open a name written in lower case: "al-Sham", "bin Laden", "de Gaulle". */
const lowerNameStart = (w: string) => /^(?:al|el|bin|ibn|abu|de|van|von|da|di|du|le|la)(?:-\p{L}|$)/u.test(w);

/** The tagger's gazetteer lists, as sets of lower-case names (read from the model, not kept here). */
const gazetteerSets = derived(nerModel, (model) => {
  const g = model.gazetteer ?? {};
  const set = (name: string) => new Set(g[name] ?? []);
  const firstnames = set('firstname');
  const places = new Set([...set('country'), ...set('capital'), ...set('region')]);
  for (const n of firstnames) places.delete(n);
  return {
    places,
    /** Countries' names and other spellings as name words ("u.s." → "us", "united kingdom"). */
    // (the gazetteer leaves out two-letter codes, but for the two that news writes as names: U.S., U.K.)
    countryKeys: new Set(
      [...[...set('country')].map((p) => nameWords(p).join(' ')), 'us', 'uk'].filter(Boolean),
    ),
    /** The places as name words ("U.S." → "us"), to compare with the words of names. */
    placeKeys: new Set([...places].map((p) => nameWords(p).join(' ')).filter(Boolean)),
    firstnames,
    /** Cities and towns: too many are also surnames or companies to make a name a place alone. */
    cities: set('city'),
    demonyms: set('demonym'),
    languages: set('language'),
    /** Words the tagger's training text writes in lower case ("dock", "free"). */
    common: new Set(model.lower),
  };
});

/** A named mention of one article: the name's span, the role before it, the kind and how sure it is. */
export interface RawMention {
  name: string;
  role?: string;
  start: number;
  end: number;
  kind: EntityKind;
  /** The kind was read from the name's words or context, beyond the tagger's decision. */
  sure: boolean;
  /** The name opens its sentence (after quotes or a bracket). */
  opener?: boolean;
}

const KIND_OF_TYPE: Partial<Record<EntityType, EntityKind>> = { PER: 'PERSON', ORG: 'ORG', LOC: 'PLACE' };

/**
 * The named mentions of a text: the tagger's spans, trimmed of openers and page furniture, titles split off as
 * roles, demonyms and other MISC dropped, events kept where a head word says so. Linear in the text. Computed
 * once per text and kept (article-analysis.ts): a story briefed again does not tag its articles again.
 */
export function findMentions(text: string): RawMention[] {
  return perText('mentions', mentionsVersion(), text, taggedMentions);
}

/**
 * What kept mentions were made by: MENTIONS_CODE (bump it whenever findMentions or what it calls changes its
 * output) and the tagger's model, named by its header (retraining changes the header's data and results).
 */
const mentionsVersion = derived(
  nerModel,
  (model) =>
    `${MENTIONS_CODE}.${createHash('sha1').update(JSON.stringify(model.header)).digest('base64url').slice(0, 12)}`,
);
const MENTIONS_CODE = 2;

function taggedMentions(text: string): RawMention[] {
  const out: RawMention[] = [];
  for (const s of tagText(text)) {
    const toks = s.tokens;
    const spans: Array<{ start: number; end: number; kind: EntityKind | undefined }> = [];
    // Events from their head word: "Hurricane Katrina" (the tagger reads "Katrina" as a person).
    const taken = new Uint8Array(toks.length);
    for (let i = 0; i < toks.length - 1; i++) {
      if (!startsUpper(toks[i].text) || !EVENT_HEADS.has(bare(toks[i].text))) continue;
      let j = i + 1;
      while (j < toks.length && startsUpper(toks[j].text) && !OPENERS.has(bare(toks[j].text)) && j - i < 5)
        j++;
      if (j === i + 1) continue;
      const from = i > 0 && /^Tropical$/.test(toks[i - 1].text) ? i - 1 : i;
      spans.push({ start: from, end: j, kind: 'EVENT' });
      taken.fill(1, from, j);
      i = j - 1;
    }
    for (const sp of s.spans) {
      let overlaps = false;
      for (let k = sp.start; k < sp.end; k++) if (taken[k]) overlaps = true;
      if (overlaps) continue;
      // MISC is mostly demonyms, languages and events without a head word: not listed, unless a word of an
      // organization's name makes it one ("Jabhat Fatah Al Sham" read as MISC).
      const kind =
        KIND_OF_TYPE[sp.type] ??
        (sp.end - sp.start >= 2 &&
        toks.slice(sp.start, sp.end).some((t) => ORG_WORDS.has(bare(t.text).replace(/^(al|el)-/, '')))
          ? 'ORG'
          : undefined);
      if (!kind) continue;
      // Two or more words of page furniture inside a span cut it ("U.N. Full Article France"), and so does a
      // possessive ("Calderwick's North Quay" names Calderwick and North Quay).
      let from = sp.start;
      for (let k = sp.start; k <= sp.end; k++) {
        if (k < sp.end && /^['’]s$/i.test(toks[k].text)) {
          if (k > from) spans.push({ start: from, end: k, kind });
          from = k + 1;
          continue;
        }
        const run = k < sp.end && FURNITURE.has(bare(toks[k].text)) && startsUpper(toks[k].text);
        if (run && k + 1 < sp.end && FURNITURE.has(bare(toks[k + 1].text))) {
          if (k > from) spans.push({ start: from, end: k, kind });
          while (k < sp.end && FURNITURE.has(bare(toks[k].text))) k++;
          from = k;
        }
        if (k === sp.end && from < sp.end) spans.push({ start: from, end: sp.end, kind });
      }
    }
    spans.sort((a, b) => a.start - b.start);
    // "Gulf" "of" "Mexico" tagged as two places is one: a sea, a bay or a strait of somewhere.
    for (let k = 0; k + 1 < spans.length; k++) {
      const [x, y] = [spans[k], spans[k + 1]];
      if (
        x.kind === 'PLACE' &&
        (y.kind === 'PLACE' || y.kind === 'ORG') &&
        x.end - x.start === 1 &&
        y.start === x.end + 1 &&
        toks[x.end].text === 'of' &&
        GEOGRAPHIC_HEADS.has(bare(toks[x.start].text))
      )
        spans.splice(k, 2, { start: x.start, end: y.end, kind: 'PLACE' });
    }
    for (const sp of spans) {
      const m = spanMention(text, toks, sp.start, sp.end, sp.kind);
      if (m) out.push(m);
    }
  }
  return out;
}

/**
 * One tagged span made a mention: trimmed, its role split off, its kind checked; undefined when no name is
 * left. `toks` are the sentence's tokens (the 'conll' notion, offsets into `text`), [start, end) the span.
 */
export function spanMention(
  text: string,
  toks: readonly { text: string; start: number; end: number }[],
  start: number,
  end: number,
  tagged: EntityKind | undefined,
): RawMention | undefined {
  let a = start;
  let b = end;
  const event = tagged === 'EVENT';
  // Leading openers, page furniture, lower-case words and punctuation are no part of a name.
  while (a < b) {
    const w = toks[a].text;
    const lw = bare(w);
    const rest = toks.slice(a + 1, b);
    if (!hasLetter(w) && !/\d/.test(w)) a++;
    else if (!startsUpper(w) && !(lowerNameStart(w) && rest.length)) a++;
    else if (OPENERS.has(lw) && !(lw === 'the' && rest.length === 1 && rest[0].text === 'Hague')) a++;
    // a time zone of a dateline ("pm EDT SURMAN") or where a name is based ("Texas-based Anadarko")
    else if (rest.length && (TIME_ZONE_SET.has(w) || ORIGIN_WORD.test(w))) a++;
    else if (
      !event &&
      FURNITURE.has(lw) &&
      rest.length &&
      (a === 0 || a > start || !startsUpper(rest[0].text)) &&
      !rest.every((t) => ORG_WORDS.has(bare(t.text)) || COMPANY_WORDS.has(bare(t.text)))
    )
      a++;
    else break;
  }
  // Trailing punctuation, lower-case words and a possessive "'s".
  while (
    b > a &&
    (!/[\p{L}\p{N}]/u.test(toks[b - 1].text) ||
      /^['’]s$/i.test(toks[b - 1].text) ||
      !(startsUpper(toks[b - 1].text) || /^(?:al|el)-?\p{Lu}/u.test(toks[b - 1].text)))
  )
    b--;
  // A month and a day after a name are a date: "San Francisco, California March 25, 2015".
  if (b - a >= 2 && MONTH_SET.has(toks[b - 1].text) && b < toks.length && /^\d{1,2}\b/.test(toks[b].text)) {
    b--;
    while (b > a && !/[\p{L}\p{N}]/u.test(toks[b - 1].text)) b--;
  }
  if (b <= a) return undefined;
  // A name that ends in an initial is cut short of its surname ("Laura E." of "Laura E. Crotty Alexander"):
  // the whole name is found where the text writes it otherwise.
  if (b - a >= 2 && /^\p{Lu}$/u.test(toks[b - 1].text) && text[toks[b - 1].end] === '.') return undefined;
  let kind = tagged;
  // Titles at the head of a person's span are a role: "President Ines Carvalho" (never the last word:
  // "Amartya Sen" is no senator).
  let roleStart = -1;
  let roleEnd = -1;
  let titled = false;
  // Any span opening with an honorific or an abbreviated title is a person's name ("Ms. Pao" read as a
  // place, "U.S. Vice Adm. Bill Gortney" as an organization).
  if (!event) {
    let last = -1;
    for (let k = a; k < b - 1 && startsUpper(toks[k].text); k++)
      if (PERSON_TITLES.has(bare(toks[k].text))) last = k;
    if (last >= 0) {
      titled = true;
      // the role is the titles and words just before them, not page furniture ("BBC News Mr Cameron")
      roleStart = last;
      while (roleStart > a && !FURNITURE.has(bare(toks[roleStart - 1].text))) roleStart--;
      roleEnd = last + 1;
      a = roleEnd;
      kind = 'PERSON';
    }
  }
  if (kind === 'PERSON') {
    // the last title before the name's own words ends a role ("London Mayor Boris Johnson"); page
    // furniture before the role is dropped ("BBC News London Mayor ...")
    let last = -1;
    for (let k = a; k < b - 1; k++) if (TITLE_SET.has(bare(toks[k].text))) last = k;
    if (last >= 0) {
      let from = last;
      while (from > a && !FURNITURE.has(bare(toks[from - 1].text))) from--;
      if (roleStart < 0 || roleStart < from) roleStart = from;
      roleEnd = last + 1;
      a = last + 1;
    }
  }
  // ... and the capitalized words before a person's name that end in a title: "Russian Foreign Minister".
  if (kind === 'PERSON' || kind === 'ORG' || kind === 'PLACE') {
    const head = roleStart >= 0 ? roleStart : a;
    if (head > 0 && TITLE_SET.has(bare(toks[head - 1].text))) {
      let k = head - 1;
      while (
        k > 0 &&
        head - k < 6 &&
        !FURNITURE.has(bare(toks[k - 1].text)) &&
        (startsUpper(toks[k - 1].text) ||
          (/^(of|for)$/.test(toks[k - 1].text) && k > 1 && startsUpper(toks[k - 2].text)))
      )
        k--;
      while (
        k < head &&
        (OPENERS.has(bare(toks[k].text)) || FURNITURE.has(bare(toks[k].text)) || !startsUpper(toks[k].text))
      )
        k++;
      if (k < head) {
        roleStart = k;
        if (roleEnd < 0) roleEnd = head;
      }
    }
  }
  const words = toks.slice(a, b).map((t) => t.text);
  if (!words.some((w) => /\p{Lu}/u.test(w)) || words.join('').replace(/[^\p{L}]/gu, '').length < 2)
    return undefined;
  // titles or furniture alone name nobody ("CEO", "C.E.O.", "Editing")
  if (words.every((w) => TITLE_SET.has(bare(w).replace(/\./g, '')) || FURNITURE.has(bare(w))))
    return undefined;
  const lower = words.join(' ').toLowerCase();
  const { places, demonyms, languages } = gazetteerSets();
  // A demonym or a language alone is no entity ("Syrian", "Arabic"), whatever the tagger said.
  if (!event && (demonyms.has(lower) || languages.has(lower) || demonyms.has(lower.replace(/s$/, ''))))
    return undefined;
  if (kind === undefined) return undefined;
  const startOffset = toks[a].start;
  const endOffset = toks[b - 1].end;
  let sure = false;
  let role: string | undefined;
  if (roleStart >= 0) {
    const roleWords = toks.slice(roleStart, roleEnd).map((t) => bare(t.text));
    if (!roleWords.every((w) => HONORIFICS.has(w)))
      role = text.slice(toks[roleStart].start, toks[roleEnd - 1].end);
  }
  if (!event) {
    const ctx = contextKind(
      words,
      roleStart >= 0 || titled,
      text.slice(Math.max(0, startOffset - 24), startOffset),
      places,
    );
    if (ctx) {
      sure = true;
      kind = ctx;
    }
  }
  const opener = toks.slice(0, a).every((t) => !/[\p{L}\p{N}]/u.test(t.text));
  return {
    name: text.slice(startOffset, endOffset),
    role,
    start: startOffset,
    end: endOffset,
    kind,
    sure,
    ...(opener ? { opener } : {}),
  };
}

/** The kind the words of a name or its context show beyond doubt, if any. */
function contextKind(
  words: string[],
  titled: boolean,
  before: string,
  places: ReadonlySet<string>,
): EntityKind | undefined {
  const lower = words.map((w) =>
    w
      .toLowerCase()
      .replace(/^(al|el)-/, '')
      .replace(/\.$/, ''),
  );
  const joined = words.join(' ').toLowerCase();
  if (titled) return 'PERSON';
  // the head of a name (its last word, or the word before "of") names its kind before any other word:
  // "Tahrir Square" is a place though "Tahrir" is in a group's name; "Department of State" is no place
  const ofAt = lower.findIndex((w, k) => k > 0 && (w === 'of' || w === 'for'));
  const head = lower[ofAt > 0 ? ofAt - 1 : lower.length - 1];
  if (words.length >= 2 && PLACE_WORDS.has(head) && !ORG_WORDS.has(head) && !COMPANY_WORDS.has(head))
    return 'PLACE';
  if (
    lower.some((w) => ORG_WORDS.has(w) || COMPANY_WORDS.has(w)) &&
    !(words.length === 1 && places.has(joined))
  )
    return 'ORG';
  if (words.length >= 2 && PLACE_WORDS.has(lower[lower.length - 1])) return 'PLACE';
  if (words.length >= 2 && /^(river|lake|mount|mt|cape|fort|gulf|isle)$/.test(lower[0])) return 'PLACE';
  if (places.has(joined)) return 'PLACE';
  if (
    words.length <= 2 &&
    /\b(port|harbou?r|city|capital|town|village|suburbs?|island|county|district|province|region|outskirts)\s+of\s+$/i.test(
      before,
    )
  )
    return 'PLACE';
  return undefined;
}

/** Entities of one article, aliases merged within it; computed once per article object. */
export function entities(article: Pick<Article, 'id' | 'text'>): Entity[] {
  const cached = perArticle.get(article);
  if (cached && cached.text === article.text && cached.id === article.id) return cached.list;
  const list = mergeEntities([mentionsAsEntities(article)]);
  perArticle.set(article, { id: article.id, text: article.text, list });
  return list;
}

const perArticle = new WeakMap<object, { id: string; text: string; list: Entity[] }>();

function mentionsAsEntities(article: Pick<Article, 'id' | 'text'>): Draft[] {
  const out: Draft[] = [];
  // A single capitalized word the article also writes in lower case ("Warehouse 7" / "the warehouse") is a
  // common noun at the start of a sentence or a label, not a name.
  const lowerWords = new Set(article.text.match(/(?<![\p{L}\p{N}'’-])\p{Ll}[\p{Ll}'’-]+/gu) ?? []);
  // So is one opening a sentence that is a common word of news text ("Dock workers said ...").
  const { places, firstnames, common } = gazetteerSets();
  const mentions = findMentions(article.text).filter((m) => {
    if (quotedTitle(article.text, m.start, m.end)) return false;
    if (/\s/.test(m.name.trim()) || isAcronym(m.name)) return true;
    const lower = m.name.toLowerCase();
    // a pronoun or an interjection ("Nobody", "Gosh"), a head noun alone ("Committee", "Center")
    if (NEVER_NAME_SET.has(lower) || BARE_HEADS.has(lower)) return false;
    if (places.has(lower)) return true;
    if (lowerWords.has(lower)) return false;
    return !(m.opener && !m.sure && !m.role && common.has(lower) && !firstnames.has(lower));
  });
  for (const m of mentions) {
    const mention: EntityMention = { articleId: article.id, start: m.start, end: m.end, text: m.name };
    const draft: Draft = {
      id: '',
      kind: m.kind,
      name: m.name,
      aliases: [],
      mentions: [mention],
      ...(m.role ? { roles: [m.role] } : {}),
      ...(m.sure ? { sure: true } : {}),
    };
    kindVotes.set(draft, new Map([[m.kind, m.sure ? CONTEXT_VOTE : 1]]));
    out.push(draft);
  }
  // "X, formerly known as Y" / "X, previously known as Y": Y is another name of X.
  const formerly = /\b(?:formerly|previously|once|also) known as\b/gi;
  for (let k = formerly.exec(article.text); k; k = formerly.exec(article.text)) {
    const at = k.index + k[0].length;
    const after = mentions.findIndex((m) => m.start >= at && m.start - at < 8);
    // The name it renames heads the apposition: "X, the ... group formerly known as Y".
    let before = -1;
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i];
      // ... and the apposition is one: no other comma between ("X, referring to Z, the group formerly ...")
      if (
        m.end <= k.index &&
        k.index - m.end < 80 &&
        m.kind !== 'PLACE' &&
        article.text[m.end] === ',' &&
        !article.text
          .slice(m.end + 1, k.index)
          .replace(/,\s*$/, '')
          .includes(',')
      ) {
        before = i;
        break;
      }
      if (m.end <= k.index - 80) break;
    }
    if (after >= 0 && before >= 0) out[after].formerOf = out[before].name;
  }
  return out;
}

/**
 * Whether a name of two words or more stands alone between quotation marks: the title of a film, a book or a
 * show ("Good Will Hunting", "The Wolf Man"), not a person, a body or a place. (A possessive "'s" after the
 * name is no closing quote; one word in quotes is more often a nickname: "Johnny".)
 */
function quotedTitle(text: string, start: number, end: number): boolean {
  if (!/\s/.test(text.slice(start, end))) return false;
  return (
    /[“"‘'«]\s*(?:The\s+|An?\s+)?$/.test(text.slice(Math.max(0, start - 6), start)) &&
    /^[,.!?]?(?:[”"»]|[’'](?![sS]\b))/.test(text.slice(end, end + 3))
  );
}

/** A spelling-proof key of a name word: lower-cased, accents and articles off, vowels dropped. */
function skeleton(word: string): string {
  const w = fold(word).replace(/^(al|el)-?(?=\p{L}{3})/u, '');
  // Letters that transliterations swap freely sound alike: c/k/q, ph/f, dh/d, kh/h.
  const sounds = w
    .replace(/ph/g, 'f')
    .replace(/[cq]/g, 'k')
    .replace(/([dk])h/g, '$1');
  const out = sounds[0] + sounds.slice(1).replace(/[aeiouy]/g, '');
  return out.replace(/(.)\1+/g, '$1');
}

/** Lower case without accents, dots or apostrophes: "Fateh", "U.S." → "fateh", "us". */
const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’.]/g, '');

/** The words of a name that identify it, folded (particles, articles and a possessive dropped). */
function nameWords(name: string): string[] {
  // "USA" is the United States as "US" is
  if (/^U\.?S\.?A\.?$/.test(name.trim())) return ['us'];
  return name
    .replace(/['’]s$/i, '')
    .split(/[\s-]+/)
    .filter((w) => w && !PARTICLES.test(w) && !/^(al|el)$/i.test(w))
    .map(fold)
    .filter(Boolean);
}

/**
 * Initials of a name's words, particles skipped ("Jabhat Fateh al-Sham" → "JFS", "United States" → "US"); a word
 * that is itself an acronym gives all its letters ("US Navy" → "USN", "BNP Paribas" → "BNPP", not "UN", "BP"),
 * and a corporate suffix none ("BP PLC" → "BP").
 */
function initials(name: string, withParticles = false): string {
  const words = name.split(/[\s-]+/);
  // a corporate suffix is no letter of an acronym: "BP PLC" is "BP"
  while (words.length > 1 && CORPORATE.has(words[words.length - 1].toLowerCase().replace(/[.,]/g, '')))
    words.pop();
  return words
    .filter(
      (w) => w && (withParticles ? /^(of|and|for)$/i.test(w) || !PARTICLES.test(w) : !PARTICLES.test(w)),
    )
    .filter((w) => !/^(al|el)$/i.test(w) && /^\p{L}/u.test(w.replace(/^(al|el)-?/i, '')))
    .map((w) => (isAcronym(w) ? w.replace(/\./g, '') : w.replace(/^(al|el)-?/i, '')[0]))
    .join('')
    .toUpperCase();
}

/** A name is long enough for a spelling-proof (skeleton) match: two words or more, or eight letters. */
const longName = (words: string[]) => words.length >= 2 || (words[0]?.length ?? 0) >= 8;

/** The skeleton key of a long name, when every word keeps two sounds or more ("Toya" and "Tito" are both "t"). */
function skeletonKey(words: string[], name: string): string | undefined {
  if (!words.length || !longName(words) || (name && isAcronym(name.replace(/\s/g, '')))) return undefined;
  // one word alone must end alike and be no first name ("Michaela" and "Michelle" are two people)
  if (words.length === 1 && gazetteerSets().firstnames.has(words[0])) return undefined;
  const skels = words.map(skeleton);
  if (!skels.every((k) => k.length >= 2)) return undefined;
  return words.length === 1 ? `${skels[0]}${words[0].slice(-1)}` : skels.join(' ');
}

/** Last words of a company's name that it goes without: "Symantec Corp." is "Symantec". */
const CORPORATE = new Set(
  'corp corporation inc co ltd llc plc company group holdings foods foundation international'.split(' '),
);

/**
 * Last words of a company's name that say its trade, which it also goes without when what is left is a
 * word of its own: "Ankor Energy" is "Ankor", "Anadarko Petroleum" "Anadarko" (never "Gulf Oil" "Gulf").
 */
const TRADE = new Set(
  'energy oil petroleum motors airlines airways shipping industries systems technologies media pharmaceuticals'.split(
    ' ',
  ),
);

/** The word with each letter left out in turn (and the word itself). */
function deletions(w: string): string[] {
  const out = [w];
  for (let i = 1; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/**
 * One letter changed, added, dropped or two swapped, never the first: "Mubarak"/"Mubarek", "Greig"/"Grieg";
 * a letter added at the end only if `end` ("Sara"/"Sarah" beside a surname, not "Michael"/"Michaela").
 */
function oneEditApart(a: string, b: string, end = false): boolean {
  if (a === b || a[0] !== b[0] || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (!end && a.length !== b.length && i >= Math.min(a.length, b.length)) return false;
  if (a.length === b.length)
    return (
      a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
    );
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Merge entity lists (of one article or of a whole story) so that each real-world entity appears once,
 * with every spelling as an alias. Safe merges only, each between names of one kind:
 *   the same name (its kind voted over all its mentions), the same skeleton of a long name ("Fateh"/"Fatah"),
 *   a name inside a longer one when that longer one is the only one it fits (a surname to the story's only
 *   full name with that surname, "Fateh al-Sham" to "Jabhat Fateh al-Sham", "Hillary Clinton" to "Hillary
 *   Rodham Clinton"), an acronym to the only long form of the story with those initials, and "formerly
 *   known as". Linear: every rule looks names up in an index. Deterministic: the fullest spelling names
 *   the entity.
 */
export function mergeEntities(lists: Entity[][]): Entity[] {
  const all: Draft[] = lists.flat().flatMap((e) => draftsOf.get(e) ?? [e]);
  const sets = new DisjointSets(all.length);
  const find = (i: number): number => sets.find(i);
  /** Roots of groups with a mention whose kind context confirmed. */
  const sureRoots = new Set<number>();
  all.forEach((e, i) => {
    if (e.sure) sureRoots.add(i);
  });
  const union = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    // the earlier node stays the root, so that results do not depend on the order of unions
    const root = sets.union(a, b);
    if (sureRoots.has(a) || sureRoots.has(b)) sureRoots.add(root);
  };
  /** Mentions of each group as the unions stand, by root. */
  const mentionsByGroup = () => {
    const out = new Map<number, number>();
    all.forEach((e, i) => {
      out.set(find(i), (out.get(find(i)) ?? 0) + e.mentions.length);
    });
    return out;
  };
  const names = all.map((e) => [...new Set([e.name, ...e.aliases])]);
  /** Nodes joined to a group of another kind by a spelling: their kind votes no longer count. */
  const crossKind = new Set<number>();
  const wordsOf = new Map<string, string[]>();
  for (const list of names) for (const n of list) if (!wordsOf.has(n)) wordsOf.set(n, nameWords(n));

  // 1. The same name is the same entity, whatever kind one mention was given: its kind is voted below.
  const byKey = new Map<string, number>();
  all.forEach((_, i) => {
    for (const n of names[i]) {
      const key = wordsOf.get(n)!.join(' ') || n.toLowerCase();
      const j = byKey.get(key);
      if (j === undefined) byKey.set(key, i);
      else union(i, j);
    }
  });
  // ... and an organization's long name with its words in another order ("Transitional National Council",
  // "National Transitional Council")
  const byWordSet = new Map<string, number>();
  all.forEach((e, i) => {
    if (e.kind !== 'ORG') return;
    for (const n of names[i]) {
      const w = wordsOf.get(n)!;
      if (w.length < 3) continue;
      const key = [...w].sort().join(' ');
      const j = byWordSet.get(key);
      if (j === undefined) byWordSet.set(key, i);
      else union(i, j);
    }
  });
  const votes = new Map<number, Map<EntityKind, number>>();
  all.forEach((e, i) => {
    const r = find(i);
    let v = votes.get(r);
    if (!v) votes.set(r, (v = new Map()));
    for (const [k, n] of kindVotes.get(e) ?? [[e.kind, 1] as const]) v.set(k, (v.get(k) ?? 0) + n);
  });
  const kindOfRoot = new Map<number, EntityKind>();
  for (const [r, v] of votes)
    kindOfRoot.set(r, [...v].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]);
  const kindOf = (i: number) => kindOfRoot.get(find(i)) ?? all[i].kind;
  // Kinds are fixed from here on: later merges join only groups of one kind.
  const nodeKind = all.map((_, i) => kindOf(i));

  // 2. The same skeleton of a long name, within a kind: "Jabhat Fatah Al Sham" = "Jabhat Fateh al-Sham".
  const bySkeleton = new Map<string, number>();
  all.forEach((_, i) => {
    for (const n of names[i]) {
      const key = skeletonKey(wordsOf.get(n)!, n);
      if (!key) continue;
      const j = bySkeleton.get(`${nodeKind[i]} ${key}`);
      if (j === undefined) bySkeleton.set(`${nodeKind[i]} ${key}`, i);
      else union(i, j);
    }
  });

  /** The one group among `set` other than i's, if exactly one. */
  /**
   * The one group among `set` other than i's, if exactly one. `strict` for a set of longer names that i is
   * never in (full names for a surname): when i's group already holds one of them, none ("Jackson" joined
   * Michael Jackson, so not Jermaine Jackson too).
   */
  const only = (set: Set<number> | undefined, i: number, strict = false): number | undefined => {
    if (!set) return undefined;
    const roots = new Set<number>();
    const own = find(i);
    for (const j of set) {
      const r = find(j);
      if (r === own) {
        if (strict) return undefined;
        continue;
      }
      roots.add(r);
      if (roots.size > 1) return undefined;
    }
    return roots.size === 1 ? [...roots][0] : undefined;
  };
  /** Groups already in each index set: one node of a group is enough (a name said 10,000 times is one). */
  const present = new WeakMap<Set<number>, Set<number>>();
  const add = (index: Map<string, Set<number>>, key: string, i: number) => {
    let set = index.get(key);
    if (!set) index.set(key, (set = new Set()));
    let roots = present.get(set);
    if (!roots) present.set(set, (roots = new Set()));
    const r = find(i);
    if (roots.has(r)) return;
    roots.add(r);
    set.add(i);
  };

  // ... and across kinds, a name the tagger gave another kind in a few mentions, misspelt ("Lousiana" read
  // as a person beside "Louisiana"), joins the one larger group of that skeleton; a kind read from context
  // is never overruled.
  const skeletonGroups = new Map<string, Set<number>>();
  all.forEach((_, i) => {
    for (const n of names[i]) {
      const key = skeletonKey(wordsOf.get(n)!, n);
      if (key && nodeKind[i] !== 'EVENT') add(skeletonGroups, key, i);
    }
  });
  const size = mentionsByGroup();
  /** The nodes of each group, kept whole as groups join below. */
  const members = new Map<number, number[]>();
  all.forEach((_, i) => {
    const list = members.get(find(i));
    if (list) list.push(i);
    else members.set(find(i), [i]);
  });
  for (const set of skeletonGroups.values()) {
    const roots = [...new Set([...set].map(find))];
    if (roots.length !== 2) continue;
    let [big, small] = roots.sort((a, b) => (size.get(b) ?? 0) - (size.get(a) ?? 0) || a - b);
    if (nodeKind[big] === nodeKind[small]) continue;
    // a kind read from context wins over the tagger's, whatever the counts ("Party Quebecois" an
    // organization, "Parti Quebecois" read as a person)
    if (sureRoots.has(small) !== sureRoots.has(big)) {
      if (sureRoots.has(small)) [big, small] = [small, big];
    } else if (sureRoots.has(small) || (size.get(small) ?? 0) * 2 > (size.get(big) ?? 0)) continue;
    const joined = [...(members.get(big) ?? []), ...(members.get(small) ?? [])];
    for (const i of members.get(small) ?? []) crossKind.add(i);
    const total = (size.get(big) ?? 0) + (size.get(small) ?? 0);
    union(big, small);
    size.set(find(big), total);
    members.set(find(big), joined);
  }

  // 3. One letter apart in a long single-word name of a person or an organization ("Mubarek", "Rueters"),
  // when only one name of the story is that close: indexed by the word with one letter left out.
  const byDeletion = new Map<string, Set<number>>();
  const spellable = (i: number, w: string[]) =>
    (nodeKind[i] === 'PERSON' || nodeKind[i] === 'ORG') &&
    w.length === 1 &&
    w[0].length >= 6 &&
    !gazetteerSets().firstnames.has(w[0]);
  all.forEach((_, i) => {
    for (const n of names[i]) {
      const w = wordsOf.get(n)!;
      if (!spellable(i, w) || isAcronym(n)) continue;
      for (const d of deletions(w[0])) add(byDeletion, `${nodeKind[i]} ${d}`, i);
    }
  });
  all.forEach((_, i) => {
    for (const n of names[i]) {
      const w = wordsOf.get(n)!;
      if (!spellable(i, w) || isAcronym(n)) continue;
      const near = new Set<number>();
      for (const d of deletions(w[0]))
        for (const j of byDeletion.get(`${nodeKind[i]} ${d}`) ?? [])
          if (names[j].some((m) => oneEditApart(w[0], (wordsOf.get(m) ?? [])[0] ?? ''))) near.add(j);
      const target = only(near, i);
      if (target !== undefined) union(i, target);
    }
  });

  // ... and one word one letter apart in a name of two words or more ("Barak Obama", "Madeleine Alberight"),
  // unless both spellings are first names of their own ("Jean" and "Joan").
  const byWordDeletion = new Map<string, Set<number>>();
  const variants = (w: string[]) => [
    ...w.flatMap((x, p) =>
      x.length >= 4
        ? deletions(x).map((d) => `${p}:${[...w.slice(0, p), d, ...w.slice(p + 1)].join(' ')}`)
        : [],
    ),
    ...(w[0].length >= 3 ? [`cut:${[w[0].slice(0, 3), ...w.slice(1)].join(' ')}`] : []),
  ];
  const multi = (i: number, w: string[]) =>
    (nodeKind[i] === 'PERSON' || nodeKind[i] === 'ORG') && w.length >= 2;
  all.forEach((_, i) => {
    for (const n of names[i]) {
      const w = wordsOf.get(n)!;
      if (multi(i, w)) for (const v of variants(w)) add(byWordDeletion, `${nodeKind[i]} ${v}`, i);
    }
  });
  const { firstnames } = gazetteerSets();
  all.forEach((_, i) => {
    for (const n of names[i]) {
      const w = wordsOf.get(n)!;
      if (!multi(i, w)) continue;
      const near = new Set<number>();
      for (const v of variants(w))
        for (const j of byWordDeletion.get(`${nodeKind[i]} ${v}`) ?? [])
          for (const m of names[j]) {
            const mw = wordsOf.get(m) ?? [];
            if (mw.length !== w.length) continue;
            const diff = w.flatMap((x, p) => (x === mw[p] ? [] : [p]));
            if (diff.length !== 1) continue;
            const [x, y] = [w[diff[0]], mw[diff[0]]];
            const [short, long] = x.length <= y.length ? [x, y] : [y, x];
            // "Jeff"/"Jeffrey": a first name cut short
            const cut = diff[0] === 0 && short.length >= 3 && long.startsWith(short);
            if (cut || (oneEditApart(x, y, true) && !(firstnames.has(x) && firstnames.has(y)))) near.add(j);
          }
      const target = only(near, i);
      if (target !== undefined) union(i, target);
    }
  });

  // ... and a person's short given name for the formal one, the rest of the name alike ("Jim Hall" is "James
  // Hall"; "Chris Lee" fits both "Christopher Lee" and "Christine Lee", so neither).
  const byFormal = new Map<string, Set<number>>();
  all.forEach((_, i) => {
    if (nodeKind[i] !== 'PERSON') return;
    for (const n of names[i]) {
      const w = wordsOf.get(n)!;
      if (w.length >= 2) add(byFormal, w.join(' '), i);
    }
  });
  all.forEach((_, i) => {
    if (nodeKind[i] !== 'PERSON') return;
    for (const n of names[i]) {
      const w = wordsOf.get(n)!;
      const formal = w.length >= 2 ? NICKNAMES.get(w[0]) : undefined;
      if (!formal) continue;
      const near = new Set<number>();
      for (const f of formal) for (const j of byFormal.get([f, ...w.slice(1)].join(' ')) ?? []) near.add(j);
      const target = only(near, i);
      if (target !== undefined) union(i, target);
    }
  });

  // 4. A name inside exactly one longer name of its kind. Index the longer names by their first and last
  // words (a middle name or initial left out) and by each of their proper endings (a surname, "Fateh
  // al-Sham", also by skeleton); a short name joins the one group it fits, none when it fits two
  // ("Clinton" with "Bill Clinton" and "Hillary Clinton"). A company's name without its "Corp." or
  // "Foods" is the company.
  const byEnds = new Map<string, Set<number>>();
  const byEnding = new Map<string, Set<number>>();
  /** Full names of people by surname. */
  const bySurname = new Map<string, Set<number>>();
  const byStem = new Map<string, Set<number>>();
  /** Organizations' names of two words or more by their first word. */
  const byLead = new Map<string, Set<number>>();
  /** Full names of people by first name. */
  const byFirstName = new Map<string, Set<number>>();
  /** Companies by their name without every corporate suffix: "Coca-Cola Co" and "Coca Cola International". */
  const byBase = new Map<string, Set<number>>();
  /** A country's institutions by their head noun: "U.S. Congress" is the story's "Congress". */
  const byCountryHead = new Map<string, Set<number>>();
  /** Places by their words: the gazetteer's countries, capitals and regions, and the story's places. */
  const placeKeys = new Set(gazetteerSets().placeKeys);
  all.forEach((_, i) => {
    if (nodeKind[i] === 'PLACE') for (const n of names[i]) placeKeys.add(wordsOf.get(n)!.join(' '));
  });
  const distinctive = (word: string) => {
    const g = gazetteerSets();
    return (
      word.length >= 3 &&
      !g.common.has(word) &&
      !g.places.has(word) &&
      !g.cities.has(word) &&
      !placeKeys.has(word) &&
      !g.firstnames.has(word) &&
      !GENERIC_HEADS.has(word)
    );
  };
  all.forEach((_, i) => {
    const kind = nodeKind[i];
    if (kind === 'PLACE' || kind === 'EVENT') return; // "York" is not "New York", nor "Korea" "South Korea"
    for (const n of names[i]) {
      const w = wordsOf.get(n)!;
      if (w.length >= 3) add(byEnds, `${kind} ${w[0]} ${w[w.length - 1]}`, i);
      if (kind === 'PERSON' && w.length >= 2) {
        // a surname that is a head noun counts only in a name opening with a first name: "Jim Hall", not
        // "Brackwater City Hall" tagged as a person
        if (!GENERIC_HEADS.has(w[w.length - 1]) || gazetteerSets().firstnames.has(w[0]))
          add(bySurname, w[w.length - 1], i);
        // by first name, unless the last word is one too ("John Paul")
        if (!gazetteerSets().firstnames.has(w[w.length - 1])) add(byFirstName, w[0], i);
      }
      for (let k = 1; k < w.length; k++) {
        add(byEnding, `${kind} ${w.slice(k).join(' ')}`, i);
        const skel = w.length - k >= 2 ? skeletonKey(w.slice(k), '') : undefined;
        if (skel) add(byEnding, `${kind} ~${skel}`, i);
      }
      if (kind === 'ORG') {
        if (w.length >= 2) add(byLead, w[0], i);
        // "Tyson Foods Inc." is "Tyson Foods" and "Tyson"
        let k = w.length;
        for (; k > 1 && CORPORATE.has(w[k - 1]); k--) add(byStem, w.slice(0, k - 1).join(' '), i);
        if (k < w.length) add(byBase, w.slice(0, k).join(' '), i);
        if (k === 2 && TRADE.has(w[1]) && distinctive(w[0])) add(byStem, w[0], i);
        // "New York Jets" is "Jets": an organization named by a place and its own name goes by the latter
        // (never a head noun alone: "Iowa State Fair" is no "Fair")
        for (let k = 1; k <= 3 && k < w.length; k++) {
          const lead = w.slice(0, k).join(' ');
          if (!placeKeys.has(lead) && !gazetteerSets().countryKeys.has(lead)) continue;
          const rest = w.slice(k);
          if (!(rest.length === 1 && (GENERIC_HEADS.has(rest[0]) || CORPORATE.has(rest[0]))))
            add(byStem, rest.join(' '), i);
          else if (GENERIC_HEADS.has(rest[0]) && gazetteerSets().countryKeys.has(w.slice(0, k).join(' ')))
            add(byCountryHead, rest[0], i);
        }
      }
    }
  });
  /** A single word whose kind is only the tagger's guess, and no known place: maybe a surname or a company. */
  const sure = (i: number) => sureRoots.has(find(i));
  const weak = (i: number, w: string[]) =>
    w.length === 1 && w[0].length >= 3 && !gazetteerSets().places.has(w[0]) && !sure(i);
  /** Events by their own name without the head word: "Hurricane Katrina" by "katrina". */
  const byEventName = new Map<string, Set<number>>();
  all.forEach((_, i) => {
    if (nodeKind[i] !== 'EVENT') return;
    for (const n of names[i]) {
      const w = wordsOf.get(n)!;
      const from = w.findIndex((x) => EVENT_HEADS.has(x));
      if (from >= 0 && from < w.length - 1) add(byEventName, w.slice(from + 1).join(' '), i);
    }
  });
  /** Nodes whose kind votes no longer count: a weak single word that joined a person's or a company's name. */
  const outvoted = new Set<number>();
  /** Mentions of each group once the full names are merged, for `dominant`. */
  let weight = new Map<number, number>();
  /**
   * The group among `set` that news style makes a bare surname refer to: the story's main bearer of that
   * surname, when it has three mentions or more and three times as many as any other ("Netanyahu" is
   * Benjamin Netanyahu, not his wife, in a story about him). Undefined when no group dominates.
   */
  const dominant = (set: Set<number> | undefined, i: number): number | undefined => {
    if (!set) return undefined;
    const counts = new Map<number, number>();
    for (const j of set) {
      const r = find(j);
      if (r === find(i)) return undefined;
      counts.set(r, weight.get(r) ?? 0);
    }
    const [top, second] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (!top || top[1] < 3 || (second && top[1] < 3 * second[1])) return undefined;
    return top[0];
  };
  // first the full names among themselves ("Hillary Clinton" in "Hillary Rodham Clinton"), so that a
  // surname then counts the people, not their spellings
  for (const pass of ['full', 'short'] as const) {
    if (pass === 'short') weight = mentionsByGroup();
    all.forEach((_, i) => {
      const kind = nodeKind[i];
      if (kind === 'EVENT') return;
      for (const n of names[i]) {
        const w = wordsOf.get(n)!;
        if (!w.length || isAcronym(n.replace(/\s/g, ''))) continue;
        if (pass === 'full' ? w.length < 2 : w.length !== 1) continue;
        // a head noun alone ("Hall", "Court") is no short form of a longer name, except a person's surname
        // and a country's one institution of that name ("Congress" of "U.S. Congress")
        if (w.length === 1 && GENERIC_HEADS.has(w[0]) && kind !== 'PERSON') {
          const target = kind === 'ORG' ? only(byCountryHead.get(w[0]), i) : undefined;
          if (target !== undefined) union(i, target);
          continue;
        }
        let target: number | undefined;
        // the storm's name alone, read as a person's ("Katrina" of "Hurricane Katrina")
        if (w.length === 1 && weak(i, w) && !bySurname.has(w[0])) {
          target = only(byEventName.get(w[0]), i);
          if (target !== undefined) {
            outvoted.add(i);
            union(i, target);
            continue;
          }
        }
        if (kind !== 'PLACE') {
          target =
            w.length === 1
              ? kind === 'PERSON'
                ? (only(bySurname.get(w[0]), i, true) ??
                  // a known first name alone is the story's one person of that first name ("Brenda" of
                  // "Brenda Vaughan"), when no one has it as a surname
                  (!bySurname.has(w[0]) && gazetteerSets().firstnames.has(w[0])
                    ? only(byFirstName.get(w[0]), i, true)
                    : undefined) ??
                  dominant(bySurname.get(w[0]), i))
                : undefined
              : (only(byEnding.get(`${kind} ${w.join(' ')}`), i) ??
                only(byEnding.get(`${kind} ~${skeletonKey(w, '') ?? ''}`), i) ??
                only(byEnds.get(`${kind} ${w[0]} ${w[w.length - 1]}`), i));
          if (kind === 'ORG' || (w.length === 1 && weak(i, w))) target ??= only(byStem.get(w.join(' ')), i);
          // a company's name is each of its spellings with a corporate suffix ("Coca-Cola" is both
          // "Coca-Cola Co" and "Coca Cola International")
          if (kind === 'ORG' && target === undefined && w.length >= 2 && !placeKeys.has(w.join(' ')))
            for (const j of byBase.get(w.join(' ')) ?? []) union(i, j);
          // an organization's distinctive first word is its short name ("Barnes" of "Barnes & Noble"): a
          // word no text writes in lower case, no place or town ("Southall Monitoring Project"), first name or
          // head noun, and no one's surname
          if (kind === 'ORG' && w.length === 1 && distinctive(w[0]) && !bySurname.has(w[0]))
            target ??= only(byLead.get(w[0]), i);
        }
        // a name whose kind no context confirms may end an organization's longer name ("Fath alSham" read
        // as a person, "Jabhat Fateh al-Sham")
        if (target === undefined && kind === 'PERSON' && w.length >= 2 && !sure(i)) {
          const skel = skeletonKey(w, '');
          target =
            only(byEnding.get(`ORG ${w.join(' ')}`), i) ??
            (skel ? only(byEnding.get(`ORG ~${skel}`), i) : undefined);
          if (target !== undefined) {
            outvoted.add(i);
            union(i, target);
            continue;
          }
        }
        // a single word the tagger took for an organization or a place, and no context says so, can be a
        // surname: "Lennon" with "John Lennon"
        if (target === undefined && kind !== 'PERSON' && weak(i, w)) {
          target = only(bySurname.get(w[0]), i, true);
          if (target !== undefined) outvoted.add(i);
        } else if (target !== undefined && nodeKind[target] !== kind) outvoted.add(i);
        if (target === undefined) continue;
        if (w.length === 1) {
          union(i, target);
          continue;
        }
        // "Hillary Clinton" fits "Hillary Rodham Clinton" only if all its words are in it; a name with a
        // middle name or initial of its own fits no other ("George W. Bush" is not "George H. W. Bush")
        const fits = names[target].some((m) => {
          const mw = wordsOf.get(m) ?? nameWords(m);
          return (
            mw.length > w.length && w.every((x) => mw.includes(x)) && (kind !== 'PERSON' || w.length === 2)
          );
        });
        if (fits || byStem.get(w.join(' '))?.has(target)) union(i, target);
        else {
          const key = skeletonKey(w, '');
          if (
            key &&
            names[target].some(
              (m) =>
                (wordsOf.get(m) ?? []).length > w.length &&
                skeletonKey(wordsOf.get(m)!.slice(-w.length), '') === key,
            )
          )
            union(i, target);
        }
      }
    });
  }

  // 5. An acronym to the only long form of its kind in the story with those initials ("JFS", "U.S.").
  const byInitials = new Map<string, Set<number>>();
  all.forEach((_, i) => {
    for (const n of names[i]) {
      if (wordsOf.get(n)!.length < 2) continue;
      const withOf = initials(n, true);
      for (const kind of [nodeKind[i], '*']) {
        add(byInitials, `${kind} ${initials(n)}`, i);
        if (withOf !== initials(n)) add(byInitials, `${kind} ${withOf}`, i);
      }
    }
  });
  all.forEach((_, i) => {
    for (const n of names[i]) {
      const compact = n.replace(/\s/g, '');
      if (!isAcronym(compact)) continue;
      const key = compact.replace(/\./g, '').toUpperCase();
      let target = only(byInitials.get(`${nodeKind[i]} ${key}`), i);
      // the tagger's kind of a bare acronym is a guess: with no long form of its kind, the story's one long
      // form of any kind ("ISS" read as an organization, "International Space Station" as a place)
      if (
        target === undefined &&
        !sure(i) &&
        !byInitials.has(`${nodeKind[i]} ${key}`) &&
        !gazetteerSets().countryKeys.has(key.toLowerCase())
      ) {
        target = only(byInitials.get(`* ${key}`), i);
        if (target !== undefined) outvoted.add(i);
      }
      if (target !== undefined) union(i, target);
    }
  });

  // 6. "formerly known as": the alias joins the group of the name it renamed.
  all.forEach((e, i) => {
    if (!e.formerOf) return;
    const j = byKey.get(nameWords(e.formerOf).join(' ') || e.formerOf.toLowerCase());
    if (j !== undefined) union(i, j);
  });

  const groups = new Map<number, Draft[]>();
  const ignored = new Set<Draft>([...outvoted, ...crossKind].map((i) => all[i]));
  all.forEach((e, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(e);
    else groups.set(r, [e]);
  });
  return [...groups.values()]
    .map((g) => {
      const spellings = new Map<string, number>();
      for (const e of g) for (const m of e.mentions) spellings.set(m.text, (spellings.get(m.text) ?? 0) + 1);
      for (const e of g) for (const s of [e.name, ...e.aliases]) if (!spellings.has(s)) spellings.set(s, 0);
      const byUse = [...spellings].sort(
        (a, b) =>
          Number(isAcronym(a[0])) - Number(isAcronym(b[0])) ||
          nameWords(b[0]).length - nameWords(a[0]).length ||
          b[1] - a[1] ||
          a[0].localeCompare(b[0]),
      );
      const kinds = new Map<EntityKind, number>();
      for (const e of g)
        if (!ignored.has(e) || g.every((o) => ignored.has(o)))
          for (const [k, v] of kindVotes.get(e) ?? [[e.kind, 1] as const])
            kinds.set(k, (kinds.get(k) ?? 0) + v);
      const kind = [...kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
      const roles = [...new Set(g.flatMap((e) => e.roles ?? []))];
      const name = byUse[0][0];
      const merged: Entity = {
        id: `e-${nameWords(name).map(skeleton).join('-') || name.toLowerCase()}`,
        kind,
        name,
        aliases: byUse.map(([s]) => s).filter((s) => s !== name),
        mentions: g
          .flatMap((e) => e.mentions)
          .sort((a, b) => (a.articleId ?? '').localeCompare(b.articleId ?? '') || a.start - b.start),
        ...(roles.length ? { roles } : {}),
      };
      kindVotes.set(merged, kinds);
      draftsOf.set(merged, g);
      return merged;
    })
    .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}
