/**
 * HTML extraction in one streaming pass (htmlparser2's tokenizer, no DOM tree):
 *   1. collect metadata: JSON-LD NewsArticle, OpenGraph/meta tags, <title>, <h1>, <time>, canonical, lang;
 *   2. cut the page into text blocks at block-level tags, each owned by its nearest block element, with its
 *      word count and the share of words inside links; furniture (nav, footers, forms, comment and share
 *      widgets, by tag or by class/id) is skipped;
 *   3. score every element by the blocks beneath it: prose adds, link lists and fragments subtract;
 *      the best-scoring element is the article container (unless the learned container ranker, containers.ts,
 *      prefers another of the best-scoring ones), and its blocks are the body;
 *   4. the learned block classifier (blocks.ts, models/extract-blocks.json) refines that choice: it may add a
 *      block just outside the container, or drop one inside it (thresholds chosen leave-one-set-out).
 * The scoring is newsfuse's own; the named heuristics are the constants below.
 */
import { Parser, type QuoteType } from 'htmlparser2';
import {
  COMMENT_HEADINGS,
  CREDIT_LINE_OPENINGS,
  FURNITURE_LINE_OPENINGS,
  RELATED_HEADINGS,
} from '../language/lexicon.js';
import {
  type BlockFacts,
  type BlockModel,
  blockFeatures,
  blockModel,
  contentProbability,
  endsLikeSentence,
  nameBits,
} from './blocks.js';
import { type ContainerChoice, chooseContainer, containerModel } from './containers.js';
import { normalizeDate } from './dates.js';
import { metadataFrom, type PageMeta } from './html-meta.js';
import { FastTokenizer } from './html-tokenizer.js';
import { LINK_HEAVY } from './link-density.js';
import { isAsciiAlnumCode, isSpaceCode, tokenWords } from './text-length.js';

export interface HtmlExtraction {
  title?: string;
  published?: string;
  byline?: string;
  publisher?: string;
  language?: string;
  url?: string;
  paragraphs: string[];
  /** Why the page was not read (nested or sized beyond the limits below); no paragraphs then. */
  refused?: string;
}

/**
 * Structure limits. htmlparser2 keeps its stack of open elements with `unshift`, so every element opened or
 * implied-closed costs the current depth: 400k nested `<div>`s (a 2 MB page) took 98 s, and scoring walks
 * each block's ancestors too. Real pages stay far below: over the 2,590 pages of the extraction dev sets and
 * samples the deepest nesting is 98 (p99 35) and the most elements 10,477 (p99 3,224). A page past either
 * limit is refused with a reason, so the work per page is linear with a bounded factor.
 */
export const MAX_HTML_DEPTH = 256;
export const MAX_HTML_ELEMENTS = 100_000;

/**
 * Switches and constants of the extractor that were chosen by leave-one-set-out cross-validation over the four
 * extraction dev sets (`scripts/train/extract-tune.ts`; the table is in BENCHMARKS.md). Exported so the tuner
 * can try other values in-process; the pipeline never changes them.
 */
export const EXTRACT_PARAMS = {
  /** Leave out short lines of figures and captions (photo credits, "Foto: …"), keeping descriptive captions. */
  dropCredits: true,
  /** Trim short questions and "Label:" lines from the article's edges, as fragments are. */
  edgeLabels: true,
  /** When no element scores as prose, fall back to the element named as the article body, or the JSON-LD body. */
  fallback: true,
  /** Related-article and comment headings (lexicon, several languages) drop their line and end the article. */
  headings: true,
  /** Author boxes and call-out boxes (class names) are furniture. */
  authorBoxes: true,
  /** A body under RESCUE_WORDS words gives way to the fallback when that holds more. */
  rescue: true,
  /** Short furniture lines of the lexicon (rights, prompts, credits; several languages) are left out. */
  furnitureLines: true,
};

/** Elements whose content is never article text. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'select',
  'textarea',
  'button',
  'object',
  'embed',
  'canvas',
  'map',
  'dialog',
  'menu',
  'option',
  'label',
  'input',
]);

/** Elements that are usually furniture; like furniture class names, a hint the prose they hold can overrule. */
const FURNITURE_TAGS = new Set(['nav', 'footer', 'aside']);

/** Elements that end a text block. */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'td',
  'th',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'tbody',
  'thead',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figure',
  'figcaption',
  'header',
  'br',
  'hr',
  'center',
  'address',
  'body',
  'html',
  'caption',
  'fieldset',
  'details',
  'summary',
]);

const VOID_TAGS = new Set([
  'br',
  'hr',
  'img',
  'input',
  'meta',
  'link',
  'area',
  'base',
  'col',
  'embed',
  'source',
  'track',
  'wbr',
]);

