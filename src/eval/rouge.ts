/**
 * ROUGE, computed the way ROUGE-1.5.5 computes it (Lin, 2004), so our numbers can sit beside NIST's:
 *   - text is lower-cased line by line (one sentence per line), truncated to the first N words (`-l N`,
 *     words split on whitespace before tokenization), hyphens split off and every character other than
 *     a-z, 0-9 and "-" turned into a space; tokens must start with a letter, digit or "$";
 *   - `-s` drops stopwords; `-m` Porter-stems tokens longer than 3 characters;
 *   - ROUGE-N: clipped n-gram co-occurrence; ROUGE-SU4 (`-2 4 -u`): skip bigrams at most 4 words apart
 *     plus unigrams (ROUGE-1.5.5 leaves out the last token's unigram, and so do we);
 *     ROUGE-L: union LCS per reference sentence, clipped by unigram counts;
 *   - several references: hits and counts summed over them (`-f A`); jackknifing: with R references,
 *     the mean of the R scores against each R−1 subset; a per-score rounding to 5 decimals as the script does.
 * What we do not reproduce: the WordNet exception list ROUGE-1.5.5 consults before Porter stemming
 * (irregular forms such as "children"); see the test against NIST's official DUC 2006 scores for the effect.
 */
import { readFileSync } from 'node:fs';
import { stem as porter } from '../language/tokens.js';

export interface RougeOptions {
  /** Porter stemming of tokens longer than 3 characters (`-m`). */
  stem?: boolean;
  /** Remove stopwords (`-s`). */
  removeStopwords?: boolean;
  /** Truncate the peer (and references) to this many words (`-l`); 0 or undefined: no limit. */
  words?: number;
  /** Jackknife over references when there are several (as NIST did for DUC). */
  jackknife?: boolean;
  /**
   * Irregular forms mapped to their base ("children" → "child"), consulted before Porter stemming as
   * ROUGE-1.5.5 consults WordNet's exception lists. Optional: see `loadWordNetExceptions`.
   */
  exceptions?: Map<string, string>;
}

export interface PRF {
  r: number;
  p: number;
  f: number;
}

export interface RougeScores {
  rouge1: PRF;
  rouge2: PRF;
  rougeL: PRF;
  rougeSU4: PRF;
}

/** ROUGE-1.5.5's own stopword list is not ours to copy; this is a list of English function words. */
const STOPWORDS = new Set(
  `a about above across after afterwards again against all almost alone along already also although always am
among amongst an and another any anyhow anyone anything anyway anywhere are around as at be became because become
becomes becoming been before beforehand behind being below beside besides between beyond both but by can cannot
could did do does doing done down during each either else elsewhere enough etc even ever every everyone everything
everywhere except few for former formerly from further had has have having he hence her here hereafter hereby
herein hereupon hers herself him himself his how however i ie if in indeed into is it its itself just last latter
latterly least less made many may me meanwhile might more moreover most mostly much must my myself namely neither
never nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one only onto or
other others otherwise our ours ourselves out over own per perhaps please rather re same seem seemed seeming seems
several she should since so some somehow someone something sometime sometimes somewhere still such than that the
their theirs them themselves then thence there thereafter thereby therefore therein thereupon these they this
those though through throughout thru thus to together too toward towards under until up upon us very via was we
well were what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether
which while whither who whoever whole whom whose why will with within without would yet you your yours yourself
yourselves`.split(/\s+/),
);

/** Lines of a summary (one sentence per line), lower-cased and cut to the first `words` words. */
function truncate(lines: string[], words?: number): string {
  const sentences = lines.map((l) => l.toLowerCase()).filter((l) => l.length > 0);
  if (!words) return sentences.join(' ');
  let out = '';
  let count = 0;
  for (const s of sentences) {
    const tokens = s.split(/\s+/);
    if (count + tokens.length < words) {
      out += count ? ` ${s}` : s;
      count += tokens.length;
    } else {
      if (count > 0) out += ' ';
      out += tokens.slice(0, words - count).join(' ');
      break;
    }
  }
  return out;
}

