/**
 * The learned container ranker of the HTML extractor. The rules (html.ts) score every element by the blocks
 * beneath it and take the best as the article container; this module lists the best-scoring elements as
 * candidates (distinct by the blocks they hold, plus the rules' choice's nearest ancestors), describes each by
 * what it holds (words, links, paragraphs, sentence endings, tags), what it is named (class/id words, article
 * body, `<article>`), where it stands (depth, position, beside the headline, inside or around the rules'
 * choice) and how much of the page's JSON-LD body it holds, and scores each with a linear ranker fitted
 * pairwise (scripts/train/extract-containers.ts, models/extract-containers.json). The extractor takes another
 * candidate than the rules' only when the ranker prefers it by at least the model's margin (chosen
 * leave-one-set-out over the extraction dev sets).
 */
import { loadModel, type ModelFile, modelSlot } from '../models/load.js';
import { endsLikeSentence, NAME_BITS } from './blocks.js';
import type { Block, Node } from './html.js';
import { LINK_HEAVY } from './link-density.js';

/** What the ranker reads of a page: its blocks, which are furniture (`junk`), its title and JSON-LD body. */
export interface ContainerPage {
  blocks: Block[];
  junk: boolean[];
  title: string | undefined;
  /** The JSON-LD articleBody's text, one line (made on demand). */
  ldText: () => string | undefined;
}

/** The rules' container, the page, and the body any element would give as the container. */
export interface ContainerChoice<B> {
  rules: Node | undefined;
  page: ContainerPage;
  bodyOf(n: Node | undefined): B;
}

/** The feature set, in order; its hash is checked against the model's header. */
export const CONTAINER_FEATURES = [
  'v1',
  'log_words',
  'page_share',
  'log_rules_ratio',
  'link_share',
  'log_paragraphs',
  'log_paragraph_ratio',
  'prose_share',
  'sentence_share',
  'p_share',
  'li_td_share',
  'heading_share',
  'caption_share',
  'score_ratio',
  'is_rules',
  'ancestor_of_rules',
  'inside_rules',
  'apart_from_rules',
  'log_depth',
  'named_body',
  'holds_named_body',
  'inside_named_body',
  'tag_article',
  'tag_section_main',
  'name_content',
  'name_comment',
  'name_side',
  'name_meta',
  'under_comment',
  'under_side',
  'furniture',
  'ld_share',
  'ld_missed',
  'holds_headline',
  'log_headline_gap',
  'no_headline',
  'position',
  'log_blocks',
  'mean_block_words',
] as const;

export const CONTAINER_FEATURE_COUNT = CONTAINER_FEATURES.length - 1;

/** A candidate container: the element and its features (CONTAINER_FEATURES order, without the constant). */
export interface Candidate {
  node: Node;
  x: number[];
}

/** A paragraph: a block of prose of at least this many words. */
const PARAGRAPH_WORDS = 12;

interface Tally {
  words: number;
  linkWords: number;
  blocks: number;
  paragraphs: number;
  sentenceWords: number;
  pWords: number;
  listWords: number;
  headingWords: number;
  captionWords: number;
  ldWords: number;
  first: number;
  last: number;
}

const newTally = (): Tally => ({
  words: 0,
  linkWords: 0,
  blocks: 0,
  paragraphs: 0,
  sentenceWords: 0,
  pWords: 0,
  listWords: 0,
  headingWords: 0,
  captionWords: 0,
  ldWords: 0,
  first: -1,
  last: -1,
});

const depthOf = (n: Node) => {
  let d = 0;
  for (let p = n.parent; p; p = p.parent) d++;
  return d;
};

const isAncestor = (a: Node, b: Node) => {
  for (let n = b.parent; n; n = n.parent) if (n === a) return true;
  return false;
};

/**
 * The candidate containers: elements of positive score (not the document root), best first, one per distinct
 * span of blocks (an element wrapping another with the same blocks is the same candidate), at most `max`;
 * the rules' choice is always among them, and so are its nearest ancestors with more blocks (up to `up`).
 */