/** class/id words of page furniture. */
const FURNITURE =
  /(?:^|[\s_-])(?:comments?|commentlist|disqus|share|sharing|social|related|promo|promoted|sidebar|newsletter|cookies?|banner|advert|advertisement|ads?|ad-\w+|sponsor(?:ed)?|outbrain|taboola|footer|nav|navbar|navigation|menu|subscribe|subscription|popup|modal|breadcrumbs?|tags|widget|recommended|most-?(?:read|popular)|trending|toolbar|masthead|signup|login|byline-social|print-?only|hidden)(?:$|[\s_-])/i;

/** class/id words of an author's box or a call-out beside the article. */
const AUTHOR_BOX =
  /(?:^|[\s_-])(?:(?:contributor|author)-?(?:bio|box|info|details|profile|about)|about-?(?:the-?)?author|callout|cta\d*)(?:$|[\s_-])/i;

/** class/id words that mark the article itself; they protect an element from the furniture rule. */
const CONTENT_HINT = /(?:^|[\s_-])(?:article|story|content|entry|post|body|text|main)(?:$|[\s_-])/i;

/** class/id/itemprop names that mark the body of a post or article itself (not just a content area). */
const ARTICLE_BODY =
  /(?:^|[\s_-])(?:post-?body|entry-?content|entry-?body|article-?body|articlebody|article-?content|article-?text|story-?body|story-?content|story-?text|post-?content|post-?entry|hentry|main-?content)(?:$|[\s_-])/i;
/** An element named as the article body weighs this much more than its words alone. */
const ARTICLE_BODY_BONUS = 4;

/** class names of figure captions and photo credits. */
const CAPTION_CLASS =
  /(?:^|[\s_-])(?:wp-caption(?:-text)?|caption|figcaption|credits?|photo-?credit|image-?credit)(?:$|[\s_-])/i;

/** A line of a figure or caption shorter than this is a credit, not a description. */
const CREDIT_WORDS = 8;

/** A block of prose counts fully from this many words; shorter blocks count half or less. */
const PROSE_WORDS = 12;
/** Lines of page furniture that survive inside article containers. */
const BOILERPLATE_LINE =
  /(all rights reserved|copyright\b|©|\(c\)\s*\d{4}|terms of (use|service)|privacy policy|email (this )?article|print (this )?article|related (links|stories|articles)|show comments|sign up\b|newsletter|subscribe\b|^advertisement$|^tools$|^share\b|full story$|^more$|^photo:|^image:|^(click|tap) here|^follow us|^read more\b|^print$|^email$)/i;

/** A line under this many words that occurs this many times on one page is a widget's, not the article's. */
const REPEATED_LINE_WORDS = 20;
const REPEATED_LINE_TIMES = 3;

/** Where reader comments begin. */
const COMMENTS_START =
  /^(posted by\b|\d+\s+(comments?|responses?|replies)\b|comments?\s*(\(\d+\))?\s*[:»›]?$|leave a (comment|reply)|add (a|your) comment|have your say|reader comments|what do you think\??$|post a comment)/i;

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const headingRe = (list: readonly string[]) =>
  new RegExp(`^(?:${list.map(escapeRe).join('|')})(?:\\s*\\(\\d+\\))?\\s*(?:[:.!?…»›|-]|$)`, 'iu');
/** A short line opening related links or a teaser ("Mehr zum Thema", "Lesen Sie auch: …"). */
const RELATED_LINE = headingRe(RELATED_HEADINGS);
/** A line opening the reader comments in any of the lexicon's languages. */
const COMMENT_LINE = headingRe(COMMENT_HEADINGS);
/** A short line opening with a furniture phrase of the lexicon ("Alle Rechte vorbehalten", "Abonnez-vous"). */
const FURNITURE_LINE = new RegExp(`^(?:${FURNITURE_LINE_OPENINGS.map(escapeRe).join('|')})`, 'iu');
/** A credit or source line: "Foto: …", "(Bild: …)", "Quelle: …". */
const CREDIT_LINE = new RegExp(`^\\(?(?:${CREDIT_LINE_OPENINGS.map(escapeRe).join('|')})\\s*:`, 'iu');
/** Credit lines are short: a line of this many words or more is prose. */
const CREDIT_LINE_WORDS = 10;

/** A body this short is not kept as an article (index.ts's MIN_BODY_WORDS): the fallback may do better. */
const RESCUE_WORDS = 15;

/** Headings are short: a line of this many words or more is prose that happens to start alike. */
const HEADING_WORDS = 12;

/** A furniture-named element holding less than this share of the page's prose is furniture indeed. */
const FURNITURE_SHARE = 0.5;
/** A sibling of the article container joins it when it scores at least this share of the container (and this much). */
const SIBLING_SHARE = 0.2;
const SIBLING_MIN_SCORE = 10;

