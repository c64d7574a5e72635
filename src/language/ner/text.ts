/**
 * Article text → the tagger's tokens with offsets → entity spans. The text is cut into sentences
 * (sentences.ts) and each sentence into CoNLL-style tokens (the 'conll' notion of tokens.ts: punctuation apart,
 * "U.S." whole, "'s" apart), which is how the tagger was trained. Pure; linear in the text.
 */
import { splitSentences } from '../sentences.js';
import { type Token, tokenize } from '../tokens.js';
import { bioSpans, type EntityType } from './bio.js';
import { tagDocument } from './tagger.js';

/** One sentence's tokens (offsets into the whole text) and the entity spans the tagger found over them. */
export interface TaggedSentence {
  start: number;
  end: number;
  tokens: Token[];
  /** Spans over `tokens`: [start, end) token indexes, with the CoNLL type. */
  spans: Array<{ start: number; end: number; type: EntityType }>;
}

/** Tokens of a sentence the tagger reads at most (a run-on "sentence" of a scraped page is cut into pieces). */
const MAX_TOKENS = 200;

/** The sentences of a text, tokenized as the tagger expects, with the tagger's entity spans. */
export function tagText(text: string): TaggedSentence[] {
  const pieces: Token[][] = [];
  for (const s of splitSentences(text)) {
    const all = tokenize(s.text, 'conll').map((t) => ({
      text: t.text,
      start: s.start + t.start,
      end: s.start + t.end,
    }));
    for (let from = 0; from < all.length; from += MAX_TOKENS) pieces.push(all.slice(from, from + MAX_TOKENS));
  }
  // The whole article at once: a name's reading elsewhere in the article (its case, the types given to it
  // before) informs each mention, as the tagger was trained (tagDocument).
  const tags = tagDocument(pieces.map((tokens) => tokens.map((t) => t.text)));
  return pieces.map((tokens, i) => ({
    start: tokens[0].start,
    end: tokens[tokens.length - 1].end,
    tokens,
    spans: bioSpans(tags[i]).map((e) => ({ start: e.start, end: e.end, type: e.type as EntityType })),
  }));
}
