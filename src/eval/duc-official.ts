/**
 * Scoring DUC 2006's official summaries with our ROUGE under NIST's settings (250 words, stemmed,
 * stopwords kept, jackknifed over the 4 references; a human summary is scored against the other three),
 * next to NIST's own per-summarizer averages. Used by the scorer test and `eval summarize --peers`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonl } from './data.js';
import { meanScores, type RougeScores, rouge } from './rouge.js';

export interface Cluster {
  id: string;
  references: string[];
  budget: { words: number };
}

export interface PeerSummary {
  id: string;
  system: string;
  summary: string;
}

export const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Mean ROUGE per summarizer over the topics it summarized, NIST-style. */
export function scorePeers(
  clusters: Cluster[],
  peers: PeerSummary[],
  words = 250,
  exceptions?: Map<string, string>,
): Map<string, RougeScores> {
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const perSystem = new Map<string, RougeScores[]>();
  for (const peer of peers) {
    const cluster = byId.get(peer.id);
    if (!cluster) continue;
    const own = cluster.references.findIndex((r) => norm(r) === norm(peer.summary));
    const refs = own >= 0 ? cluster.references.filter((_, i) => i !== own) : cluster.references;
    const score = rouge(lines(peer.summary), refs.map(lines), {
      stem: true,
      words,
      jackknife: own < 0,
      exceptions,
    });
    const list = perSystem.get(peer.system);
    if (list) list.push(score);
    else perSystem.set(peer.system, [score]);
  }
  return new Map([...perSystem].map(([system, scores]) => [system, meanScores(scores)]));
}

/** NIST's official averages: system id → recall, from a `*.jk.m.avg` file. */
export function officialScores(path: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^(\S+)\s+([\d.]+)/.exec(line);
    if (m) out.set(m[1], Number(m[2]));
  }
  return out;
}

export function loadDuc(dir: string): { clusters: Cluster[]; peers: PeerSummary[] } {
  return {
    clusters: readJsonl<Cluster>(join(dir, 'duc2006.jsonl.gz')),
    peers: readJsonl<PeerSummary>(join(dir, 'duc2006-peers.jsonl.gz')),
  };
}