export interface Node {
  tag: string;
  parent: Node | undefined;
  block: boolean;
  /** class/id names it as page furniture (share bar, comments, related links, ...). */
  furniture: boolean;
  /** class/id/itemprop name it as the article body. */
  articleBody: boolean;
  /** It or an element inside it is named as the article body. */
  holdsBody: boolean;
  /** It or an element around it is a figure or a caption. */
  caption: boolean;
  /** NAME_BITS (blocks.ts) of the class/id names on it and its ancestors. */
  names: number;
  /** Sum of the positive block values beneath it. */
  good: number;
  score: number;
}

export interface Block {
  owner: Node;
  /** Inside a figure or caption. */
  caption: boolean;
  text: string;
  words: number;
  linkWords: number;
  tag: string;
}

/** The attributes `readHtmlPage` reads of every element, and those it reads of some elements only. */
const READ_ATTRIBUTES = new Set(['class', 'id', 'hidden', 'style', 'itemprop']);
const READ_TAG_ATTRIBUTES = new Map([
  ['meta', new Set(['property', 'name', 'content', 'charset', 'http-equiv'])],
  ['link', new Set(['rel', 'href'])],
  ['html', new Set(['lang'])],
  ['time', new Set(['datetime'])],
  ['script', new Set(['type'])],
]);

/** The parser's state for the tag and attribute being read (htmlparser2 10's Parser, private in its typings). */
interface AttributeState {
  tagname: string;
  attribname: string;
  attribvalue: string;
  endIndex: number;
}

/**
 * htmlparser2's Parser, keeping only the attributes read in those it hands over: most of a page's
 * attributes (href, src, data-*, aria-*, ...) are never read, and building them cost a tenth of the pass.
 * Tags, text and the attributes read are exactly the Parser's.
 */
class ReadingParser extends Parser {
  private reads(): boolean {
    const { tagname, attribname } = this as unknown as AttributeState;
    // A Parser whose private state is named otherwise (another htmlparser2 version): keep every attribute.
    if (typeof attribname !== 'string') return true;
    return READ_ATTRIBUTES.has(attribname) || READ_TAG_ATTRIBUTES.get(tagname)?.has(attribname) === true;
  }
  override onattribdata(start: number, endIndex: number): void {
    if (this.reads()) super.onattribdata(start, endIndex);
  }
  override onattribentity(cp: number): void {
    if (this.reads()) super.onattribentity(cp);
  }
  override onattribend(quote: QuoteType, endIndex: number): void {
    if (this.reads()) {
      super.onattribend(quote, endIndex);
      return;
    }
    const state = this as unknown as AttributeState;
    state.endIndex = endIndex;
    state.attribvalue = '';
  }
}

/** Whether a token has a letter or digit; an ASCII letter or digit up front answers without the regex. */
const hasWordChar = (t: string) => isAsciiAlnumCode(t.charCodeAt(0)) || /[\p{L}\p{N}]/u.test(t);

/**
 * The words of the token `s[start, end)` (no whitespace in it): 1 for a token of code units below U+0E00 that
 * opens with an ASCII letter or digit (`plain`: every code unit is), else `tokenWords` if it has a letter or digit.
 */
const wordsOfToken = (s: string, start: number, end: number, plain: boolean): number => {
  if (plain && isAsciiAlnumCode(s.charCodeAt(start))) return 1;
  const t = s.slice(start, end);
  return hasWordChar(t) ? tokenWords(t) : 0;
};

/** Words of a text (its tokens parted by whitespace): tokens with a letter or digit, by `tokenWords`. */
const countWords = (s: string) => {
  let n = 0;
  let start = 0;
  let plain = true; // every code unit so far is below U+0E00 (see tokenWords)
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if (!isSpaceCode(c)) {
      if (c >= 0x0e00) plain = false;
      continue;
    }
    if (i > start) n += wordsOfToken(s, start, i, plain);
    start = i + 1;
    plain = true;
  }
  return n;
};

/** Whether a text has nothing but whitespace (`\s`). */
const blank = (s: string) => {
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
  return true;
};

/**
 * `[s.replace(/\s+/g, ' ').trim(), countWords(s)]` in one pass over the text (a block's text is read once, not
 * twice): the text is cut only where a run of whitespace is more than one plain space (or at the ends), so a
 * text already spaced so is returned whole.
 */
export function squashAndCount(s: string): [string, number] {
  let out = '';
  let from = 0; // start of the text not yet copied to out
  let words = 0;
  let start = 0; // start of the token being read
  let plain = true; // every code unit of the token is below U+0E00
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (!isSpaceCode(c)) {
      if (c >= 0x0e00) plain = false;
      i++;
      continue;
    }
    if (i > start) words += wordsOfToken(s, start, i, plain);
    let j = i + 1;
    while (j < s.length && isSpaceCode(s.charCodeAt(j))) j++;
    if (i === 0) from = j;
    else if (j === s.length) return [out + s.slice(from, i), words];
    else if (j - i > 1 || c !== 32) {
      out += `${s.slice(from, i)} `;
      from = j;
    }
    i = j;
    start = j;
    plain = true;
  }
  if (i > start) words += wordsOfToken(s, start, i, plain);
  return [from === 0 ? s : out + s.slice(from), words];
}

