/**
 * Headline audit (issue 19 item 4): runs the pipeline in memory over Timeline17 (every topic's articles),
 * the samples and the examples — the stories a store built from them holds — and lists each story headline
 * that looks like a problem:
 *   shared     the same headline on more than one story (a site's navigation line, a section name)
 *   byline     "By NAME …", "NAME | 18:00 UK time …", "… Correspondent"
 *   caption    a photo caption (ends on the date the picture was taken) or a photo credit
 *   fragment   ends on an abbreviation ("Retired Coast Guard Adm."), a comma or a function word, or has
 *              fewer than three words
 *   cut        ends on "…" (a lead cut short: allowed when nothing shorter reads whole, but counted)
 *   explainer  a timeline / live blog / Q&A / "in pictures" title in a story that has another title
 * The rules here are the audit's own, written to find problems, not the ones that choose headlines.
 *
 *   npx tsx bench/headlines.ts [--data ../shared/data] [--list] [--all]
 *
 * `--list` prints every flagged headline with its story size; `--all` prints every headline.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { clusterArticles } from '../src/cluster/index.js';
import { isCaption } from '../src/extract/captions.js';
import { readInputs } from '../src/ingest/index.js';
import type { Article, Story } from '../src/model.js';
import { extractAll } from '../src/pipeline.js';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const here = new URL('..', import.meta.url).pathname;
const data = opt('--data') ?? join(here, '..', 'shared', 'data');

/** The story headline chooser of this build, when it has one (older builds name stories in the clusterer). */
async function headlineStories(articles: Article[]): Promise<Story[]> {
  const stories = clusterArticles(articles);
  const mod = (await import('../src/pipeline.js')) as Record<string, unknown>;
  const choose = mod.storiesWithHeadlines as ((s: Story[], a: Article[]) => Story[]) | undefined;
  return choose ? choose(stories, articles) : stories;
}

const ABBREVIATION =
  /\b(?:Adm|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Cpl|Maj|Mr|Mrs|Ms|Dr|Prof|Rev|St|Jr|Sr|Inc|Co|Corp|Ltd|No|U\.S|U\.N)\.$/;
const FUNCTION_END = /\b(?:the|a|an|of|to|in|on|at|for|and|or|but|with|by|from|as|that|who|which)$/i;

export function problems(headline: string, storyTitles: number): string[] {
  const h = headline.trim();
  const out: string[] = [];
  if (
    /^by\s+\p{Lu}/iu.test(h) ||
    /\|\s*\d{1,2}:\d{2}/.test(h) ||
    /\b(?:correspondent|staff writer|wire staff|reporter|editor)\b/i.test(
      h.split(/\s+/).slice(0, 8).join(' '),
    )
  )
    out.push('byline');
  if (
    isCaption(h) ||
    /\b(?:AP Photo|Getty Images|REUTERS\/|AFP\/|Photograph:|Photo:|file photo|pictured)\b/i.test(h)
  )
    out.push('caption');
  const words = h.split(/\s+/).filter(Boolean);
  if (words.length < 3 || ABBREVIATION.test(h) || /[,;:–-]$/.test(h) || FUNCTION_END.test(h))
    out.push('fragment');
  if (/(?:…|\.\.\.)$/.test(h)) out.push('cut');
  if (
    storyTitles > 1 &&
    /\b(?:timeline|key events|live blog|live updates|as it happened|Q&A|explainer|in pictures|in quotes|what we know)\b/i.test(
      h,
    )
  )
    out.push('explainer');
  return out;
}

function inputs(): string[] {
  const paths: string[] = [];
  const t17 = join(data, 'timeline', 't17');
  if (existsSync(t17))
    for (const topic of readdirSync(t17).sort()) {
      const f = join(t17, topic, 'articles.jsonl.gz');
      if (existsSync(f)) paths.push(f);
    }
  const samples = join(data, 'samples');
  if (existsSync(samples))
    for (const d of readdirSync(samples).sort()) if (!d.includes('.')) paths.push(join(samples, d));
  paths.push(join(here, 'examples'));
  return paths;
}

async function main(): Promise<void> {
  const started = performance.now();
  const ingest = await readInputs(inputs());
  const { articles } = extractAll(ingest.docs);
  const stories = await headlineStories(articles);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const storiesOf = new Map<string, number>();
  for (const s of stories) storiesOf.set(norm(s.headline), (storiesOf.get(norm(s.headline)) ?? 0) + 1);
  const counts: Record<string, number> = {
    shared: 0,
    byline: 0,
    caption: 0,
    fragment: 0,
    cut: 0,
    explainer: 0,
  };
  let flagged = 0;
  for (const s of stories) {
    const titles = s.articleIds.filter((id) => byId.get(id)?.title?.trim()).length;
    const found = problems(s.headline, titles);
    if ((storiesOf.get(norm(s.headline)) ?? 0) > 1) found.unshift('shared');
    for (const p of found) counts[p]++;
    if (found.length) flagged++;
    if ((found.length && args.includes('--list')) || args.includes('--all'))
      console.log(`${found.join(',') || 'ok'}\t${s.articleIds.length}\t${s.headline}`);
  }
  console.log(
    JSON.stringify({
      articles: articles.length,
      stories: stories.length,
      flagged,
      ...counts,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    }),
  );
}

await main();
