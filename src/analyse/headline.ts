/**
 * Story headlines (issue 19 item 4). A story is named by the title of its most central article (the one
 * whose title and lead are closest to the story's centroid) among titles a reader can use: never a byline,
 * a photo caption, a fragment ("Retired Coast Guard Adm."), page furniture ("Get … delivered to your inbox"),
 * or a line shared by more than one story or by several different pages of one outlet (a site's navigation
 * line); an explainer, live-blog, timeline or picture-gallery title only when no news title is left. When no
 * article has such a title, the headline is the main clause of the story's most central lead sentence, cut
 * at a clause boundary, or at a word boundary with "…" only when no boundary fits.
 *
 * Reads titles and leads only (the first paragraphs), so a store can name all its stories without loading
 * whole articles. Linear in the articles; pure and deterministic (ties go to the earlier article).
 */
import { hasPhotoMark, isCaption } from '../extract/captions.js';
import { TITLE_ABBREVIATIONS } from '../language/lexicon.js';
import { articleSentences } from '../language/sentences.js';
import { contentTerms, termFrequencies } from '../language/tokens.js';
import type { Article, Sentence, Story } from '../model.js';
import { isCandidate, withoutDateline } from '../text/candidates.js';
import { cosine, normalize, type SparseVector } from '../text/vectors.js';

/** What naming a story reads of one article. */
export interface HeadlineSource {
  id: string;
  title: string;
  /** The article's first paragraphs (see LEAD_CHARS). */
  lead: string[];
  /** The site or publisher, for lines one outlet prints on many pages. */
  outlet?: string;
}

/** How much of an article's start is its lead. */
export const LEAD_CHARS = 1500;
/** A headline made from a sentence is at most this many words. */
const MAX_WORDS = 16;
/** A title printed on this many different pages of one outlet is its navigation line. */
const OUTLET_PAGES = 3;

/** The lead an article is named by: its first paragraphs, up to about LEAD_CHARS characters. */
export function headlineSource(
  a: Pick<Article, 'id' | 'title' | 'paragraphs' | 'publisher' | 'url' | 'source'>,
): HeadlineSource {
  const lead: string[] = [];
  let n = 0;
  for (const p of a.paragraphs) {
    if (n >= LEAD_CHARS) break;
    lead.push(p.length + n > LEAD_CHARS * 2 ? p.slice(0, LEAD_CHARS * 2 - n) : p);
    n += p.length;
  }
  return { id: a.id, title: a.title ?? '', lead, outlet: outletOf(a) };
}

function outletOf(a: Pick<Article, 'publisher' | 'url' | 'source'>): string | undefined {
  if (a.publisher) return a.publisher.toLowerCase();
  const host = a.url && /^[a-z]+:\/\/([^/]+)/i.exec(a.url)?.[1];
  return host ? host.toLowerCase().replace(/^www\./, '') : undefined;
}

const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const normal = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Whether a title is only the first words of the article (what extraction gives a record without a title):
 * no headline of its own.
 */
export function isLeadTitle(title: string, lead: string[]): boolean {
  const t = letters(title.replace(/(?:…|\.\.\.)$/, ''));
  if (!t) return true;
  return letters(lead.slice(0, 3).join(' ').slice(0, 1000)).includes(t);
}

const ABBREVIATION_END = new RegExp(
  `\\b(?:${[...TITLE_ABBREVIATIONS, 'no', 'inc', 'co', 'corp', 'ltd', 'u\\.s', 'u\\.n', 'vs'].join('|')})\\.$`,
  'i',
);
const FUNCTION_END =
  /\b(?:the|a|an|of|to|in|on|at|for|and|or|but|with|by|from|as|that|who|which|his|her|its|their|is|was|are|were|has|have|had|he|she|it|they|we|why|how|what|when|where|whether|if)$/i;
const BYLINE =
  /^(?:by\s+\p{Lu}|from\s+\p{Lu}[^,]{0,40},\s)|\|\s*\d{1,2}[:.]\d{2}|\b\d{1,2}:\d{2}\s*(?:[AP]M\s*)?(?:ET|EST|EDT|GMT|BST|UK time)\b|\((?:CNN|AP|AFP|Reuters)\)\s*[-—–]/iu;