/** How much a block says "article here" (positive) or "furniture here" (negative). */
function blockValue(b: Block): number {
  const ld = b.words ? b.linkWords / b.words : 0;
  if (ld > LINK_HEAVY) return -b.words;
  const prose = b.words * (1 - ld);
  if (b.words >= PROSE_WORDS) return prose + (endsLikeSentence(b.text) ? 5 : 0);
  if (b.words >= 5 && endsLikeSentence(b.text)) return prose * 0.5;
  return -0.5;
}

/** What an element's class and id names say; pages repeat the same names, so each page tests a name once. */
interface Names {
  /** The class and id are whitespace at most (the element is unnamed). */
  blank: boolean;
  furniture: boolean;
  articleBody: boolean;
  /** The class names a figure caption or a photo credit. */
  caption: boolean;
  bits: number;
}

/**
 * What one class or id attribute says by itself. Every name pattern is bounded by the ends of the text or by
 * whitespace, `_` or `-` and matches no whitespace itself, so it matches `${cls} ${id}` exactly when it matches
 * the class or the id alone: the element's names are its class's and its id's, combined.
 */
interface NamePart {
  blank: boolean;
  authorBox: boolean;
  furniture: boolean;
  contentHint: boolean;
  articleBody: boolean;
  /** A class that names a figure caption or a photo credit (read of the class only). */
  caption: boolean;
  bits: number;
}

/** Parts met so far: pages of one site, and sites, share their class names. Cleared when it grows large. */
const nameParts = new Map<string, NamePart>();
const NAME_PARTS_KEPT = 50_000;

function namePart(text: string): NamePart {
  let part = nameParts.get(text);
  if (part) return part;
  if (nameParts.size >= NAME_PARTS_KEPT) nameParts.clear();
  const blank = !text.trim();
  part = {
    blank,
    authorBox: !blank && AUTHOR_BOX.test(text),
    furniture: !blank && FURNITURE.test(text),
    contentHint: !blank && CONTENT_HINT.test(text),
    articleBody: !blank && ARTICLE_BODY.test(text),
    caption: !blank && CAPTION_CLASS.test(text),
    bits: blank ? 0 : nameBits(text),
  };
  nameParts.set(text, part);
  return part;
}

function namesOf(cls: string, id: string): Names {
  const c = namePart(cls);
  const i = namePart(id);
  return {
    blank: c.blank && i.blank,
    furniture:
      (EXTRACT_PARAMS.authorBoxes && (c.authorBox || i.authorBox)) ||
      ((c.furniture || i.furniture) && !(c.contentHint || i.contentHint)),
    articleBody: c.articleBody || i.articleBody,
    caption: c.caption,
    bits: c.bits | i.bits,
  };
}

export function extractHtml(html: string): HtmlExtraction {
  const model = blockModel();
  const page = readHtmlPage(html, model?.window ?? 0);
  if ('refused' in page) return { paragraphs: [], refused: page.refused };
  const paragraphs = page.body.finish(modelKeep(page.body, model));
  return {
    ...page.fields,
    title: page.fields.title ?? headingBefore(page.blocks, paragraphs[0]),
    paragraphs,
  };
}

/** A page read: its metadata, its text blocks, and the article container with the candidates around it. */
export type HtmlPage =
  | {
      fields: Omit<HtmlExtraction, 'paragraphs'>;
      blocks: Block[];
      body: BodyChoice;
      /** The candidate containers and the body each would give (for the container ranker's trainer). */
      containers: ContainerChoice<BodyChoice>;
    }
  | { refused: string };

