/**
 * A synthetic stream of any length for the clustering scale benchmark. The stream is built from the Timeline17 articles (../shared/data/timeline/t17/*, 3,996 articles):
 * copy k of the corpus (k = 0, 1, ...) is a fictional "world" where every capitalized word gets a
 * suffix of its own (so names, and hence stories, are new), dates move forward k × 3 years, and one
 * sentence in five is dropped (seeded), so no copy is a near-duplicate of another. Articles are fed in
 * date order within each copy, copies one after another.

 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readJsonl } from '../src/eval/data.js';
import type { Article } from '../src/model.js';
import { rng } from '../src/text/random.js';

const t17 = fileURLToPath(new URL('../../shared/data/timeline/t17/', import.meta.url));

interface Row {
  id: string;
  date: string;
  text: string;
}

function loadBase(): Array<Row & { topic: string }> {
  const out: Array<Row & { topic: string }> = [];
  for (const topic of readdirSync(t17).sort())
    for (const r of readJsonl<Row>(`${t17}${topic}/articles.jsonl.gz`)) out.push({ ...r, topic });
  return out;
}

const SUFFIX = 'qxzjvkwy';
function world(k: number): string {
  let s = '';
  let n = k;
  do {
    s += SUFFIX[n % SUFFIX.length];
    n = Math.floor(n / SUFFIX.length);
  } while (n > 0);
  return s;
}

export function buildStream(n: number): Article[] {
  const base = loadBase();
  const out: Article[] = [];
  const rand = rng(42);
  for (let k = 0; out.length < n; k++) {
    const tag = world(k);
    for (const r of base) {
      if (out.length >= n) break;
      const lines = r.text.split('\n').filter((_, i) => i === 0 || rand() >= 0.2);
      const text = k === 0 ? lines.join('\n') : lines.join('\n').replace(/\b(\p{Lu}\p{Ll}+)/gu, `$1${tag}`);
      const year = Number(r.date.slice(0, 4)) + 3 * k;
      out.push({
        id: `${k}/${r.topic}/${r.id}`,
        source: r.id,
        title: '',
        published: `${year}${r.date.slice(4)}`,
        language: 'en',
        paragraphs: lines,
        text,
        hash: `${k}/${r.topic}/${r.id}`,
      });
    }
  }
  return out;
}