export function containerCandidates(
  page: ContainerPage,
  rules: Node | undefined,
  max: number,
  up = 2,
): Candidate[] {
  const { blocks, junk } = page;
  if (!rules || rules.score <= 0) return [];
  // Every element owning blocks, in the order bestNode meets them (ties go to the first met, as there).
  const seen = new Set<Node>();
  const order: Node[] = [];
  for (const b of blocks)
    for (let n: Node | undefined = b.owner; n && n.tag !== '#root'; n = n.parent) {
      if (seen.has(n)) break;
      seen.add(n);
      order.push(n);
    }
  const ranked = order.filter((n) => n.score > 0).sort((a, b) => b.score - a.score);
  const tallies = new Map<Node, Tally>();
  for (const n of ranked) tallies.set(n, newTally());
  const ld = page.ldText();
  const titleKey = page.title?.toLowerCase().replace(/\s+/g, ' ');
  let headline = -1;
  blocks.forEach((b, i) => {
    if (headline < 0 && (b.tag === 'h1' || (titleKey && b.text.toLowerCase() === titleKey))) headline = i;
    if (junk[i]) return;
    const linky = b.words > 0 && b.linkWords / b.words > LINK_HEAVY;
    const sentence = endsLikeSentence(b.text);
    const inLd = ld !== undefined && b.words >= 3 && ld.includes(b.text.slice(0, 60));
    const paragraph = !linky && b.words >= PARAGRAPH_WORDS;
    const para = b.tag === 'p';
    const list = !para && (b.tag === 'li' || b.tag === 'td' || b.tag === 'th');
    const heading = !para && !list && /^h[1-6]$/.test(b.tag);
    for (let n: Node | undefined = b.owner; n; n = n.parent) {
      const t = tallies.get(n);
      if (!t) continue;
      t.words += b.words;
      t.linkWords += b.linkWords;
      t.blocks++;
      if (paragraph) t.paragraphs++;
      if (sentence) t.sentenceWords += b.words;
      if (para) t.pWords += b.words;
      else if (list) t.listWords += b.words;
      else if (heading) t.headingWords += b.words;
      if (b.caption) t.captionWords += b.words;
      if (inLd) t.ldWords += b.words;
      if (t.first < 0) t.first = i;
      t.last = i;
    }
  });
  // One candidate per distinct span of blocks, best score first.
  const picked: Node[] = [];
  const spans = new Set<string>();
  const spanOf = (n: Node) => {
    const t = tallies.get(n)!;
    return `${t.first}:${t.last}:${t.words}`;
  };
  for (const n of ranked) {
    if (picked.length >= max) break;
    const t = tallies.get(n)!;
    if (!t.words) continue;
    const key = spanOf(n);
    if (spans.has(key)) continue;
    spans.add(key);
    picked.push(n);
  }
  if (!picked.includes(rules)) picked.push(rules);
  const rulesKey = spanOf(rules);
  let climbed = 0;
  for (let n = rules.parent; n && n.tag !== '#root' && climbed < up; n = n.parent) {
    const t = tallies.get(n);
    if (!t?.words || spanOf(n) === rulesKey) continue;
    climbed++;
    if (!picked.includes(n)) picked.push(n);
  }
  const pageWords = blocks.reduce((s, b, i) => s + (junk[i] ? 0 : b.words), 0) || 1;
  const rt = tallies.get(rules)!;
  let top: Node = rules;
  while (top.parent) top = top.parent;
  const pageGood = top.good || 1;
  const rulesDepth = depthOf(rules);
  return picked.map((node) => {
    const t = tallies.get(node)!;
    const w = Math.max(t.words, 1);
    const own = node.parent ? node.names & ~node.parent.names : node.names;
    const parentNames = node.parent?.names ?? 0;
    let insideNamed = false;
    for (let p = node.parent; p; p = p.parent) if (p.articleBody) insideNamed = true;
    const holdsHeadline = headline >= 0 && headline >= t.first && headline <= t.last;
    const gap = headline < 0 ? 0 : holdsHeadline ? 0 : Math.abs(t.first - headline);
    const ancestor = isAncestor(node, rules);
    const inside = isAncestor(rules, node);
    const x = [
      Math.log1p(t.words),
      t.words / pageWords,
      Math.max(-3, Math.min(3, Math.log(w / Math.max(rt.words, 1)))),
      t.linkWords / w,
      Math.log1p(t.paragraphs),
      Math.log1p(t.paragraphs) - Math.log1p(rt.paragraphs),
      node.good / pageGood,
      t.sentenceWords / w,
      t.pWords / w,
      t.listWords / w,
      t.headingWords / w,
      t.captionWords / w,
      Math.max(-1, Math.min(1, node.score / rules.score)),
      node === rules ? 1 : 0,
      ancestor ? 1 : 0,
      inside ? 1 : 0,
      node !== rules && !ancestor && !inside ? 1 : 0,
      Math.log1p(depthOf(node)) - Math.log1p(rulesDepth),
      node.articleBody ? 1 : 0,
      node.holdsBody ? 1 : 0,
      insideNamed ? 1 : 0,
      node.tag === 'article' ? 1 : 0,
      node.tag === 'section' || node.tag === 'main' ? 1 : 0,
      own & NAME_BITS.content ? 1 : 0,
      own & NAME_BITS.comment ? 1 : 0,
      own & NAME_BITS.side ? 1 : 0,
      own & NAME_BITS.meta ? 1 : 0,
      parentNames & NAME_BITS.comment ? 1 : 0,
      parentNames & NAME_BITS.side ? 1 : 0,
      node.furniture ? 1 : 0,
      ld === undefined ? 0 : t.ldWords / w,
      ld === undefined ? 0 : t.ldWords ? 0 : 1,
      holdsHeadline ? 1 : 0,
      Math.log1p(gap),
      headline < 0 ? 1 : 0,
      t.first / Math.max(blocks.length, 1),
      Math.log1p(t.blocks),
      Math.log1p(t.words / Math.max(t.blocks, 1)),
    ];
    return { node, x };
  });
}

