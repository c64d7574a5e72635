/**
 * A second reader's blind sample of the usable labels (data/gold/briefs.md, "Second reader"): the `--n` (80)
 * labelled sentences the current code still shows with the smallest SHA-256 of `story + ' ' + hash`. Reads only
 * the (story, hash) keys of the gold, never its labels, and writes to OUT (outside the repository):
 * - `context.md`: each sampled sentence as a numbered item, after the earlier sentences of its summary (the
 *   antecedents the protocol allows) and with the source sentences around it;
 * - `skeleton.jsonl`: story, hash and item number per sampled sentence, no label, no text.
 *
 * With `--non-articles` (data/gold/non-articles.md), the sample is `--n` (40) individually labelled inputs
 * (Multi-News, Timeline17, trafilatura-dev; never the whole-set lines), by the smallest SHA-256 of
 * `second SET ID`: half of them from every such input, half from those under 150 words (where non-articles sit,
 * a choice from the text alone); `context.md` holds each input's text (the first 1,500 and last 400 characters of
 * a long one; a trafilatura page as its extracted paragraphs with URL and title).
 *
 *   npx tsx scripts/gold/second-reader.ts OUT [--n 80] [--shared DIR]
 *   npx tsx scripts/gold/second-reader.ts OUT --non-articles [--n 40] [--shared DIR]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BriefSentence, briefStoryLoader, storyBriefs } from '../../src/eval/brief-stories.js';
import { readJsonl } from '../../src/eval/data.js';
import { loadPages } from '../../src/eval/extract.js';
import { sharedDocs } from '../../src/eval/shared-docs.js';
import { extractArticle } from '../../src/extract/index.js';
import { contentHash } from '../../src/ingest/hash.js';
import { rawDocument } from '../../src/ingest/record.js';
import { splitSentences } from '../../src/language/sentences.js';

const args = process.argv.slice(2);
const out = args[0];
if (!out) throw new Error('usage: second-reader.ts OUT [--n 80] [--shared DIR]');
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const shared = flag('--shared') ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const nonArticles = args.includes('--non-articles');
const n = Number(flag('--n') ?? (nonArticles ? 40 : 80));

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
if (nonArticles) {
  writeNonArticleSample();
  process.exit(0);
}
const keys = [
  ...new Set(
    readJsonl<{ story: string; hash: string }>(
      join(import.meta.dirname, '..', '..', 'data', 'gold', 'briefs.jsonl'),
    ).map((g) => `${g.story} ${g.hash}`),
  ),
].sort((a, b) => (sha(a) < sha(b) ? -1 : 1));

const load = briefStoryLoader(shared);
const shownOf = new Map<string, { sentences: BriefSentence[]; text: (id: string) => string }>();
function story(id: string) {
  let s = shownOf.get(id);
  if (!s) {
    const docs = load(id) ?? [];
    const { sentences } = docs.length ? storyBriefs(id, docs) : { sentences: [] };
    s = { sentences, text: (from) => docs.find((d) => d.id === from)?.text ?? '' };
    shownOf.set(id, s);
  }
  return s;
}

const sample: BriefSentence[] = [];
for (const key of keys) {
  if (sample.length >= n) break;
  const [id, hash] = key.split(' ');
  const s = story(id).sentences.find((x) => x.hash === hash);
  if (s) sample.push(s);
}

mkdirSync(out, { recursive: true });
const context: string[] = [];
const skeleton: string[] = [];
sample.forEach((s, k) => {
  const item = k + 1;
  const { sentences, text } = story(s.story);
  const earlier = sentences.filter((x) => x.brief === s.brief && x.index < s.index);
  context.push(`\n## item ${item} — ${s.story} (brief ${s.brief}.${s.index}, from ${s.from})`);
  for (const e of earlier) context.push(`  - earlier ${e.index}: ${e.text}`);
  context.push(`- **[item ${item}]** ${s.text}`);
  const parts = splitSentences(text(s.from)).map((p) => p.text);
  const at = parts.findIndex((p) => s.text.includes(p) || p.includes(s.text));
  if (at >= 0) context.push(`  - source around it: ${parts.slice(Math.max(0, at - 3), at + 2).join(' ⏐ ')}`);
  skeleton.push(JSON.stringify({ item, story: s.story, hash: s.hash }));
});
writeFileSync(join(out, 'context.md'), `${context.join('\n')}\n`);
writeFileSync(join(out, 'skeleton.jsonl'), `${skeleton.join('\n')}\n`);
console.log(`${sample.length} shown sentences of ${new Set(sample.map((s) => s.story)).size} stories`);

/** The non-article sample's reading file and skeleton (ids only). */
function writeNonArticleSample(): void {
  const gold = readJsonl<Record<string, unknown>>(
    join(import.meta.dirname, '..', '..', 'data', 'gold', 'non-articles.jsonl'),
  );
  const docs = sharedDocs(shared);
  const multinews = new Map<string, string>();
  for (const c of readJsonl<{ docs: { id: string; text: string }[] }>(docs.clusterFile('multinews')))
    for (const d of c.docs) multinews.set(d.id, d.text);
  const pages = new Map(
    loadPages(join(shared, 'extraction', 'trafilatura-dev', 'index.jsonl')).map((p) => [p.id, p]),
  );
  interface Input {
    key: string;
    line: Record<string, unknown>;
    text: string;
    head: string;
  }
  const inputs = new Map<string, Input>();
  for (const g of gold) {
    let id: string;
    let text: string | undefined;
    let head = '';
    if (g.set === 'multinews') {
      id = String(g.doc);
      text = multinews.get(id);
    } else if (g.set === 't17') {
      id = `${g.topic} ${g.index}`;
      const d = docs.topic(String(g.topic))?.[Number(g.index)];
      text = d?.text;
      head = `title: ${d?.title ?? ''}`;
    } else if (g.set === 'trafilatura') {
      id = String(g.id);
      const page = pages.get(id);
      if (!page) continue;
      const raw = rawDocument({
        origin: { path: 'x' },
        kind: 'html',
        content: page.html,
        hash: contentHash(page.html),
      });
      const a = extractArticle(raw, { keepAll: true }).article;
      text = (a?.paragraphs ?? []).join('\n');
      head = `url: ${(page as { url?: string }).url ?? ''}\ntitle: ${a?.title ?? ''}`;
    } else continue;
    if (text === undefined) continue;
    const key = `${g.set} ${id}`;
    const line = Object.fromEntries(
      Object.entries(g).filter(([k]) => ['set', 'doc', 'topic', 'index', 'id'].includes(k)),
    );
    if (!inputs.has(key)) inputs.set(key, { key, line, text, head });
  }
  const ranked = [...inputs.values()].sort((a, b) =>
    sha(`second ${a.key}`) < sha(`second ${b.key}`) ? -1 : 1,
  );
  const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
  const any = ranked.slice(0, Math.ceil(n / 2));
  const short = ranked.filter((x) => !any.includes(x) && words(x.text) < 150).slice(0, n - any.length);
  mkdirSync(out, { recursive: true });
  const context: string[] = [];
  const skeleton: string[] = [];
  [...any, ...short].forEach((x, k) => {
    const t = x.text.length > 2000 ? `${x.text.slice(0, 1500)}\n[…]\n${x.text.slice(-400)}` : x.text;
    context.push(`\n## item ${k + 1} — ${x.key} (${words(x.text)} words)\n${x.head}\n\n${t}`);
    skeleton.push(JSON.stringify({ item: k + 1, ...x.line }));
  });
  writeFileSync(join(out, 'context.md'), `${context.join('\n')}\n`);
  writeFileSync(join(out, 'skeleton.jsonl'), `${skeleton.join('\n')}\n`);
  console.log(`${any.length} inputs by hash and ${short.length} under 150 words`);
}