/** Read a page up to the block classifier's decision (`window`: how far outside the container candidates go). */
export function readHtmlPage(html: string, window: number): HtmlPage {
  const root: Node = {
    tag: '#root',
    parent: undefined,
    block: true,
    furniture: false,
    articleBody: false,
    holdsBody: false,
    caption: false,
    names: 0,
    good: 0,
    score: 0,
  };
  const stack: Node[] = [root];
  const blocks: Block[] = [];
  const meta: PageMeta = { metas: {}, ldJson: [] };
  let skipDepth = 0; // > 0 while inside skipped elements
  let linkDepth = 0;
  let buffer = '';
  /** The buffer holds more than whitespace (tested on each small text as it comes, not on the joined buffer). */
  let bufferText = false;
  let linkBuffer = '';
  let capture: 'title' | 'ld' | 'h1' | undefined;
  let captured = '';
  let elements = 0;
  let refused: string | undefined;
  /** What each class and id say, by class then id (a page repeats them; most elements have neither). */
  const names = new Map<string, Map<string, Names>>();
  let unnamed: Names | undefined;

  const owner = (): Node => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].block) return stack[i];
    return root;
  };
  const flush = () => {
    const [text, words] = bufferText ? squashAndCount(buffer) : ['', 0];
    if (text) {
      if (words) {
        const o = owner();
        blocks.push({
          owner: o,
          caption: o.caption,
          text,
          words,
          linkWords: linkBuffer ? countWords(linkBuffer) : 0,
          tag: o.tag,
        });
      }
    }
    buffer = '';
    bufferText = false;
    linkBuffer = '';
  };

  const parser = new ReadingParser(
    {
      onopentag(name, attribs) {
        if (refused) return;
        if (++elements > MAX_HTML_ELEMENTS || stack.length > MAX_HTML_DEPTH) {
          refused =
            elements > MAX_HTML_ELEMENTS
              ? `more than ${MAX_HTML_ELEMENTS} HTML elements`
              : `HTML elements nested more than ${MAX_HTML_DEPTH} deep`;
          parser.pause(); // the rest of the page is never tokenized
          return;
        }
        if (name === 'meta') {
          const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').toLowerCase();
          if (key && attribs.content && !(key in meta.metas)) meta.metas[key] = attribs.content;
          if (attribs.charset === undefined && attribs['http-equiv'] === undefined) return;
          return;
        }
        if (name === 'link' && /\bcanonical\b/i.test(attribs.rel ?? '') && attribs.href)
          meta.canonical ??= attribs.href;
        if (name === 'html' && attribs.lang) meta.lang ??= attribs.lang;
        if (name === 'time' && attribs.datetime) meta.time ??= attribs.datetime;
        if (name === 'title' && meta.title === undefined) capture = 'title';
        if (name === 'script' && /ld\+json/i.test(attribs.type ?? '')) capture = 'ld';
        if (name === 'h1' && meta.h1 === undefined && skipDepth === 0) capture = 'h1';
        if (capture) captured = '';
        if (VOID_TAGS.has(name)) {
          if (name === 'br' || name === 'hr') flush();
          return;
        }
        const cls = attribs.class;
        const id = attribs.id;
        let named: Names | undefined;
        if (cls === undefined && id === undefined) named = unnamed ??= namesOf('', '');
        else {
          let byId = names.get(cls ?? '');
          if (!byId) names.set(cls ?? '', (byId = new Map()));
          named = byId.get(id ?? '');
          if (!named) byId.set(id ?? '', (named = namesOf(cls ?? '', id ?? '')));
        }
        // An element with no class or id is furniture when hidden.
        const furniture =
          FURNITURE_TAGS.has(name) ||
          (named.blank
            ? attribs.hidden !== undefined || /display:\s*none/i.test(attribs.style ?? '')
            : named.furniture);
        const articleBody =
          skipDepth === 0 &&
          (named.articleBody || (attribs.itemprop !== undefined && /articlebody/i.test(attribs.itemprop)));
        const parentNode = stack[stack.length - 1];
        const captionHere = name === 'figure' || name === 'figcaption' || named.caption;
        const block = BLOCK_TAGS.has(name) || furniture || articleBody || captionHere;
        if (block) flush();
        const node: Node = {
          caption: parentNode.caption || captionHere,
          tag: name,
          parent: parentNode,
          block,
          furniture,
          articleBody,
          holdsBody: articleBody,
          names: parentNode.names | named.bits,
          good: 0,
          score: 0,
        };
        if (articleBody)
          for (let i = stack.length - 1; i >= 0 && !stack[i].holdsBody; i--) stack[i].holdsBody = true;
        stack.push(node);
        if (skipDepth > 0 || SKIP_TAGS.has(name)) skipDepth++;
        if (name === 'a') linkDepth++;
      },
      ontext(text) {
        if (refused) return;
        if (capture) captured += text;
        if (skipDepth > 0) return;
        buffer += text;
        if (!bufferText && !blank(text)) bufferText = true;
        if (linkDepth > 0) linkBuffer += ` ${text}`;
      },
      onclosetag(name, implied) {
        if (refused || VOID_TAGS.has(name)) return;
        if (capture === 'title' && name === 'title') meta.title = captured.replace(/\s+/g, ' ').trim();
        if (capture === 'ld' && name === 'script') meta.ldJson.push(captured);
        if (capture === 'h1' && name === 'h1') meta.h1 = captured.replace(/\s+/g, ' ').trim();
        if (
          (capture === 'title' && name === 'title') ||
          (capture === 'ld' && name === 'script') ||
          (capture === 'h1' && name === 'h1')
        )
          capture = undefined;
        if (stack.length <= 1) return;
        const node = stack[stack.length - 1];
        if (node.tag !== name && !implied) return;
        if (node.block) flush();
        if (skipDepth > 0) skipDepth--;
        if (name === 'a' && linkDepth > 0) linkDepth--;
        stack.pop();
      },
    },
    {
      decodeEntities: true,
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
      Tokenizer: FastTokenizer,
    },
  );
  parser.write(html);
  if (refused) return { refused };
  parser.end();
  flush();

  const { articleBody, ...m } = metadataFrom(meta);
  return {
    fields: { ...m, published: normalizeDate(m.published) },
    blocks,
    ...bodyChoice(blocks, m.title, articleBody, window),
  };
}

