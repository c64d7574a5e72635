/**
 * The learned block classifier of the HTML extractor: for each text block near the article container the rules
 * chose, how likely it is article text. Features are computed per block from the block itself (length, link
 * share, punctuation, tag), the class/id names around it, its place in the page and beside the container, its
 * neighbours, and the page's JSON-LD body; the weights are a logistic regression in models/extract-blocks.json
 * (scripts/train/extract-blocks.ts, trained and thresholded leave-one-set-out over the extraction dev sets).
 * The extractor uses it to refine the rules' choice: a block inside the container the model is sure is
 * boilerplate is dropped, a block just outside it the model is sure is article is added.
 */
import { loadModel, type ModelFile, modelSlot } from '../models/load.js';

/** The feature set, in order; its hash is checked against the model's header. */
export const BLOCK_FEATURES = [
  'v1',
  'log_words',
  'link_share',
  'ends_sentence',
  'punct_per_word',
  'digit_share',
  'inside',
  'log_distance',
  'position',
  'owner_score_share',
  'tag_p',
  'tag_li',
  'tag_td',
  'tag_heading',
  'tag_dd',
  'tag_quote',
  'tag_div',
  'caption',
  'in_article_body',
  'in_article_tag',
  'name_content',
  'name_comment',
  'name_side',
  'name_meta',
  'prev_log_words',
  'prev_link_share',
  'next_log_words',
  'next_link_share',
  'ld_found',
  'ld_missed',
  'relative_length',
] as const;

export const BLOCK_FEATURE_COUNT = BLOCK_FEATURES.length - 1;

/** Bits of the class/id names on an element and its ancestors. */
export const NAME_BITS = { content: 1, comment: 2, side: 4, meta: 8 } as const;

const NAME_PATTERNS: Array<[number, RegExp]> = [
  [NAME_BITS.content, /(?:^|[\s_-])(?:article|story|content|entry|post|body|text|main)(?:$|[\s_-])/i],
  [NAME_BITS.comment, /comment|reply|replies|respon[sd]|discussion|disqus/i],
  [
    NAME_BITS.side,
    /sidebar|widget|aside|related|profile|about|author|bio(?:$|[\s_-])|teaser|recommend|promo|rail/i,
  ],
  [NAME_BITS.meta, /byline|dateline|date|time|meta|tags?(?:$|[\s_-])|categor|breadcrumb|share|social/i],
];

/** The name bits of one element's class and id. */
export function nameBits(key: string): number {
  let bits = 0;
  for (const [bit, re] of NAME_PATTERNS) if (re.test(key)) bits |= bit;
  return bits;
}

/** What the extractor knows of one candidate block, the classifier's input. */
export interface BlockFacts {
  text: string;
  words: number;
  linkWords: number;
  tag: string;
  caption: boolean;
  inside: boolean;
  /** Blocks between it and the nearest block inside the container (0 inside). */
  distance: number;
  /** Its index among the page's blocks, over their number. */
  position: number;
  /** The score of the element owning it over the container's score, clipped to [-1, 1]. */
  ownerShare: number;
  inArticleBody: boolean;
  inArticleTag: boolean;
  /** NAME_BITS of the class/id names on it and its ancestors. */
  names: number;
  prevWords: number;
  prevLinkShare: number;
  nextWords: number;
  nextLinkShare: number;
  /** The page has a JSON-LD body: 1 if the block's opening is in it, -1 if not; 0 without one. */
  ld: number;
  /** Its words over the longest block's words on the page. */
  relativeLength: number;
}

/** A block that ends as a sentence (or a lead-in: "…:") does, in any of the scripts the extractor reads. */
/** Sentence stops, and the closing marks that may follow one at the end of a block. */
const STOPS = new Set('.!?…。！？');
const CLOSERS = new Set('"\'”“’‘»«›‹」)');

