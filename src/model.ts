/**
 * The one data model of newsfuse. Every stage speaks these types; nothing else defines them.
 *
 * Flow: RawDocument (ingest) → Article (extract) → Sentence (language) → Story (cluster)
 *       → Brief (summarize + analyse) → rendered text / JSON / HTML.
 */

/** Where a warning or error came from: a file (and line, for JSONL), a URL, or "-" for stdin. */
export interface Origin {
  path: string;
  line?: number;
}

/** A problem found while processing input. Stages return these; only the edges (CLI, server) print them. */
export interface Diagnostic {
  level: 'warning' | 'error';
  origin: Origin;
  message: string;
}

/** The kinds of raw input newsfuse understands. */
export type RawKind = 'html' | 'text' | 'record';

/**
 * One raw input document, before extraction: an HTML page, scraped text, or a JSONL record.
 * `hints` carry metadata that arrived with the input (a JSONL `title`, a feed item's date, ...).
 */
export interface RawDocument {
  /** Stable id derived from the content hash; identical input gives the same id. */
  id: string;
  origin: Origin;
  kind: RawKind;
  /** The decoded content (HTML source or plain text). */
  content: string;
  /** SHA-256 of the raw bytes (or of the record), hex. */
  hash: string;
  hints: {
    title?: string;
    url?: string;
    date?: string;
    publisher?: string;
    byline?: string;
    language?: string;
  };
}

/** An extracted news article: the body without boilerplate, plus its metadata. */
export interface Article {
  id: string;
  /** File path, URL or "file:line" the article came from. */
  source: string;
  url?: string;
  /** Outlet name ("Reuters", "The Telegraph"), when known. */
  publisher?: string;
  title: string;
  byline?: string;
  /** Publication date, ISO 8601 (YYYY-MM-DD or a full timestamp), when the page gives one. */
  published?: string;
  /** ISO 639-1 language code ("en") or "und" when unknown. */
  language: string;
  /** Body paragraphs, boilerplate removed. `text` is these joined by "\n\n". */
  paragraphs: string[];
  text: string;
  /** Hash of the raw input, for idempotent storage. */
  hash: string;
  /**
   * Set when the input does not read as a news article (an error page, a wall, a widget, ...) and was kept
   * anyway (`--keep-all`); otherwise such inputs are dropped with a warning naming the reason.
   */
  nonArticle?: { reason: string };
}

/** A sentence of an article, with character offsets into `Article.text`. */
export interface Sentence {
  articleId: string;
  /** 0-based index of the sentence within its article. */
  index: number;
  /** 0-based index of the paragraph that holds it. */
  paragraph: number;
  start: number;
  end: number;
  text: string;
  /**
   * A photo caption run into the page's text ("… in Porthallow June 3, 2025."): it dates a picture, states
   * no news. Marked once, when the sentence is made; later stages read the mark.
   */
  caption?: true;
  /**
   * Length of the dateline at the sentence's head ("PORTHALLOW, June 2 (Wirefeed) - "), when it has one, and
   * on an article's first sentence of the page's headline, standfirst, caption or byline run into the lead
   * ("Harbour reopens Ferries ran again on Monday …", text/lead-head.ts): `text.slice(dateline)` is the sentence
   * as a summary quotes it. Marked once, when the sentence is made.
   */
  dateline?: number;
}

/** A group of near-identical publications of one report (e.g. one wire story on several sites). */
export interface Report {
  id: string;
  /** Article ids; the first is the representative. */
  articleIds: string[];
}

/** A story: articles about one event. */
export interface Story {
  id: string;
  articleIds: string[];
  /** Near-duplicate groups among the story's articles; independent reports. */
  reports: Report[];
  headline: string;
}

/** A pointer from a summary sentence to an article that supports it. */
export interface Citation {
  articleId: string;
  /** 1-based number of the source in the brief's source list. */
  ref: number;
  /** The supporting sentence of that article. */
  sentenceIndex: number;
  /** Similarity of the supporting sentence to the summary sentence (0–1). */
  score: number;
}

/** One sentence of a summary and the sources that back it. */
export interface SummarySentence {
  text: string;
  /** Where the sentence was taken from. */
  from: { articleId: string; sentenceIndex: number };
  citations: Citation[];
  /** Independent reports that state it (the cited articles and the claim it belongs to). */
  corroboration?: Corroboration;
}

/** One entry of a brief's numbered source list. */
export interface SourceEntry {
  ref: number;
  articleId: string;
  publisher?: string;
  title: string;
  published?: string;
  source: string;
  url?: string;
}