/** Headings this short or long are labels or lead paragraphs, not headlines. */
const HEADLINE_WORDS = { min: 3, max: 30 };

/** For a page whose fields name no title: the last heading (h1–h3) just before the body's first paragraph. */
function headingBefore(blocks: Block[], first: string | undefined): string | undefined {
  const at = first === undefined ? -1 : blocks.findIndex((b) => b.text === first);
  for (let i = at - 1; i >= 0 && i >= at - 5; i--) {
    const b = blocks[i];
    if (/^h[1-3]$/.test(b.tag) && b.words >= HEADLINE_WORDS.min && b.words <= HEADLINE_WORDS.max)
      return b.text;
  }
  return undefined;
}

/** Paragraphs of a JSON-LD articleBody (plain text, or HTML some sites put there). */
function ldParagraphs(body: string): string[] {
  return body
    .replace(/<\/?(?:p|div|br|h\d|li)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .split(/\n+/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The page's last resort when no element scores as prose: the element named as the article body, or the JSON-LD body. */
function fallbackBlocks(blocks: Block[], articleBody: string | undefined): string[] {
  const named = new Map<Node, number>();
  for (const b of blocks) {
    if (b.caption || (b.words && b.linkWords / b.words > LINK_HEAVY)) continue;
    for (let n: Node | undefined = b.owner; n; n = n.parent)
      if (n.articleBody || n.tag === 'article') {
        named.set(n, (named.get(n) ?? 0) + b.words);
        break;
      }
  }
  let best: Node | undefined;
  for (const [n, w] of named) if (!best || w > (named.get(best) ?? 0)) best = n;
  if (best) {
    const under = (b: Block) => {
      for (let n: Node | undefined = b.owner; n; n = n.parent) if (n === best) return true;
      return false;
    };
    const texts = blocks
      .filter((b) => under(b) && !b.caption && !(b.words && b.linkWords / b.words > LINK_HEAVY))
      .map((b) => b.text);
    if (texts.length) return texts;
  }
  return articleBody ? ldParagraphs(articleBody) : [];
}

/** The container's blocks and the candidates around it, before the block classifier decides (see blocks.ts). */
export interface BodyChoice {
  /** Candidate blocks: those inside the container, and those up to the window outside it, in page order. */
  candidates: BlockFacts[];
  /** What the classifier reads of candidate k (made on demand). */
  facts(k: number): BlockFacts;
  /** Whether each candidate is inside the container the rules chose. */
  inside: boolean[];
  /** Each candidate's words, and its distance in blocks from the container (0 inside). */
  words: number[];
  distance: number[];
  /** Whether each candidate is a related-links heading (kept as a marker where it stands, never as text). */
  markers: boolean[];
  /** The article's paragraphs when the candidates flagged `true` are kept. */
  finish(keep: readonly boolean[]): string[];
}

/** Without a model (or before it decides): the rules' choice, every candidate inside the container. */
export const rulesKeep = (body: BodyChoice): boolean[] => body.inside;

/**
 * Score elements by the blocks beneath them, pick the best as the article container, and list the blocks
 * inside it (and, with `window` > 0, the blocks up to `window` blocks outside it) as candidates.
 */
function bodyChoice(
  blocks: Block[],
  title: string | undefined,
  articleBody: string | undefined,
  window: number,
): { body: BodyChoice; containers: ContainerChoice<BodyChoice> } {
  const values = blocks.map(blockValue);
  // Furniture by class/id is only a hint: an element so named that holds most of the page's prose is the
  // article after all (blog templates wrap posts in "widget" containers).
  blocks.forEach((b, i) => {
    if (values[i] > 0) for (let n: Node | undefined = b.owner; n; n = n.parent) n.good += values[i];
  });
  const root = blocks.length ? chainRoot(blocks[0].owner) : undefined;
  const limit = (root?.good ?? 0) * FURNITURE_SHARE;
  // First guess at the container with furniture names ignored: the furniture-named elements that wrap it
  // (a blog template's "widget" around every post) are wrappers, not furniture.
  blocks.forEach((b, i) => {
    for (let n: Node | undefined = b.owner; n; n = n.parent) n.score += values[i];
  });
  const wrappers = new Set<Node>();
  for (let n = bestNode(blocks)?.parent; n; n = n.parent) wrappers.add(n);
  const junk = blocks.map((b) => {
    for (let n: Node | undefined = b.owner; n; n = n.parent)
      if (n.furniture && !n.holdsBody && !wrappers.has(n) && n.good < limit) return true;
    return false;
  });
  for (const b of blocks) for (let n: Node | undefined = b.owner; n; n = n.parent) n.score = 0;
  blocks.forEach((b, i) => {
    const v = junk[i] ? -Math.abs(values[i]) * 0.5 : values[i];
    for (let n: Node | undefined = b.owner; n; n = n.parent) n.score += v;
  });
  // An element named as the article body counts for more than its words alone (the author said so).
  const named = new Set<Node>();
  for (const b of blocks)
    for (let n: Node | undefined = b.owner; n; n = n.parent) if (n.articleBody) named.add(n);
  for (const n of named) if (n.score > 0) n.score *= ARTICLE_BODY_BONUS;
  // The learned container ranker (containers.ts) may pick another of the best-scoring elements.
  const containers: ContainerChoice<BodyChoice> = {
    rules: bestNode(blocks),
    page: {
      blocks,
      junk,
      title,
      ldText: () => (articleBody ? ldParagraphs(articleBody).join(' ') : undefined),
    },
    bodyOf: (n) => bodyAround(blocks, junk, n, title, articleBody, window),
  };
  const model = containerModel();
  const best = model ? chooseContainer(model, containers) : containers.rules;
  return { body: containers.bodyOf(best), containers };
}

/** The body with `best` as the article container: its blocks and the candidates around it. */
function bodyAround(
  blocks: Block[],
  junk: boolean[],
  best: Node | undefined,
  title: string | undefined,
  articleBody: string | undefined,
  window: number,
): BodyChoice {
  const fallback = () => (EXTRACT_PARAMS.fallback ? fallbackBlocks(blocks, articleBody) : []);
  if (!best || best.score <= 0)
    return {
      candidates: [],
      facts: () => {
        throw new Error('no candidates');
      },
      inside: [],
      words: [],
      distance: [],
      markers: [],
      finish: fallback,
    };
  // Like a reader's eye, take in sibling containers that are themselves substantially article (a split body).
  const siblingMin = Math.max(SIBLING_MIN_SCORE, best.score * SIBLING_SHARE);
  const parent = best.parent;
  const inside = (b: Block) => {
    for (let n: Node | undefined = b.owner; n; n = n.parent) {
      if (n === best) return true;
      if (parent && n.parent === parent && n.tag !== '#root') return n.score >= siblingMin;
    }
    return false;
  };
  const isIn = blocks.map((b, i) => !junk[i] && inside(b));
  // Blocks between each block and the nearest block inside the container (two linear passes).
  const distance = new Array<number>(blocks.length).fill(Number.POSITIVE_INFINITY);
  if (window > 0) {
    let last = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < blocks.length; i++) {
      if (isIn[i]) last = i;
      distance[i] = i - last;
    }
    last = Number.POSITIVE_INFINITY;
    for (let i = blocks.length - 1; i >= 0; i--) {
      if (isIn[i]) last = i;
      distance[i] = Math.min(distance[i], last - i);
    }
  } else for (let i = 0; i < blocks.length; i++) if (isIn[i]) distance[i] = 0;
  const titleKey = title?.toLowerCase().replace(/\s+/g, ' ');
  // A short line repeated down the page ("Mouseover photo to add a note", "Img #12 Title:") is a widget's.
  const repeats = new Map<string, number>();
  const repeatKeys = blocks.map((b) =>
    b.words < REPEATED_LINE_WORDS ? b.text.toLowerCase().replace(/\d+/g, '0') : '',
  );
  for (const k of repeatKeys) if (k) repeats.set(k, (repeats.get(k) ?? 0) + 1);
  const chosen: Array<{ b: Block; i: number }> = [];
  const markers: boolean[] = [];
  blocks.forEach((b, i) => {
    if (junk[i] || distance[i] > window) return;
    if (EXTRACT_PARAMS.dropCredits && b.caption && b.words < CREDIT_WORDS) return;
    if (b.words && b.linkWords / b.words > LINK_HEAVY) return;
    if (b.tag === 'h1' || (titleKey && b.text.toLowerCase() === titleKey)) return;
    if (b.words < 30 && BOILERPLATE_LINE.test(b.text)) return;
    if (EXTRACT_PARAMS.furnitureLines && b.words < 30 && FURNITURE_LINE.test(b.text)) return;
    if (EXTRACT_PARAMS.furnitureLines && b.words < CREDIT_LINE_WORDS && CREDIT_LINE.test(b.text)) return;
    if (EXTRACT_PARAMS.headings && b.words < HEADING_WORDS && RELATED_LINE.test(b.text)) {
      // Where a related-links heading stood inside the article: the comment cut below may end it there.
      if (isIn[i] && b.words <= 6) {
        chosen.push({ b, i });
        markers.push(true);
      }
      return;
    }
    if (b.words < REPEATED_LINE_WORDS && (repeats.get(repeatKeys[i]) ?? 0) >= REPEATED_LINE_TIMES) return;
    chosen.push({ b, i });
    markers.push(false);
  });
  const maxWords = blocks.reduce((m, b) => Math.max(m, b.words), 1);
  let ld: string | undefined | null = null; // null: not read yet
  const share = (b: Block | undefined) => (b?.words ? b.linkWords / b.words : 0);
  /** What the classifier reads of candidate k, made on demand (most candidates are never asked about). */
  const factsOf = (k: number): BlockFacts => {
    const { b, i } = chosen[k];
    if (ld === null) ld = articleBody ? ldParagraphs(articleBody).join(' ') : undefined;
    let inArticleBody = false;
    let inArticleTag = false;
    for (let n: Node | undefined = b.owner; n; n = n.parent) {
      if (n.articleBody) inArticleBody = true;
      if (n.tag === 'article') inArticleTag = true;
    }
    const prev = blocks[i - 1];
    const next = blocks[i + 1];
    return {
      text: b.text,
      words: b.words,
      linkWords: b.linkWords,
      tag: b.tag,
      caption: b.caption,
      inside: isIn[i],
      distance: distance[i],
      position: i / blocks.length,
      ownerShare: Math.max(-1, Math.min(1, b.owner.score / best.score)),
      inArticleBody,
      inArticleTag,
      names: b.owner.names,
      prevWords: prev?.words ?? 0,
      prevLinkShare: share(prev),
      nextWords: next?.words ?? 0,
      nextLinkShare: share(next),
      ld: ld === undefined ? 0 : b.words >= 3 && ld.includes(b.text.slice(0, 60)) ? 1 : -1,
      relativeLength: b.words / maxWords,
    };
  };
  const finish = (keep: readonly boolean[]): string[] => {
    const kept: Block[] = [];
    /** Where a related-links heading stood (index of the kept block after it). */
    const relatedAt = new Set<number>();
    chosen.forEach(({ b }, k) => {
      if (!keep[k]) return;
      if (markers[k]) relatedAt.add(kept.length);
      else kept.push(b);
    });
    // Reader comments often sit inside the article container: cut at the first comment header once the
    // article has said most of what it says.
    const total = kept.reduce((n, b) => n + b.words, 0);
    let seen = 0;
    let end = kept.length;
    for (let i = 0; i < kept.length; i++) {
      const heading =
        EXTRACT_PARAMS.headings &&
        (relatedAt.has(i) || (kept[i].words < HEADING_WORDS && COMMENT_LINE.test(kept[i].text)));
      if ((COMMENTS_START.test(kept[i].text) || heading) && seen >= total * 0.4) {
        end = i;
        break;
      }
      seen += kept[i].words;
    }
    // Trim fragments (bylines, datelines, tool rows) from both edges; keep those between paragraphs.
    let start = 0;
    while (start < end && isEdgeFragment(kept[start])) start++;
    while (end > start && isEdgeFragment(kept[end - 1])) end--;
    const out = kept.slice(start, end).map((b) => b.text);
    const outWords = EXTRACT_PARAMS.rescue ? countWords(out.join(' ')) : 0;
    if (EXTRACT_PARAMS.rescue && outWords < RESCUE_WORDS) {
      // Too little to keep (a comment form's notice on a page of tables): the fallback, if it holds more.
      const more = fallback();
      if (countWords(more.join(' ')) > outWords) return more;
    }
    return out.length ? out : fallback();
  };
  return {
    get candidates() {
      return chosen.map((_, k) => factsOf(k));
    },
    facts: factsOf,
    inside: chosen.map(({ i }) => isIn[i]),
    words: chosen.map(({ b }) => b.words),
    distance: chosen.map(({ i }) => distance[i]),
    markers,
    finish,
  };
}

/** The block classifier's decision over the candidates (see blocks.ts); without a model, the rules'. */
export function modelKeep(body: BodyChoice, model: BlockModel | null): boolean[] {
  if (!model) return rulesKeep(body);
  return body.inside.map((inside, k) => {
    if (body.markers[k]) return inside;
    if (inside && model.drop <= 0) return true;
    if (!inside && (body.distance[k] > model.window || model.add > 1 || body.words[k] < model.addWords))
      return false;
    const p = contentProbability(model, blockFeatures(body.facts(k)));
    return inside ? p >= model.drop : p >= model.add;
  });
}

const isFragment = (b: Block) => b.words < 7 && !endsLikeSentence(b.text);
/** At the article's edges, a short question or label ("Was this helpful?", "Contact:") is furniture too. */
const isEdgeFragment = (b: Block) =>
  isFragment(b) || (EXTRACT_PARAMS.edgeLabels && b.words < 7 && /(?:[:?]|^\(.*\))$/.test(b.text));

/** The highest-scoring element that owns blocks (ties: the first reached, i.e. the deepest). */
function bestNode(blocks: Block[]): Node | undefined {
  let best: Node | undefined;
  for (const b of blocks) {
    for (let n: Node | undefined = b.owner; n; n = n.parent) {
      if (n.tag === '#root') break;
      if (!best || n.score > best.score) best = n;
    }
  }
  return best;
}

function chainRoot(n: Node): Node {
  let r = n;
  while (r.parent) r = r.parent;
  return r;
}
