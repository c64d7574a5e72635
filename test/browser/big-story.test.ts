/**
 * The web UI at scale in a real browser (Debian's chromium driven by playwright-core): a store built here from
 * generated articles (own text, from templates and a seeded generator) holding one story of 520 articles and
 * 44 small ones. Drives the paged list, a filter, a relevance search, the big story's page (weight, contents,
 * collapsed sections, coverage chart, grouped citations) and a citation round trip to a source on another
 * page and back; saves desktop and phone screenshots to test-results/ (gitignored). Skips without chromium.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildBrief } from '../../src/brief/build.js';
import { articleSentences } from '../../src/language/sentences.js';
import type { Article, Brief, Sentence, Story } from '../../src/model.js';
import { createApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/db.js';
import { addArticle, saveStories } from '../../src/store/repository.js';
import { launchChromium, NO_BROWSER, repoRoot, serveOnLoopback, tempDir } from '../helpers.js';

const BIG = 520;
const SMALL = 44;
const artifacts = `${repoRoot}test-results`;

/** A seeded generator (LCG), so the store is the same on every run. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

const OUTLETS = Array.from(
  { length: 40 },
  (_, i) =>
    `${['North', 'South', 'East', 'West', 'Upper', 'Lower', 'Old', 'New'][i % 8]} ${['Gazette', 'Herald', 'Courier', 'Post', 'Ledger'][i % 5]}`,
);

const ACTIONS = [
  'the army opened a pontoon bridge across the Marren river',
  'pumps from Ostvik began draining the flooded school',
  'the rail line to Holm reopened for freight',
  'inspectors from the water agency reached the broken spillway',
  'the regional council set up a relief fund for families',
  'divers recovered a car from the harbour basin',
  'power returned to the eastern district of Tolvik',
  'the Tolvik hospital moved patients from its ground floor',
  'farmers near Vessby reported flooded fields',
  'the Prime Minister Anders Lund visited the shelters',
  'engineers sealed the breach with rock-filled baskets',
  'schools in Tolvik reopened for most pupils',
];

const SPEAKERS: [string, string][] = [
  ['Ilsa Brandt, the mayor of Tolvik', 'We are working around the clock to reach every street'],
  ['Karin Holt, head of the rescue service', 'The water is falling but the danger is not over'],
  ['Per Sandvik, a water agency engineer', 'The spillway gave way under pressure it was never built for'],
  ['Maja Ekdal, who runs the shelter', 'People need dry clothes more than anything else tonight'],
  ['Anders Lund, the Prime Minister', 'The state will pay to rebuild every home the flood took'],
  ['Nils Berg, a farmer near Vessby', 'My whole harvest is under a metre of water'],
  ['Sara Lind, a Red Cross volunteer', 'We have served hot meals to more than two thousand people'],
];

/** One generated report of the dam breach: the same facts in varied words, two counts in dispute. */
function bigArticle(i: number, rand: () => number): Article {
  const day = 1 + Math.floor((i / BIG) * 12);
  const injured = i % 3 === 0 ? 17 : 14;
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const speaker = SPEAKERS[i % SPEAKERS.length];
  const paragraphs = [
    `The Marren dam breached early on Tuesday, flooding ${pick(['low-lying', 'riverside', 'outlying'])} parts of Tolvik and forcing hundreds of families from their homes.`,
    `${injured} people were injured in the flood, ${pick(['the regional council said', 'emergency services said', 'officials said'])}.`,
    `On March ${day}, ${ACTIONS[(day - 1) % ACTIONS.length]}.`,
    `Engineers had warned in ${pick(['March', 'April', 'May'])} that the spillway needed repairs costing about 40 million crowns.`,
    `"${speaker[1]}," said ${speaker[0]} in update number ${i}.`,
    `Volunteers handed out blankets at the sports hall while ${pick(['rain', 'wind', 'cold'])} slowed the clean-up in the ${pick(['north', 'east', 'south'])} district.`,
  ];
  const id = `dam-${i}`;
  return {
    id,
    source: `${id}.txt`,
    publisher: OUTLETS[i % OUTLETS.length],
    url: `https://news.example/${id}`,
    title: `Marren dam breach: update ${i}`,
    published: `2026-03-${String(day).padStart(2, '0')}T${String(6 + (i % 12)).padStart(2, '0')}:00:00Z`,
    language: 'en',
    paragraphs,
    text: paragraphs.join('\n\n'),
    hash: id,
  };
}

const TOPICS = ['ferry fares', 'orchard frost', 'tram depot', 'library roof', 'kelp harvest', 'bridge paint'];

