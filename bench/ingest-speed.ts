/**
 * Ingest speed end to end (issue 20.5), through the CLI as a user runs it:
 *
 *   npx tsx bench/ingest-speed.ts [--articles 3354] [--runs 3] [--root .] [--data ../shared/data] [--keep DIR]
 *
 * 1. first: the Timeline17 topics (`<data>/timeline/t17/<topic>/articles.jsonl.gz`, topics in name order, cut at
 *    `--articles`) written as JSON Lines records (`{"date", "text"}`, one file per topic) and ingested into an
 *    empty store with `newsfuse ingest` (raw records → articles → stories → briefs); wall time and peak RSS of
 *    the child process (GNU time). One run (it is the slow one) unless `--first-runs N`.
 * 2. one new article into that store, `--runs` times each on a fresh copy of the store: newer than every stored
 *    article, older than the newest (mid-stream date), and undated. Median wall time.
 * 3. brief of the story nearest 100 articles, in this process once the store and the code are warm (the first
 *    build is discarded): median of `--runs` builds (reading the articles included).
 *
 * `--skip-first` reuses the store left in `--keep DIR`; `--skip-brief` stops after step 2.
 * `--root` is the checkout whose `src/cli/main.ts` runs (to measure a base before a change). Nothing is left
 * behind unless `--keep DIR` names a directory for the store and inputs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readJsonl } from '../src/eval/data.js';

const here = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '3354' },
    runs: { type: 'string', default: '3' },
    'first-runs': { type: 'string', default: '1' },
    root: { type: 'string', default: here },
    data: { type: 'string', default: resolve(here, '../shared/data') },
    keep: { type: 'string' },
    'skip-first': { type: 'boolean' },
    'skip-brief': { type: 'boolean' },
  },
});
const root = resolve(values.root);
const runs = Number(values.runs);
const dir = values.keep ? resolve(values.keep) : mkdtempSync(join(tmpdir(), 'nf-ingest-speed-'));
mkdirSync(dir, { recursive: true });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Run `newsfuse ingest` from `root` under GNU time; wall seconds, peak RSS in MB and the output. */
function ingest(args: string[]): { seconds: number; cpu: number; rssMb: number; out: string; err: string } {
  const started = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'MAXRSS %M CPU %U %S',
      process.execPath,
      '--import',
      'tsx',
      join(root, 'src/cli/main.ts'),
      'ingest',
      ...args,
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } },
  );
  const seconds = (performance.now() - started) / 1000;
  const rss = /MAXRSS (\d+) CPU ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  if (r.status !== 0) throw new Error(`ingest failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return {
    seconds,
    cpu: rss ? Number(rss[2]) + Number(rss[3]) : Number.NaN,
    rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN,
    out: r.stdout,
    err: r.stderr,
  };
}

interface Row {
  id: string;
  date: string;
  text: string;
}

/** The input files, one JSON Lines file per topic; returns the directory and the records' dates. */
function writeInputs(): { input: string; dates: string[] } {
  const t17 = join(values.data, 'timeline', 't17');
  const input = join(dir, 'input');
  mkdirSync(input, { recursive: true });
  const want = Number(values.articles);
  const dates: string[] = [];
  for (const topic of readdirSync(t17).sort()) {
    if (dates.length >= want) break;
    const rows = readJsonl<Row>(join(t17, topic, 'articles.jsonl.gz')).slice(0, want - dates.length);
    writeFileSync(
      join(input, `${topic}.jsonl`),
      rows.map((r) => JSON.stringify({ date: r.date, text: r.text })).join('\n'),
    );
    dates.push(...rows.map((r) => r.date));
  }
  return { input, dates: dates.sort() };
}

/** A new article of our own (no third-party text) about a story of the store's kind, dated or not. */
function newArticle(file: string, date: string | undefined, k: number): void {
  const text = [
    `Officials said on Tuesday that relief flights resumed after the storm closed the main airport for ${k + 2} days.`,
    'Aid groups said fuel and clean water were still short in the worst hit districts of the capital.',
    'The health ministry said field hospitals had treated several hundred people since the weekend.',
    'Engineers were inspecting bridges on the coastal road before reopening it to lorries carrying food.',
  ].join('\n\n');
  writeFileSync(
    file,
    `${JSON.stringify({ title: `Relief flights resume ${k}`, ...(date ? { date } : {}), text })}\n`,
  );
}

const report: string[] = [];
const log = (s: string) => {
  report.push(s);
  process.stdout.write(`${s}\n`);
};
const git = (...args: string[]) => {
  try {
    return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return undefined;
  }
};
const rev = git('rev-parse', '--short', 'HEAD');
log(
  `code: ${root}${rev ? ` at ${rev}${git('status', '--porcelain', 'src') ? ' (+ uncommitted src changes)' : ''}` : ''}`,
);

const { input, dates } = writeInputs();
const db = join(dir, 'store.db');
if (!values['skip-first'] || !existsSync(db)) {
  const firsts: { seconds: number; cpu: number; rssMb: number }[] = [];
  for (let i = 0; i < Number(values['first-runs']); i++) {
    for (const ext of ['', '-wal', '-shm']) rmSync(db + ext, { force: true });
    const r = ingest([input, '--db', db]);
    firsts.push(r);
    log(
      `first ingest of ${dates.length} records: ${r.seconds.toFixed(1)} s, peak RSS ${r.rssMb.toFixed(0)} MB`,
    );
    log(`  ${r.out.trim()}`);
  }
  log(
    `first ingest median: ${median(firsts.map((f) => f.seconds)).toFixed(1)} s wall, ${median(firsts.map((f) => f.cpu)).toFixed(1)} s CPU, peak ${Math.max(...firsts.map((f) => f.rssMb)).toFixed(0)} MB`,
  );
}
// One file holds the whole store from here on (copies are taken of it).
execFileSync(process.execPath, [
  '-e',
  `const D=require(${JSON.stringify(join(root, 'node_modules/better-sqlite3'))});const d=new D(${JSON.stringify(db)});d.pragma('wal_checkpoint(TRUNCATE)');d.close()`,
]);

const mid = dates[Math.floor(dates.length / 2)];
const newest = dates[dates.length - 1];
const later = `${Number(newest.slice(0, 4)) + 1}${newest.slice(4)}`;
for (const [label, date] of [
  ['newer than all', later],
  [`mid-stream (${mid})`, mid],
  ['undated', undefined],
] as const) {
  const times: number[] = [];
  const cpus: number[] = [];
  for (let k = 0; k < runs; k++) {
    const copy = join(dir, 'copy.db');
    for (const ext of ['', '-wal', '-shm']) rmSync(copy + ext, { force: true });
    copyFileSync(db, copy);
    const file = join(dir, `new-${k}.jsonl`);
    newArticle(file, date, k);
    const r = ingest([file, '--db', copy]);
    times.push(r.seconds);
    cpus.push(r.cpu);
    if (k === 0) log(`  ${label}: ${r.out.trim()}`);
  }
  log(
    `one new article, ${label}: median ${median(times).toFixed(2)} s wall (${times.map((t) => t.toFixed(2)).join(', ')}), ${median(cpus).toFixed(2)} s CPU (${cpus.map((t) => t.toFixed(2)).join(', ')})`,
  );
}

if (values['skip-brief']) {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
// A warm brief of the story nearest 100 articles, in this process, with the code of `root`.
const [{ openStore }, repo, { briefStory }, { articleSentences }] = await Promise.all([
  import(join(root, 'src/store/db.ts')),
  import(join(root, 'src/store/repository.ts')),
  import(join(root, 'src/brief/build.ts')),
  import(join(root, 'src/language/sentences.ts')),
]);
const store = openStore(db);
const rows = repo.listStories(store, { limit: 1000 }) as { id: string; headline: string; articles: number }[];
const target = rows.reduce((b, r) => (Math.abs(r.articles - 100) < Math.abs(b.articles - 100) ? r : b));
const ids = (
  store.prepare('SELECT article_id FROM story_articles WHERE story_id = ?').all(target.id) as {
    article_id: string;
  }[]
).map((r) => r.article_id);
const story = {
  id: target.id,
  headline: target.headline,
  articleIds: ids,
  reports: ids.map((id) => ({ id, articleIds: [id] })),
};
let fullStory = story;
try {
  // The stored story with its real reports when the code exposes it.
  const { StoryClusterer } = await import(join(root, 'src/cluster/index.ts'));
  const saved = repo.loadClusterer(store);
  const found =
    saved &&
    StoryClusterer.restore(saved.state)
      .stories()
      .find(
        (s: { articleIds: string[] }) =>
          s.articleIds.length === ids.length && s.articleIds.every((id: string) => ids.includes(id)),
      );
  if (found) fullStory = { ...found, id: target.id, headline: target.headline };
} catch {}
// The ingest's own brief of a stored story when the code has one (it keeps per-article analysis).
const ingestModule = await import(join(root, 'src/store/ingest.ts'));
const briefTimes: number[] = [];
const briefCpu: number[] = [];
for (let k = 0; k <= runs; k++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  if (ingestModule.briefStored) ingestModule.briefStored(store, fullStory, 120);
  else {
    const members = repo.getArticles(store, fullStory.articleIds);
    const sentences = new Map([...members.values()].map((a: { id: string }) => [a.id, articleSentences(a)]));
    briefStory(fullStory, members, sentences, { words: 120 });
  }
  const c = process.cpuUsage(c0);
  if (k > 0) {
    briefTimes.push(performance.now() - t0);
    briefCpu.push((c.user + c.system) / 1000);
  }
}
store.close();
log(
  `warm brief of a ${ids.length}-article story: median ${median(briefTimes).toFixed(0)} ms wall (${briefTimes.map((t) => t.toFixed(0)).join(', ')}), ${median(briefCpu).toFixed(0)} ms CPU`,
);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
