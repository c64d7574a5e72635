/**
 * newsfuse's own summarizer: concept coverage (as in the ILP method, solved exactly by HiGHS) over
 * bigrams of stemmed words that keep function words inside ("talks in Ankara" → "talk _in", "_in ankara";
 * two function words together are not a concept), with weights that say what this cluster is about:
 *   - how many documents state the concept (independent mentions are evidence of importance);
 *   - how many state it early (news puts what matters first: the first sentences weigh more);
 *   - whether it touches the information need (query words), when there is one.
 * Candidate sentences are the most central and query-relevant ones; what budget the program leaves is
 * filled greedily with the best remaining non-redundant sentence.
 */

import { isStopword, stem, words } from '../../language/tokens.js';
import { type Context, centralRanking, fillBudget, fillRest } from '../context.js';
import { type ConceptWeights, solveCoverage } from './ilp.js';

/** Sentences within this position of their document count as its lead. */
const LEAD = 5;
const LEAD_WEIGHT = 0.5;
/** Extra weight of concepts with query words (0: measured best on DUC 2006, where the query already picks the candidates). */
const QUERY_WEIGHT = 0;

function conceptWeights(ctx: Context): ConceptWeights {
  const conceptsOf = ctx.pool.map((s) => [...new Set(stopwordBigrams(s.text))]);
  const docs = new Map<string, Set<string>>();
  const early = new Map<string, Set<string>>();
  conceptsOf.forEach((cs, i) => {
    const s = ctx.pool[i];
    for (const c of cs) {
      const d = docs.get(c) ?? new Set<string>();
      d.add(s.articleId);
      docs.set(c, d);
      if (ctx.position[i] < LEAD) {
        const e = early.get(c) ?? new Set<string>();
        e.add(s.articleId);
        early.set(c, e);
      }
    }
  });
  const queryTerms = new Set(ctx.query ? ctx.query.keys() : []);
  const minDocs = ctx.docs >= 10 ? 3 : ctx.docs >= 3 ? 2 : 1;
  const weights = new Map<string, number>();
  for (const [c, d] of docs) {
    if (d.size < minDocs) continue;
    const [a, b] = c.split(' ');
    const q = (queryTerms.has(a.replace(/^_/, '')) ? 1 : 0) + (queryTerms.has(b.replace(/^_/, '')) ? 1 : 0);
    weights.set(c, (d.size + LEAD_WEIGHT * (early.get(c)?.size ?? 0)) * (1 + (QUERY_WEIGHT * q) / 2));
  }
  return { weights, conceptsOf };
}

/** Bigrams of stemmed words, stopwords included, but not two stopwords together (Gillick & Favre). */
function stopwordBigrams(text: string): string[] {
  const ws = words(text).map((w) => (isStopword(w) ? `_${w}` : stem(w)));
  const out: string[] = [];
  for (let i = 0; i + 1 < ws.length; i++)
    if (!(ws[i].startsWith('_') && ws[i + 1].startsWith('_'))) out.push(`${ws[i]} ${ws[i + 1]}`);
  return out;
}

export function newsfuse(ctx: Context): number[] {
  const ranked = centralRanking(ctx);
  const chosen = solveCoverage(ctx, conceptWeights(ctx), ranked, ctx.options.words);
  if (!chosen.length) return fillBudget(ctx, ranked, 0.5);
  // Fill what the program left, without repeating what is chosen.
  return [...chosen, ...fillRest(ctx, chosen, ranked)];
}