function smallArticles(k: number): Article[] {
  const topic = TOPICS[k % TOPICS.length];
  // One small story is about sheep scab; the big story never mentions it, one other small one in passing.
  const about = k === 5 ? 'sheep scab' : topic;
  const n = 1 + (k % 4);
  return Array.from({ length: n }, (_, j) => {
    const id = `small-${k}-${j}`;
    const paragraphs = [
      k === 5
        ? `Sheep scab was found on three farms near Holm, and vets said sheep scab spreads fast in wet weather (case ${j}).`
        : `The ${about} question number ${k} came before the Holm council on a quiet evening, report ${j}.`,
      k === 8
        ? 'Councillors also noted a rumour of sheep scab before moving on to the budget.'
        : `Members asked for a fuller study before any decision on item ${k}.`,
    ];
    return {
      id,
      source: `${id}.txt`,
      publisher: OUTLETS[(k + j) % 7],
      title: k === 5 ? `Sheep scab found near Holm (${j})` : `Holm council and the ${about} (${k})`,
      published: `2026-02-${String(1 + (k % 27)).padStart(2, '0')}T10:00:00Z`,
      language: 'en',
      paragraphs,
      text: paragraphs.join('\n\n'),
      hash: id,
    };
  });
}

/** Stores every article and saves the stories with briefs made by the real brief builder. */
function buildStore(path: string) {
  const db = openStore(path);
  const rand = random(20);
  const groups: Article[][] = [Array.from({ length: BIG }, (_, i) => bigArticle(i, rand))];
  for (let k = 0; k < SMALL; k++) groups.push(smallArticles(k));
  const stories: Story[] = [];
  const briefs = new Map<string, Brief>();
  for (const [g, articles] of groups.entries()) {
    const sentences = new Map<string, Sentence[]>();
    for (const a of articles) {
      const s = articleSentences(a);
      sentences.set(a.id, s);
      addArticle(db, a, s);
    }
    const story: Story = {
      id: g === 0 ? 's-dam' : `s-small-${g}`,
      articleIds: articles.map((a) => a.id),
      reports: articles.map((a) => ({ id: a.id, articleIds: [a.id] })),
      headline: g === 0 ? 'Marren dam breach floods Tolvik' : articles[0].title.replace(/ \(\d+\)$/, ''),
    };
    stories.push(story);
    briefs.set(
      story.id,
      buildBrief(story, new Map(articles.map((a) => [a.id, a])), sentences, { words: 120 }),
    );
  }
  saveStories(db, stories, briefs, new Map());
  return db;
}

let db: ReturnType<typeof openStore> | undefined;
let close: (() => void) | undefined;
let base = '';
before(async () => {
  if (NO_BROWSER) return;
  db = buildStore(join(tempDir('nf-big-'), 'big.db'));
  ({ base, close } = await serveOnLoopback(createApp(db).fetch));
});
after(() => {
  close?.();
  db?.close();
});

test('browser: the paged list, a filter and a relevance search', { skip: NO_BROWSER }, async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/`);
    assert.equal(await page.locator('ul.stories > li').count(), 20);
    assert.match((await page.locator('[role=status]').textContent()) ?? '', /Stories 1–20 of 45, by latest/);
    // The skip link is the first thing a keyboard reaches.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await page.click('a[rel=next]');
    await page.waitForURL(/\?page=2$/);
    assert.equal(await page.locator('ul.stories > li').count(), 20);
    await page.click('a[rel=next]');
    await page.waitForURL(/\?page=3$/);
    assert.equal(await page.locator('ul.stories > li').count(), 5);
    assert.equal(await page.locator('a[rel=next]').count(), 0);

    // A filter: stories of at least 100 articles — the dam story alone, its row with outlets and dates.
    await page.goto(`${base}/`);
    await page.fill('input[name=min_sources]', '100');
    await page.click('button[type=submit]');
    await page.waitForURL(/min_sources=100/);
    const rows = page.locator('ul.stories > li');
    assert.equal(await rows.count(), 1);
    const row = (await rows.first().textContent()) ?? '';
    assert.match(row, /Marren dam breach floods Tolvik/);
    assert.match(row, /520 articles/);
    assert.match(row, /\+36 more · 2026-03-01 – 2026-03-12/);
    // "1 article" and "520 articles" do not look alike.
    const big = await page.locator('.size.big').evaluate((el) => getComputedStyle(el).fontWeight);
    await page.goto(`${base}/?sort=size&page=3`);
    const one = await page
      .locator('.size.one')
      .first()
      .evaluate((el) => getComputedStyle(el).borderStyle);
    assert.equal(big, '700');
    assert.equal(one, 'dashed');

    // Relevance: the story about sheep scab first, the one that mentions it in passing after; matches marked.
    await page.goto(`${base}/`);
    await page.fill('input[type=search]', 'sheep scab');
    await page.click('button[type=submit]');
    await page.waitForURL(/q=sheep\+scab/);
    assert.equal(await page.locator('ul.stories > li').count(), 2);
    assert.match((await page.locator('ul.stories > li a').first().textContent()) ?? '', /Sheep scab found/);
    assert.ok((await page.locator('ul.stories mark').count()) >= 4);
    assert.match((await page.locator('[role=status]').textContent()) ?? '', /by relevance/);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}/list-search-desktop.png`, fullPage: true });
  } finally {
    await browser.close();
  }
});

