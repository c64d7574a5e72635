/**
 * The learned data of the quote extractor, in models/ (see src/models/load.ts), and the feature set the code
 * reads each model against. A model records the hash of the feature set it was trained for; change what a
 * list below describes (a template, a bucket bound, a context class, the layout of a row) and the code
 * refuses the old model until it is retrained (`npm run train`; `npm run models:check` tells whether the
 * committed models are what the trainers make). Each model is read on its first use.
 */
import { loadModel, type ModelFile } from '../models/load.js';

const DECLARED_IN = 'src/language/quote-models.ts';

/**
 * The reporting-cue lexicon (scripts/train/quote-cues.ts): word forms as analyse() tokenizes them, their
 * counts, and for the ambiguous ones the counts by context class (cueContext in quotes.ts).
 */
export const QUOTE_CUES_FEATURES: readonly string[] = [
  'quote-cues 1',
  'forms: analyse() tokens, lower-cased',
  'stats: [cue heads, occurrences outside quotation marks, content after, content before, content around, no source]',
  'contexts: b:CLASS for the word before (open pron to det conj name num plural word)',
  'contexts: a:CLASS for what follows (end quote punct that to pron det name prep word) -> [cue heads, occurrences]',
  'particles: "word preposition" pairs that are one cue',
];

export interface QuoteCuesModel extends ModelFile {
  stats: Record<string, [number, number, number, number, number, number]>;
  contexts: Record<string, Record<string, [number, number]>>;
  particles: string[];
}

/** The noun and phrasal cues (scripts/train/quote-noun-cues.ts): "word linker" pairs and their counts. */
export const QUOTE_NOUN_CUES_FEATURES: readonly string[] = [
  'quote-noun-cues 1',
  'pairs: "word linker" of analyse() tokens, linker in that of for on to about against over with toward towards',
  'counts: [content right after the linker, content from the linker on, occurrences outside quotation marks]',
];

export interface QuoteNounCuesModel extends ModelFile {
  pairs: Record<string, [number, number, number]>;
}

/**
 * The ranker and boundary model (scripts/train/quote-ranker.ts) weigh the features frameFeatures in
 * quotes.ts gives a candidate: these are its templates (UPPER CASE: a value) and bucket bounds.
 */
export const QUOTE_RANKER_FEATURES: readonly string[] = [
  'quote-ranker 1',
  'bias; rules|wide; kept|notKept; shape=SHAPE; pB pB&SHAPE (P of the cue at 0.2 0.3 0.4 0.5 0.6 0.8 0.95)',
  'w=WORD w=WORD&SHAPE (WORD: the cue form if in the lexicon, rare, turn)',
  'spk=SPK spk=SPK&SHAPE spk=SPK&pB (SPK: none pronoun name source phrase)',
  'lenB lenB&SHAPE (content words at 3 6 11 21 41 81)',
  'qB qB&SHAPE qB&spk=SPK (quoted share at 0.01 0.5 0.9)',
  'sentQuoted|sentPlain; paraFirst|paraRest; before=CH; after=CH; start=START start=START&SHAPE',
  'cueAfter|cueBefore|cueIn; crossN withinN containsN kept&crossN&KEPT',
  'srclessB (0.1 0.3 0.6); around=BOOL; next=CLOSED next=CLOSED&after=CH; last=CLOSED',
  'restB restB&SHAPE (words left in the sentence at 1 3 6 12)',
  'L:cuePrev=W L:cueNext=W L:cue=CUE&SHAPE L:spk=W L:first=W L:last=W L:next=W',
  'cut=CUT cut=CUT&SHAPE cut=CUT&w=WORD cut=CUT&lenB cut=CUT&start=START cut=CUT&next=CLOSED cut=CUT&qB',
  'L:cut=CUT&cue=CUE L:cut=CUT&next=W L:cut=CUT&first=W',
  'nouncue nouncue&rules|new npB (0.15 0.25 0.4 0.6 0.8) nl=LINKER nl=LINKER&npB nend=END nend=END&lenB',
  'nposs=BOOL L:npair=PAIR L:npair=PAIR&END',
];

export interface QuoteRankerModel extends ModelFile {
  /** Log-odds from which a frame is kept. */
  threshold: number;
  /** Log-odds from which a brief shows a quote (attribution precision >= 0.90 on the train split's CV). */
  brief_threshold: number;
  /** Feature → weight of the ranker (is this frame an attribution?). */
  ranker: Record<string, number>;
  /** Feature → weight of the boundary model (which of a frame's contents?). */
  boundary: Record<string, number>;
}

export const quoteCuesModel = (): QuoteCuesModel =>
  loadModel<QuoteCuesModel>({
    name: 'quote-cues',
    features: QUOTE_CUES_FEATURES,
    declaredIn: `QUOTE_CUES_FEATURES in ${DECLARED_IN}`,
    retrain: 'npm run train:quote-cues',
  });

export const quoteNounCuesModel = (): QuoteNounCuesModel =>
  loadModel<QuoteNounCuesModel>({
    name: 'quote-noun-cues',
    features: QUOTE_NOUN_CUES_FEATURES,
    declaredIn: `QUOTE_NOUN_CUES_FEATURES in ${DECLARED_IN}`,
    retrain: 'npm run train:quote-noun-cues',
  });

export const quoteRankerModel = (): QuoteRankerModel =>
  loadModel<QuoteRankerModel>({
    name: 'quote-ranker',
    features: QUOTE_RANKER_FEATURES,
    declaredIn: `QUOTE_RANKER_FEATURES in ${DECLARED_IN}`,
    retrain: 'npm run train:quote-ranker',
  });
