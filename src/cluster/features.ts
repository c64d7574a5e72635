/**
 * Event features of an article: what tells one event from another of the same kind.
 *  - content terms (Porter stems, stopwords removed), weighted by TF-IDF at scoring time;
 *  - names: capitalized words that do not open a sentence ("Lohan", "Fulton"), prefixed `e:`;
 *  - numbers and years ("485", "2005"), prefixed `n:` (also kept as plain terms by `contentTerms`).
 * Pure functions; the output is a bag of feature → weight before IDF.
 */
import { contentTerms, isStopword, stem, tokens } from '../language/tokens.js';
import type { Article } from '../model.js';

/** Extra weight of a name or number feature relative to a plain content term (before IDF). */
export const NAME_BOOST = 2;

/** A feature bag: feature → sublinear term frequency (1 + ln tf), names and numbers weighted. */
export type FeatureBag = Map<string, number>;

/** Sentence-ish chunks: lines and sentence ends. Good enough to skip sentence-initial capitals. */
function chunks(text: string): string[] {
  return text.split(/\n+|(?<=[.!?]["”’)]?)\s+(?=["“‘(]?\p{Lu})/u);
}

const CAPITALIZED = /^\p{Lu}[\p{L}\p{N}'’.-]*$/u;
const NUMBER = /^\p{N}[\p{N}.,]*$/u;

/** Names (capitalized non-initial words, lower-cased and stemmed) and numbers in the text. */
export function namesAndNumbers(text: string): string[] {
  const out: string[] = [];
  for (const chunk of chunks(text)) {
    const toks = tokens(chunk);
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (NUMBER.test(t)) {
        const n = t.replace(/,(?=\d{3}\b)/g, '');
        if (n.length >= 2 || i > 0) out.push(`n:${n}`);
        continue;
      }
      if (i === 0 || !CAPITALIZED.test(t)) continue;
      const lower = t.toLowerCase().replace(/['’]s$/, '');
      if (lower.length < 2 || isStopword(lower)) continue;
      // ALL-CAPS words longer than an acronym are shouting or a dateline, not a name.
      if (lower.length > 5 && t === t.toUpperCase()) continue;
      out.push(`e:${stem(lower.replace(/\./g, ''))}`);
    }
  }
  return out;
}

/** The feature bag of a text: sublinear TF of content terms, plus boosted names and numbers. */
export function featureBag(text: string): FeatureBag {
  const counts = new Map<string, number>();
  for (const t of contentTerms(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const t of namesAndNumbers(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const bag: FeatureBag = new Map();
  for (const [t, f] of counts) {
    const w = 1 + Math.log(f);
    bag.set(t, t.charCodeAt(1) === 58 /* ':' */ ? w * NAME_BOOST : w);
  }
  return bag;
}

/** The text an article is clustered on: its title (when it has one) and body. */
export function articleText(article: Article): string {
  return article.title && !article.text.startsWith(article.title)
    ? `${article.title}\n${article.text}`
    : article.text;
}

/** Day number (days since 1970-01-01) of an ISO date, or undefined when absent or unparsable. */
export function dayOf(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.floor(t / 86_400_000) : undefined;
}
