/**
 * Claims: the same fact as several sources state it. Sentences are cut into clauses (one fact each, roughly:
 * "Russian officials and rebel groups are holding talks in Turkey" / "as food reserves dwindle"), and clauses
 * of different articles that share most of their weighted concepts (stems, with "talks" = "negotiations",
 * "Russian" = "Russia") and agree on their figures and months are one claim. Leader clustering through an
 * inverted index: each clause is compared only with the claims that share its concepts (postings capped), so
 * the pass stays linear in the clauses. A clause joins a claim only by matching the claim's seed (its first
 * clause), never through another member, so claims do not chain: A ~ B and B ~ C does not put C with A.
 * Corroboration counts independent reports (copies of one wire story count once) and names the outlets.
 */
import type { Claim, Corroboration, Evidence, Sentence } from '../model.js';
import { concepts } from './concepts.js';
import { conflictingMonths } from './months.js';
import { quantities } from './quantities.js';

/** Share of the smaller clause's concepts that the other must also have. */
export const CLAIM_OVERLAP = 0.5;
/** A clause needs this many concepts to state a fact of its own. */
const MIN_CONCEPTS = 3;
/** Shared concepts needed, at the least, for two clauses to be one claim. */
const MIN_SHARED = 3;
/** Claims remembered per concept for lookup (bounds the work per clause in huge stories). */
const MAX_POSTINGS = 400;

export interface Clause {
  sentence: Sentence;
  text: string;
  concepts: string[];
}

/** A clause boundary: semicolons, dashes, and the conjunctions that join two facts. */
const CLAUSE_BREAK =
  /;|\s[-–—]\s|,\s+(?:and|but|while|as|which|who|where|after|before|because|although|though)\s|\s(?:as|while|whereas|but)\s/g;
/** The reporting frame at the end of a sentence (", officials said on Thursday."), not part of the fact. */
const ATTRIBUTION_TAIL = /,\s*[^,]{2,60}\s(?:said|says|told|reported|added)\b[^,]*$/i;

/** The clauses of a sentence worth comparing. */
export function clausesOf(sentence: Sentence): Clause[] {
  const body = sentence.text.replace(ATTRIBUTION_TAIL, '');
  const out: Clause[] = [];
  let start = 0;
  const push = (end: number) => {
    const text = body.slice(start, end).trim();
    const c = concepts(text);
    if (c.length >= MIN_CONCEPTS) out.push({ sentence, text, concepts: c });
  };
  for (const m of body.matchAll(CLAUSE_BREAK)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(body.length);
  return out;
}

export interface ClaimOptions {
  /** Article id → report id (near-duplicate group); absent ids are their own report. */
  reportOf: Map<string, string>;
  /** Display name of an article's outlet. */
  outletOf: (articleId: string) => string;
}

interface Group {
  leader: Clause;
  leaderSet: Set<string>;
  members: Clause[];
}

/** Group a story's sentences into claims; claims backed by most reports first. */
export function findClaims(sentences: Sentence[], options: ClaimOptions): Claim[] {
  const clauses = sentences.flatMap(clausesOf);
  // Concepts are not weighted by rarity: the words every source repeats ("talks", "Russia", "rebels") are
  // exactly what a shared claim is made of.
  const groups: Group[] = [];
  const index = new Map<string, number[]>();
  for (const clause of clauses) {
    const set = new Set(clause.concepts);
    // Claims whose leader shares enough concepts, counted through the postings (each capped).
    const hits = new Map<number, number>();
    for (const t of set) for (const g of index.get(t) ?? []) hits.set(g, (hits.get(g) ?? 0) + 1);
    let best = -1;
    let bestScore = 0;
    for (const [gi, count] of [...hits].sort((a, b) => a[0] - b[0])) {
      if (count < MIN_SHARED) continue;
      const g = groups[gi];
      if (g.members.some((m) => m.sentence.articleId === clause.sentence.articleId)) continue;
      const score = count / Math.min(set.size, g.leaderSet.size);
      if (score >= CLAIM_OVERLAP && score > bestScore && !differentFigures(clause, g.leader)) {
        best = gi;
        bestScore = score;
      }
    }
    if (best >= 0) {
      groups[best].members.push(clause);
      continue;
    }
    const gi = groups.length;
    groups.push({ leader: clause, leaderSet: set, members: [clause] });
    for (const t of set) {
      const list = index.get(t);
      if (!list) index.set(t, [gi]);
      else if (list.length < MAX_POSTINGS) list.push(gi);
    }
  }
  const claims = groups.map((g, i): Claim => {
    const articleIds = [...new Set(g.members.map((m) => m.sentence.articleId))].sort();
    const evidence: Evidence[] = [];
    const seen = new Set<string>();
    for (const m of g.members) {
      const key = `${m.sentence.articleId}:${m.sentence.index}`;
      if (seen.has(key)) continue;
      seen.add(key);
      evidence.push({
        articleId: m.sentence.articleId,
        sentenceIndex: m.sentence.index,
        text: m.sentence.text,
      });
    }
    return {
      id: `c${i + 1}`,
      text: g.leader.sentence.text,
      articleIds,
      corroboration: corroborationOf(articleIds, options),
      evidence,
    };
  });
  return claims
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.corroboration.reports - a.c.corroboration.reports || a.i - b.i)
    .map(({ c }) => c);
}

/** Independent reports among some articles, and their outlets (sorted, distinct). */
export function corroborationOf(articleIds: Iterable<string>, options: ClaimOptions): Corroboration {
  const ids = [...new Set(articleIds)];
  const reports = new Set(ids.map((id) => options.reportOf.get(id) ?? id));
  const outlets = [...new Set(ids.map(options.outletOf))].sort((a, b) => a.localeCompare(b));
  return { reports: reports.size, outlets };
}

/** Clauses that state different figures or months are different claims (and maybe a disagreement). */
function differentFigures(a: Clause, b: Clause): boolean {
  if (conflictingMonths(a.text, b.text)) return true;
  const qa = quantities(a.text);
  const qb = quantities(b.text);
  for (const x of qa)
    for (const y of qb)
      if (x.kind === y.kind && x.frame === y.frame && (x.low !== y.low || x.high !== y.high)) return true;
  return false;
}