/** The brief of one story: the product's main output. */
export interface Brief {
  storyId: string;
  headline: string;
  summary: SummarySentence[];
  sources: SourceEntry[];
  /** Word count of the summary. */
  words: number;
  /** Articles in the story, when the brief was built from only the latest `sources.length` of them. */
  storyArticles?: number;
  /** Facts stated by two or more independent reports, best corroborated first. */
  claims?: Claim[];
  /** Figures the sources state differently, and page dates at odds with the story. */
  disagreements?: Disagreement[];
  /** What each outlet contributed. */
  coverage?: OutletCoverage[];
  /** Dated events the articles mention, in date order. */
  timeline?: TimelineEntry[];
  /** Who said what, direct quotes first. */
  quotes?: Quote[];
  /** The people, organizations and places of the story, every spelling merged, most mentioned first. */
  entities?: EntitySummary[];
  /** What is new since a date or a previous brief (only with `brief --since`). */
  update?: BriefUpdate;
}

/** What a summarizer receives: the documents of one cluster, as sentences. */
export interface SummaryInput {
  articles: Article[];
  sentences: Sentence[];
}

/** What a summarizer returns: selected sentences in output order. */
export interface SummaryOptions {
  words: number;
  query?: string;
}

// --- analysis ---

/** A sentence of a source that backs a claim or a figure. */
export interface Evidence {
  articleId: string;
  sentenceIndex: number;
  text: string;
}

/** How many independent reports back a statement (copies of one wire story count once), and which outlets. */
export interface Corroboration {
  reports: number;
  outlets: string[];
}

/** One fact as several sources state it: the sentences that say the same thing, across articles. */
export interface Claim {
  id: string;
  /** The most representative wording. */
  text: string;
  articleIds: string[];
  corroboration: Corroboration;
  evidence: Evidence[];
}

/** One side of a disagreement: a value and the sources that state it. */
export interface DisagreementValue {
  /** The figure as written ("about two weeks", "14", "2017-12-11"). */
  value: string;
  articleIds: string[];
  /** Who the sources attribute the figure to ("the fire service"), when they say. */
  attributedTo?: string[];
  evidence: Evidence[];
}

/** Sources that state different values for the same thing, give the same words to different speakers, or
 * carry a page date at odds with the story's. */
export interface Disagreement {
  kind: 'count' | 'duration' | 'percent' | 'money' | 'speaker' | 'page-date';
  /** What the values measure ("number injured", "how long: negotiations"). */
  about: string;
  values: DisagreementValue[];
}

/** What one outlet contributed to a story. */
export interface OutletCoverage {
  outlet: string;
  articleIds: string[];
  /** Number of the story's claims its articles carry. */
  claims: number;
  /** Claims only this outlet reported that carry a figure or a name (their text; the first few). */
  exclusive: string[];
  /** How many such claims there are in all (`exclusive` lists at most a few; absent in older stored briefs). */
  exclusiveCount?: number;
}

/** What changed in a story since a date or a previous brief. Indexes point into the same brief. */
export interface BriefUpdate {
  /** The date (YYYY-MM-DD) or the previous brief's file name. */
  since: string;
  /** Source numbers of the new articles. */
  newSources: number[];
  /** Indexes into `summary` of sentences taken from new articles. */
  newSummary: number[];
  /** Ids of claims that only new articles state. */
  newClaims: string[];
  /** Ids of older claims that new reports now also back. */
  newlyCorroborated: string[];
  /** Indexes into `disagreements` of those with a side stated only by new articles. */
  newDisagreements: number[];
  /** Every source of the story is new. */
  newStory: boolean;
}

/** One dated event of a story, as its sources state it. */
export interface TimelineEntry {
  /** YYYY-MM-DD, or YYYY-MM when the sources give only the month ("late September"). */
  date: string;
  text: string;
  articleIds: string[];
  evidence: Evidence[];
}

// --- entities and quotes ---

export type EntityKind = 'PERSON' | 'ORG' | 'PLACE' | 'EVENT';

/** Where an entity is named: offsets into an article's text. */
export interface EntityMention {
  articleId?: string;
  start: number;
  end: number;
  text: string;
}

/** A person, organization or place, with every spelling the sources use for it. */
export interface Entity {
  /** Stable id from the name's spelling-proof key ("e-jbht-fth-shm"). */
  id: string;
  kind: EntityKind;
  /** The fullest spelling. */
  name: string;
  /** Other spellings, acronyms, short forms and former names. */
  aliases: string[];
  /** Titles and roles seen before the name ("Russian Foreign Minister"). */
  roles?: string[];
  mentions: EntityMention[];
}

/** Something a source says someone said: a direct quote or a reported (indirect) statement. */
export interface Quote {
  articleId?: string;
  /** What was said (for direct quotes, without the quotation marks). */
  text: string;
  start: number;
  end: number;
  kind: 'direct' | 'indirect';
  /** The reporting word(s): "said", "told AFP", "according to". */
  cue?: { text: string; start: number; end: number };
  /** Who said it, as the article names them ("the official", resolved to "A senior Syrian opposition official"). */
  speaker?: { name: string; start: number; end: number; entityId?: string };
}

/** An entity as a brief lists it: its names and how widely the sources mention it. */
export interface EntitySummary {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  roles?: string[];
  mentions: number;
  articleIds: string[];
}