/**
 * Whether a block ends like a sentence: a stop, perhaps followed by one closing mark, or a colon or semicolon
 * (`/[.!?…。！？]["'”“’‘»«›‹」)]?$/` or `/[:;]$/`, read off the last two code units instead of tried at every one).
 */
export const endsLikeSentence = (s: string): boolean => {
  const last = s.charAt(s.length - 1);
  if (STOPS.has(last) || last === ':' || last === ';') return true;
  return CLOSERS.has(last) && STOPS.has(s.charAt(s.length - 2));
};

/** Punctuation marks and digits of a text, in one pass. */
function marks(text: string): { punct: number; digits: number } {
  let punct = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63) punct++;
    else if (c >= 48 && c <= 57) digits++;
  }
  return { punct, digits };
}

const TAG_CLASS: Record<string, number> = {
  p: 0,
  li: 1,
  td: 2,
  th: 2,
  h1: 3,
  h2: 3,
  h3: 3,
  h4: 3,
  h5: 3,
  h6: 3,
  dd: 4,
  dt: 4,
  blockquote: 5,
  pre: 5,
  div: 6,
  section: 6,
  article: 6,
  main: 6,
  center: 6,
};

/** The feature vector of one block (without the constant), in BLOCK_FEATURES order. */
export function blockFeatures(f: BlockFacts): number[] {
  const w = Math.max(f.words, 1);
  const { punct, digits } = marks(f.text);
  const tag = TAG_CLASS[f.tag] ?? -1;
  const x = [
    Math.log1p(f.words),
    f.linkWords / w,
    endsLikeSentence(f.text) ? 1 : 0,
    Math.min(punct / w, 1),
    Math.min(digits / Math.max(f.text.length, 1), 1),
    f.inside ? 1 : 0,
    Math.log1p(f.distance),
    f.position,
    f.ownerShare,
  ];
  for (let t = 0; t < 7; t++) x.push(tag === t ? 1 : 0);
  x.push(
    f.caption ? 1 : 0,
    f.inArticleBody ? 1 : 0,
    f.inArticleTag ? 1 : 0,
    f.names & NAME_BITS.content ? 1 : 0,
    f.names & NAME_BITS.comment ? 1 : 0,
    f.names & NAME_BITS.side ? 1 : 0,
    f.names & NAME_BITS.meta ? 1 : 0,
    Math.log1p(f.prevWords),
    f.prevLinkShare,
    Math.log1p(f.nextWords),
    f.nextLinkShare,
    f.ld > 0 ? 1 : 0,
    f.ld < 0 ? 1 : 0,
    f.relativeLength,
  );
  return x;
}

/** The model file: standardisation, weights (bias last) and the decision thresholds. */
export interface BlockModel extends ModelFile {
  mean: number[];
  scale: number[];
  weights: number[];
  /** A block inside the container under this probability is dropped. */
  drop: number;
  /** A block outside the container, at most `window` blocks from it, at or over this probability is added. */
  add: number;
  window: number;
  /** Only blocks of at least this many words are added. */
  addWords: number;
}

const blockSlot = modelSlot<BlockModel>(() =>
  loadModel<BlockModel>({
    name: 'extract-blocks',
    features: BLOCK_FEATURES,
    declaredIn: 'src/extract/blocks.ts',
    retrain: 'npm run train:extract-blocks',
  }),
);

/** For the trainer and tests: use this model (null: none, the rules alone); no argument: the shipped one. */
export const useBlockModel = blockSlot.use;

/** The model the extractor uses, or null when the rules decide alone. */
export const blockModel = blockSlot.current;

/** The probability that a block with features `x` is article text. */
export function contentProbability(model: BlockModel, x: readonly number[]): number {
  const w = model.weights;
  let z = w[w.length - 1];
  for (let j = 0; j < x.length; j++) z += w[j] * ((x[j] - model.mean[j]) / model.scale[j]);
  return 1 / (1 + Math.exp(-z));
}