const BYLINE_ROLE =
  /\b(?:correspondent|staff writer|wire staff|reporter|contributor|special to|columnist|presenter|editor|anchor)\b/i;
const FURNITURE =
  /\b(?:delivered to your inbox|sign up|subscribe|newsletter|click here|comments, suggestions|transmission details|programme information|share this|share your|follow us|all rights reserved|is proprietary|copyright|page not found|continue reading|read more|showcase|download|video:|editor:)|\b\d{1,2}:\d{2}\s*[ap]\.?m\b/i;
/** A finite verb, roughly: an auxiliary, a reporting verb, a past form. A headline made from a sentence needs one. */
const VERB =
  /\b(?:(?:is|are|was|were|has|have|had|does|do|did)(?:n['’]t)?|be|been|will|would|can|could|may|might|must|should|said|says|told|tells|went|came|began|took|left|fell|rose|won|lost|met|held|made|gave|saw|broke|fled|shot|hit|led|struck|sent|found|stood|sold|paid|spent|kept|got|\p{Ll}{2,}ed)\b/u;
/** Titles of explainers, live blogs, timelines and galleries: a reader wants the news headline first. */
const EXPLAINER =
  /\b(?:timeline|key events|live(?: blog| updates| coverage)?:|as it happened|Q\s?&\s?A|explainer|explained|in pictures|in quotes|in numbers|what we know|factbox|fact box|profile:|graphic|interactive|quiz|video:|audio:)\b/i;

/** Why a title (or a headline made from a sentence) cannot name a story, or undefined when it can. */
export function titleProblem(title: string, options: { cut?: boolean } = {}): string | undefined {
  const t = title.trim();
  const words = t.split(/\s+/).filter(Boolean);
  if (words.length < 3) return 'fragment';
  if (BYLINE.test(t) || BYLINE_ROLE.test(words.slice(0, 8).join(' '))) return 'byline';
  if (isCaption(t)) return 'caption';
  if (FURNITURE.test(t)) return 'furniture';
  const end = options.cut ? t.replace(/…$/, '') : t;
  if (ABBREVIATION_END.test(end) || /(?:…|\.\.\.|[,;:–—-])$/.test(end) || FUNCTION_END.test(end))
    return 'fragment';
  if (words.length > 30) return 'too long';
  if (!balanced(t)) return 'fragment';
  return undefined;
}

export const isExplainerTitle = (title: string): boolean => EXPLAINER.test(title);

function vectorOf(text: string): SparseVector {
  return normalize(new Map(termFrequencies(contentTerms(text))));
}

function add(into: SparseVector, v: SparseVector): void {
  for (const [k, x] of v) into.set(k, (into.get(k) ?? 0) + x);
}

const ATTRIBUTION_END =
  /,\s+(?:(?:the\s+)?(?!after\b|before\b|when\b|as\b|because\b|that\b|while\b)[\p{L}.'’-]+\s+){0,4}(?:said|says|reported|reports|announced|confirmed|told [^,]{1,40})(?:\s+(?:on\s+)?(?:\p{Lu}\p{L}+day|today|yesterday|late \p{L}+|this \p{L}+))?$/u;
const ACCORDING_END = /,?\s+according to [^,]{1,60}$/i;
const LEAD_IN =
  /^(?:\((?:CNN|AP|AFP|Reuters)\)\s*[-—–]+\s*|(?:UPDATE|NEW|BREAKING)\s*:\s*|(?:Meanwhile|Also|Separately|Earlier|Now),?\s+)/i;
/** Sentences that open on a pronoun or a connective lean on what came before: no headline. */
const LEANS_BACK =
  /^(?:I|You|We|He|She|It|They|This|That|These|Those|Then|But|And|Yet|So|Still|However|Hi|Here|There|His|Her|Its|Their|Our|My|Your)\b/;
/** A title run into the first sentence: a capitalised function word straight after a lower-case word. */
const GLUED_TITLE =
  /[\p{Ll}'’`]\s+(?:The|A|An|It|He|She|They|This|In|At|On|More|Some|Mr|Mrs|Ms|Dr|Prof\.?|Next)\s/u;
/** A run of three upper-case words: a speaker label or a shouted kicker. */
const CAPS_RUN = /\b\p{Lu}{2,}[,:]?\s+\p{Lu}{2,}[,:]?\s+\p{Lu}{2,}\b/u;
/** Where a main clause may end: before a subordinate or added clause. */
const CLAUSE_BREAK =
  /(?:,\s+(?=(?:which|who|where|while|as|after|but|and|when|because|although|though|amid|with|saying|following|despite|before|since|in\s+a|according)\b)|\s+[—–]\s+|;\s+|:\s+|\s+(?=(?:after|amid|while|because|following|despite)\s))/giu;

/**
 * The main clause of a sentence as a headline: without its dateline, lead-in and trailing attribution ("…,
 * officials said"), cut before a subordinate clause when the sentence is long, and at a word boundary with
 * "…" only when no clause boundary leaves 5 to MAX_WORDS words.
 */
export function headlineFromSentence(text: string): string {
  let t = text.trim().replace(LEAD_IN, '');
  t = t.replace(/[.!]["”’]?$/, (m) => (m.length > 1 ? m.slice(1) : ''));
  t = t.replace(/\.$/, '').trim();
  const bare = t.replace(ATTRIBUTION_END, '').replace(ACCORDING_END, '');
  if (bare.split(/\s+/).length >= 5 && !/["“”]/.test(bare.slice(-1))) t = bare;
  const count = (s: string) => s.split(/\s+/).filter(Boolean).length;
  if (count(t) <= MAX_WORDS) return t;
  let cut = '';
  for (const m of t.matchAll(CLAUSE_BREAK)) {
    const head = t.slice(0, m.index).trim();
    const n = count(head);
    if (n > MAX_WORDS) break;
    // Not inside an apposition or a time phrase ("… on Sunday, a day | after …").
    const tail = head.includes(',') ? head.slice(head.lastIndexOf(',') + 1) : '';
    if (tail && tail.trim().split(/\s+/).length <= 3) continue;
    if (n >= 5 && !FUNCTION_END.test(head) && balanced(head)) cut = head;
  }
  if (cut) return cut;
  const words = t.split(/\s+/).slice(0, MAX_WORDS - 2);
  while (
    words.length > 5 &&
    (FUNCTION_END.test(words[words.length - 1]) || /[,;:]$/.test(words[words.length - 1]))
  )
    words.pop();
  return `${words.join(' ').replace(/[,;:]$/, '')}…`;
}

/** Whether quotation marks and brackets are closed in a cut headline. */
function balanced(s: string): boolean {
  const straight = (s.match(/"/g) ?? []).length;
  const open = (s.match(/[“(]/g) ?? []).length;
  const close = (s.match(/[”)]/g) ?? []).length;
  return straight % 2 === 0 && open === close;
}

/** A lead sentence that can name a story: a complete news sentence, no byline, caption or furniture. */
function usableSentence(s: Sentence): boolean {
  if (!isCandidate(s)) return false;
  const text = withoutDateline(s);
  if (/^["“‘']/.test(text) || /["”’]$/.test(text.replace(/[.]$/, ''))) return false;
  if (BYLINE.test(text) || BYLINE_ROLE.test(text.split(/\s+/).slice(0, 8).join(' '))) return false;
  const bare = text.replace(LEAD_IN, '');
  if (LEANS_BACK.test(bare) || GLUED_TITLE.test(text) || CAPS_RUN.test(text) || !balanced(text)) return false;
  // A speaker or a place label before a colon ("Washington, D.C.: You …"): a chat or a transcript.
  if (/^[^:]{0,30}:\s/.test(bare)) return false;
  return !hasPhotoMark(text) && !FURNITURE.test(text) && text.split(/\s+/).length <= 45;
}

/**
 * Every story with its headline (see the module comment). `source` gives what is read of each article; a
 * story none of whose articles can be read keeps the headline it came with.
 */
export function storyHeadlines(
  stories: Story[],
  source: (id: string) => HeadlineSource | undefined,
  previous?: (story: Story) => string | undefined,
): Story[] {
  const read = stories.map((s) => s.articleIds.map(source).filter((x): x is HeadlineSource => !!x));
  // Lines shared between stories, and titles one outlet prints over different pages.
  const titleStories = new Map<string, number>();
  const lastStory = new Map<string, number>();
  const outletPages = new Map<string, Set<string>>();
  const sentences = read.map((list) =>
    list.map((a) => articleSentences({ id: a.id, paragraphs: a.lead } as Article)),
  );
  const sentenceStories = new Map<string, number>();
  const lastSentenceStory = new Map<string, number>();
  read.forEach((list, k) => {
    for (const a of list) {
      const t = normal(a.title);
      if (!t) continue;
      if (lastStory.get(t) !== k) {
        titleStories.set(t, (titleStories.get(t) ?? 0) + 1);
        lastStory.set(t, k);
      }
      if (a.outlet) {
        const key = `${a.outlet}\u0000${t}`;
        let pages = outletPages.get(key);
        if (!pages) outletPages.set(key, (pages = new Set()));
        if (pages.size < OUTLET_PAGES) pages.add(letters(a.lead.join(' ').slice(0, 300)));
      }
    }
    for (const list2 of sentences[k])
      for (const s of list2) {
        const t = normal(s.text);
        if (lastSentenceStory.get(t) !== k) {
          sentenceStories.set(t, (sentenceStories.get(t) ?? 0) + 1);
          lastSentenceStory.set(t, k);
        }
      }
  });
  const shared = (a: HeadlineSource) => {
    const t = normal(a.title);
    return (
      (titleStories.get(t) ?? 0) > 1 ||
      (!!a.outlet && (outletPages.get(`${a.outlet}\u0000${t}`)?.size ?? 0) >= OUTLET_PAGES)
    );
  };
  // `previous` gives the headline a story had when its articles were the same. It still holds unless a line
  // of the story is also a line of a story whose articles changed: only such lines can have become shared or
  // stopped being shared (every article is in one story, so a line of no changed story is in the same
  // stories as before). Such a story is named again; the others keep their headline, unread.
  const kept = stories.map((s) => previous?.(s));
  const touched = new Set<string>();
  const linesOf = (k: number): string[] => {
    const out: string[] = [];
    for (const a of read[k]) {
      const t = normal(a.title);
      if (t) out.push(`t\u0000${t}`, `o\u0000${a.outlet ?? ''}\u0000${t}`);
    }
    for (const own of sentences[k]) for (const x of own) out.push(`s\u0000${normal(x.text)}`);
    return out;
  };
  if (previous)
    kept.forEach((h, k) => {
      if (h === undefined) for (const l of linesOf(k)) touched.add(l);
    });
  return stories.map((story, k) => {
    const list = read[k];
    const before = kept[k];
    if (before !== undefined && !linesOf(k).some((l) => touched.has(l)))
      return { ...story, headline: before };
    if (!list.length) return story;
    const titled = list.map((a) => !isLeadTitle(a.title, a.lead));
    const vectors = list.map((a, i) => vectorOf(`${titled[i] ? a.title : ''}\n${a.lead.join('\n')}`));
    const centroid: SparseVector = new Map();
    for (const v of vectors) add(centroid, v);
    normalize(centroid);
    let best: { text: string; tier: number; score: number } | undefined;
    list.forEach((a, i) => {
      if (!titled[i] || shared(a)) return;
      const title = a.title.trim();
      if (titleProblem(title)) return;
      const tier = isExplainerTitle(title) ? 1 : 0;
      const score = cosine(vectors[i], centroid);
      if (!best || tier < best.tier || (tier === best.tier && score > best.score))
        best = { text: title, tier, score };
    });
    if (best) return { ...story, headline: best.text };
    // A main clause that stands whole beats one cut short with "…"; then the most central.
    let sentence: { text: string; tier: number; score: number } | undefined;
    sentences[k].forEach((own) => {
      for (const s of own) {
        if (s.caption || (sentenceStories.get(normal(s.text)) ?? 0) > 1) continue;
        const text = headlineFromSentence(withoutDateline(s));
        if (titleProblem(text, { cut: true }) || !VERB.test(text)) continue;
        // Sentences that fail the stricter checks still beat a lead cut off mid-phrase or a byline.
        const tier = (usableSentence(s) ? 0 : isCandidate(s) ? 2 : 4) + (text.endsWith('…') ? 1 : 0);
        const score = cosine(vectorOf(s.text), centroid);
        if (!sentence || tier < sentence.tier || (tier === sentence.tier && score > sentence.score))
          sentence = { text, tier, score };
      }
    });
    return sentence ? { ...story, headline: sentence.text } : story;
  });
}