test('browser: a 520-article story — weight, contents, collapsed sections, chart, citation round trip', {
  skip: NO_BROWSER,
}, async (t) => {
  const url = `${base}/stories/s-dam`;
  const body = await (await fetch(url)).arrayBuffer();
  assert.ok(body.byteLength <= 150 * 1024, `page weight ${body.byteLength} bytes`);
  t.diagnostic(`story page weight: ${body.byteLength} bytes`);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const res = await page.goto(url);
    assert.equal(res?.status(), 200);
    assert.match((await page.locator('p.meta').first().textContent()) ?? '', /the latest 100 of 520 sources/);
    // Contents bar, coverage chart, twenty sources on the page.
    assert.ok((await page.locator('nav.toc a').count()) >= 4);
    assert.equal(await page.locator('nav.toc a[href="#sec-coverage"]').count(), 1);
    assert.ok(await page.locator('figure.chart svg').isVisible());
    assert.match(
      (await page.locator('figure.chart figcaption').textContent()) ?? '',
      /520 dated articles from 40 outlets/,
    );
    assert.equal(await page.locator('ol.sources > li').count(), 20);
    assert.equal(await page.locator('nav[aria-label="Pages of sources"]').first().locator('a').count(), 4);

    // A section past its first five items is folded; opening it shows the rest.
    const folded = page.locator('li.more > details').first();
    assert.equal(await folded.count(), 1, 'a collapsed section');
    assert.equal(await folded.evaluate((d) => (d as HTMLDetailsElement).open), false);
    const hidden = folded.locator('ul > li').first();
    assert.equal(await hidden.isVisible(), false);
    await folded.locator('summary').click();
    assert.equal(await hidden.isVisible(), true);

    // Grouped citations: "+N sources", the outlets on focus and in the accessible name.
    const group = page.locator('ul.summary details.cg').first();
    assert.equal(await group.count(), 1, 'a grouped citation');
    const summary = group.locator('summary');
    assert.match(
      (await summary.getAttribute('aria-label')) ?? '',
      /^\d+ more sources: .*(Gazette|Herald|Courier|Post|Ledger)/,
    );
    assert.equal(await group.locator('.tip').isVisible(), false);
    await summary.focus();
    assert.equal(await group.locator('.tip').isVisible(), true);

    // Round trip: open a group that cites a source on another page of sources, follow it, then come back.
    const farGroup = page
      .locator('ul.summary details.cg')
      .filter({ has: page.locator('a[href^="?sources="]') })
      .first();
    assert.equal(await farGroup.count(), 1, 'a grouped citation of a source on a later page');
    await farGroup.locator('summary').click();
    const far = farGroup.locator('a[href^="?sources="]').first();
    assert.equal(await far.count(), 1, 'a citation of a source on a later page');
    const href = (await far.getAttribute('href')) ?? '';
    const target = href.split('#')[1];
    const sentence = await farGroup.evaluate((el) => el.closest('li')?.id ?? '');
    await far.click();
    await page.waitForURL(new RegExp(`\\?sources=\\d+#${target}$`));
    const paragraph = page.locator(`[id="${target}"]`);
    assert.ok(await paragraph.isVisible());
    const background = await paragraph.evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(background, 'rgb(255, 243, 176)', 'the cited paragraph is highlighted');
    const backLink = page.locator(`[id="${target}"] + p.back a[href="#${sentence}"]`);
    assert.equal(await backLink.count(), 1, 'a link back to the citing sentence');
    await page.screenshot({ path: `${artifacts}/story-source-desktop.png` });
    await backLink.click();
    await page.waitForURL(new RegExp(`#${sentence}$`));
    const back = page.locator(`[id="${sentence}"]`);
    assert.ok(await back.isVisible());
    assert.equal(await back.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 243, 176)');

    // Full text is a readable page, not JSON.
    const full = page.locator('ol.sources a', { hasText: 'full text' }).first();
    await full.click();
    await page.waitForURL(/\/articles\//);
    assert.ok((await page.locator('article p[id^="p"]').count()) >= 3);
    assert.equal(await page.locator('nav[aria-label=Stories] a').count(), 1);

    await page.goto(url);
    await page.screenshot({ path: `${artifacts}/story-desktop.png` });
    await page.screenshot({ path: `${artifacts}/story-desktop-full.png`, fullPage: true });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height < 20_000, `page height ${height} px`);
    // Dark scheme.
    const dark = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    await dark.goto(url);
    assert.equal(
      await dark.evaluate(() => getComputedStyle(document.body).backgroundColor),
      'rgb(22, 24, 28)',
    );
    await dark.screenshot({ path: `${artifacts}/story-desktop-dark.png` });
    // Phone.
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      deviceScaleFactor: 2,
    });
    await phone.goto(url);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scroll on a phone (${overflow} px)`);
    await phone.screenshot({ path: `${artifacts}/story-phone.png` });
    await phone.goto(`${base}/`);
    await phone.screenshot({ path: `${artifacts}/list-phone.png` });
  } finally {
    await browser.close();
  }
});