/** ROUGE-1.5.5's tokenization of one text (already lower-cased). */
export function rougeTokens(text: string, options: RougeOptions = {}): string[] {
  const cleaned = text
    .replace(/-/g, ' - ')
    .replace(/[^A-Za-z0-9-]/g, ' ')
    .trim()
    .split(/\s+/);
  const out: string[] = [];
  for (const t of cleaned) {
    if (!t || (options.removeStopwords && STOPWORDS.has(t))) continue;
    if (!/^[a-z0-9$]/.test(t)) continue;
    out.push(options.stem && t.length > 3 ? (options.exceptions?.get(t) ?? porter(t)) : t);
  }
  return out;
}

type Counts = Map<string, number>;

function ngrams(tokens: string[], n: number): { grams: Counts; total: number } {
  const grams: Counts = new Map();
  let total = 0;
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = n === 1 ? tokens[i] : tokens.slice(i, i + n).join(' ');
    grams.set(g, (grams.get(g) ?? 0) + 1);
    total++;
  }
  return { grams, total };
}

function skipBigrams(
  tokens: string[],
  distance: number,
  unigrams: boolean,
): { grams: Counts; total: number } {
  const grams: Counts = new Map();
  let total = 0;
  const add = (g: string) => {
    grams.set(g, (grams.get(g) ?? 0) + 1);
    total++;
  };
  for (let i = 0; i < tokens.length - 1; i++) {
    if (unigrams) add(tokens[i]);
    for (let j = i + 1; j < tokens.length && j <= i + distance + 1; j++) add(`${tokens[i]} ${tokens[j]}`);
  }
  return { grams, total };
}

function hits(model: Counts, peer: Counts): number {
  let h = 0;
  for (const [g, c] of model) {
    const p = peer.get(g);
    if (p) h += Math.min(c, p);
  }
  return h;
}

