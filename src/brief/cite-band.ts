/**
 * A decision for a citation in the band the overlap rule rejects (src/brief/cite.ts, `findSupport`): a story
 * sentence that passes every veto (figures, months, weekdays, negation, clauses, short and caption sentences)
 * but shares too few weighted terms with the summary sentence for the rule. What such a decision sees: the
 * rule's own measures and the paraphrase pair features. A learned one (logistic, on the hand-labelled pairs of
 * data/gold/cite-pairs.jsonl, stories outside the brief dev set) was measured by leave-one-topic-out validation
 * and not shipped: no threshold reached the precision a citation needs (scripts/gold/cite-band-cv.ts;
 * BENCHMARKS.md, "Citations: a learned decision for the overlap band").
 */
import { PAIR_FEATURES, pairFeatures, type SentenceFeatures } from '../language/paraphrase/features.js';
import { sameFactScore } from '../language/paraphrase/same-fact.js';

/** What `findSupport` knows of a pair in the band. */
export interface BandPair {
  /** The rule's blended IDF-weighted overlap. */
  score: number;
  /** Weighted share of the summary sentence's terms that the other sentence states. */
  coverage: number;
  /** The least weighted share of a main clause's (or quotation's) terms that it states (1 with none). */
  clauses: number;
  /** Both state a counted figure, and it agrees. */
  figure: boolean;
}

/** The decision for a pair in the band; the sentences' same-fact features and what the rule measured. */
export type BandDecision = (a: SentenceFeatures, b: SentenceFeatures, pair: BandPair) => boolean;

/** The paraphrase pair features the decision reads (by name, from PAIR_FEATURES). */
const PARAPHRASE_COLUMNS = [
  'idf_f',
  'cosine',
  'syn_f',
  'bleu',
  'lcs_long',
  'name_missing_max',
  'content2_max',
  'unaligned_max',
  'len_ratio',
] as const;
const PARAPHRASE_INDEX = PARAPHRASE_COLUMNS.map((c) => PAIR_FEATURES.findIndex(([, n]) => n === c));

/** The decision's feature columns, in order. */
export const CITE_PAIR_FEATURES: readonly string[] = [
  'overlap',
  'coverage',
  'clauses',
  'figure',
  'same_fact',
  ...PARAPHRASE_COLUMNS,
];

/** The feature row of a pair in the band. */
export function bandRow(a: SentenceFeatures, b: SentenceFeatures, pair: BandPair): number[] {
  const pf = pairFeatures(a, b);
  return [
    pair.score,
    pair.coverage,
    pair.clauses,
    pair.figure ? 1 : 0,
    sameFactScore(a, b),
    ...PARAPHRASE_INDEX.map((i) => pf[i]),
  ];
}
