/** Placeholder until bench/quotes-ranker.ts writes the weights. */
export const RANKER_THRESHOLD = 0;
export const RANKER_WEIGHTS: Readonly<Record<string, number>> = {};