/** Hit and count totals of one peer against a set of references (summed, `-f A`). */
interface Tally {
  hit: number;
  model: number;
  peer: number;
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

function prf(t: Tally): PRF {
  const r = t.model ? round5(t.hit / t.model) : 0;
  const p = t.peer ? round5(t.hit / t.peer) : 0;
  const f = r + p > 0 ? round5((p * r) / (0.5 * p + 0.5 * r)) : 0;
  return { r, p, f };
}

interface Prepared {
  /** All tokens of the (truncated) text. */
  tokens: string[];
  /** Tokens per sentence, for ROUGE-L. */
  sentences: string[][];
}

function prepare(lines: string[], options: RougeOptions): Prepared {
  const text = truncate(lines, options.words);
  // ROUGE-L keeps sentence units: truncate the same way, one unit per line.
  const units: string[] = [];
  let count = 0;
  for (const raw of lines.map((l) => l.toLowerCase()).filter((l) => l.length > 0)) {
    if (!options.words) {
      units.push(raw);
      continue;
    }
    const tokens = raw.split(/\s+/);
    if (count + tokens.length < options.words) {
      units.push(raw);
      count += tokens.length;
    } else {
      units.push(tokens.slice(0, options.words - count).join(' '));
      break;
    }
  }
  return { tokens: rougeTokens(text, options), sentences: units.map((u) => rougeTokens(u, options)) };
}

/** Union-LCS hits of one reference against the peer's sentences, clipped by unigram counts (ROUGE-L). */
function lcsTally(model: Prepared, peer: Prepared): Tally {
  const modelUni = ngrams(model.tokens, 1).grams;
  const peerUni = ngrams(peer.tokens, 1).grams;
  let hit = 0;
  let base = 0;
  for (const m of model.sentences) {
    base += m.length;
    const mask = new Array<boolean>(m.length).fill(false);
    for (const p of peer.sentences) markLcs(m, p, mask);
    m.forEach((tok, j) => {
      if (!mask[j]) return;
      const mc = modelUni.get(tok) ?? 0;
      const pc = peerUni.get(tok) ?? 0;
      if (mc > 0 && pc > 0) {
        hit++;
        modelUni.set(tok, mc - 1);
        peerUni.set(tok, pc - 1);
      }
    });
  }
  return { hit, model: base, peer: peer.tokens.length };
}

/** Mark the model positions of one LCS between a model and a peer sentence (ROUGE-1.5.5's traceback). */
function markLcs(m: string[], p: string[], mask: boolean[]): void {
  if (!m.length || !p.length) return;
  const cols = p.length + 1;
  const c = new Uint16Array((m.length + 1) * cols);
  const b = new Uint8Array((m.length + 1) * cols); // 1 diagonal, 2 up, 3 left
  for (let i = 1; i <= m.length; i++) {
    for (let j = 1; j <= p.length; j++) {
      const k = i * cols + j;
      if (m[i - 1] === p[j - 1]) {
        c[k] = c[(i - 1) * cols + j - 1] + 1;
        b[k] = 1;
      } else if (c[(i - 1) * cols + j] >= c[i * cols + j - 1]) {
        c[k] = c[(i - 1) * cols + j];
        b[k] = 2;
      } else {
        c[k] = c[i * cols + j - 1];
        b[k] = 3;
      }
    }
  }
  let i = m.length;
  let j = p.length;
  while (i !== 0 && j !== 0) {
    const d = b[i * cols + j];
    if (d === 1) {
      i--;
      j--;
      mask[i] = true;
    } else if (d === 2) i--;
    else j--;
  }
}

type Metric = 'rouge1' | 'rouge2' | 'rougeL' | 'rougeSU4';

function tally(metric: Metric, peer: Prepared, models: Prepared[]): Tally {
  const total: Tally = { hit: 0, model: 0, peer: 0 };
  const peerGrams =
    metric === 'rouge1'
      ? ngrams(peer.tokens, 1)
      : metric === 'rouge2'
        ? ngrams(peer.tokens, 2)
        : metric === 'rougeSU4'
          ? skipBigrams(peer.tokens, 4, true)
          : undefined;
  for (const m of models) {
    if (metric === 'rougeL') {
      const t = lcsTally(m, peer);
      total.hit += t.hit;
      total.model += t.model;
      total.peer += t.peer;
      continue;
    }
    const modelGrams =
      metric === 'rouge1'
        ? ngrams(m.tokens, 1)
        : metric === 'rouge2'
          ? ngrams(m.tokens, 2)
          : skipBigrams(m.tokens, 4, true);
    total.hit += hits(modelGrams.grams, peerGrams!.grams);
    total.model += modelGrams.total;
    total.peer += peerGrams!.total;
  }
  return total;
}

const METRICS: Metric[] = ['rouge1', 'rouge2', 'rougeL', 'rougeSU4'];

/**
 * ROUGE-1, -2, -L and -SU4 of one peer summary against its references. Summaries are given as sentences
 * (one per element); with `jackknife` and several references, each score is the mean over the leave-one-out
 * reference sets.
 */
export function rouge(peer: string[], references: string[][], options: RougeOptions = {}): RougeScores {
  const p = prepare(peer, options);
  const refs = references.map((r) => prepare(r, options));
  const subsets =
    options.jackknife && refs.length > 1 ? refs.map((_, i) => refs.filter((__, j) => j !== i)) : [refs];
  const out = {} as RougeScores;
  for (const metric of METRICS) {
    const scores = subsets.map((s) => prf(tally(metric, p, s)));
    out[metric] = {
      r: scores.reduce((n, s) => n + s.r, 0) / scores.length,
      p: scores.reduce((n, s) => n + s.p, 0) / scores.length,
      f: scores.reduce((n, s) => n + s.f, 0) / scores.length,
    };
  }
  return out;
}

/** Mean of several scores, metric by metric. */
export function meanScores(all: RougeScores[]): RougeScores {
  const out = {} as RougeScores;
  for (const metric of METRICS) {
    const n = all.length || 1;
    out[metric] = {
      r: all.reduce((s, x) => s + x[metric].r, 0) / n,
      p: all.reduce((s, x) => s + x[metric].p, 0) / n,
      f: all.reduce((s, x) => s + x[metric].f, 0) / n,
    };
  }
  return out;
}

/**
 * WordNet's morphological exception lists (`noun.exc`, `verb.exc`, `adj.exc`, `adv.exc`: "inflected base"
 * per line), as Debian's `wordnet-base` installs them in /usr/share/wordnet. The first base wins.
 */
export function loadWordNetExceptions(dir = '/usr/share/wordnet'): Map<string, string> | undefined {
  const out = new Map<string, string>();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    let text: string;
    try {
      text = readFileSync(`${dir}/${pos}.exc`, 'utf8');
    } catch {
      return undefined;
    }
    for (const line of text.split('\n')) {
      const [form, base] = line.trim().split(/\s+/);
      if (form && base && !out.has(form)) out.set(form, base);
    }
  }
  return out;
}