/** The model file: standardisation, pairwise weights, how many candidates and the margin over the rules. */
export interface ContainerModel extends ModelFile {
  mean: number[];
  scale: number[];
  weights: number[];
  /** Candidates listed per page. */
  candidates: number;
  /** Another candidate than the rules' is taken when it scores at least this much over it (off when > 1e3). */
  margin: number;
  /** ... and holds at least this share of the rules' container's words. */
  ratio: number;
}

const containerSlot = modelSlot<ContainerModel>(() => {
  const m = loadModel<ContainerModel>({
    name: 'extract-containers',
    features: CONTAINER_FEATURES,
    declaredIn: 'src/extract/containers.ts',
    retrain: 'npm run train:extract-containers',
  });
  return m.margin > 1e3 ? null : m;
});

/** For the trainer and tests: use this model (null: none, the rules alone); no argument: the shipped one. */
export const useContainerModel = containerSlot.use;

/** The model the extractor uses, or null when the rules decide alone (a shipped model whose margin is off). */
export const containerModel = containerSlot.current;

const RATIO_FEATURE = CONTAINER_FEATURES.indexOf('log_rules_ratio') - 1;

/** The ranker's score of a candidate with features `x` (higher: more likely the article). */
export function containerScore(model: ContainerModel, x: readonly number[]): number {
  let z = 0;
  for (let j = 0; j < x.length; j++) z += model.weights[j] * ((x[j] - model.mean[j]) / model.scale[j]);
  return z;
}

/** The container the ranker picks: the rules' unless another candidate beats it by the model's margin. */
export function chooseContainer<B>(model: ContainerModel, choice: ContainerChoice<B>): Node | undefined {
  const cands = containerCandidates(choice.page, choice.rules, model.candidates);
  if (cands.length < 2) return choice.rules;
  const floor = model.ratio > 0 ? Math.log(model.ratio) : Number.NEGATIVE_INFINITY;
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  let rulesScore = 0;
  cands.forEach((c, k) => {
    if (c.node !== choice.rules && c.x[RATIO_FEATURE] < floor) return;
    const s = containerScore(model, c.x);
    if (c.node === choice.rules) rulesScore = s;
    if (s > bestScore) {
      best = k;
      bestScore = s;
    }
  });
  return bestScore - rulesScore >= model.margin ? cands[best].node : choice.rules;
}
