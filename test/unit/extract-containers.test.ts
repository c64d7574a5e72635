/** The container ranker of the HTML extractor: candidates, features, the choice, its use by extractHtml. */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { useBlockModel } from '../../src/extract/blocks.js';
import {
  CONTAINER_FEATURE_COUNT,
  CONTAINER_FEATURES,
  type ContainerModel,
  chooseContainer,
  containerCandidates,
  containerModel,
  useContainerModel,
} from '../../src/extract/containers.js';
import { extractHtml, readHtmlPage } from '../../src/extract/html.js';

afterEach(() => {
  useContainerModel();
  useBlockModel();
});

const para = (s: string) => `<p>${s}</p>`;
const POST = [
  'The harbour board of Osterholm voted on Tuesday to keep the old ferry pier open through the winter months.',
  'Its members said the crossing to the mainland carried more passengers this year than in any year before it.',
  'A new pier had been planned for the spring, but the money set aside for it went to repairing the sea wall.',
].map(para);
const PROFILE = [
  'Marta Lindqvist writes about ferries, tides and the small harbours of the northern islands for this paper.',
  'Before that she spent eleven years as a deckhand and a mate on the boats between the islands and the coast.',
  'She lives in Osterholm with two cats and a very old sailing dinghy that she keeps meaning to repair one day.',
  'Her book on the history of the island ferries came out last spring and is in every library on the islands.',
].map(para);
const page = `<html><head><title>Pier stays open</title></head><body>
<h1>Pier stays open</h1>
<div class="wrap"><div class="post">${POST.join('')}</div></div>
<div class="rail"><div class="sidebar-profile">${PROFILE.join('')}</div></div>
</body></html>`;

/** A model that scores candidates by one feature only (every feature scaled 1, mean 0). */
const oneFeature = (name: string, weight: number, over: Partial<ContainerModel> = {}): ContainerModel => {
  const weights = new Array(CONTAINER_FEATURE_COUNT).fill(0);
  weights[CONTAINER_FEATURES.indexOf(name as (typeof CONTAINER_FEATURES)[number]) - 1] = weight;
  return {
    header: {} as ContainerModel['header'],
    mean: new Array(CONTAINER_FEATURE_COUNT).fill(0),
    scale: new Array(CONTAINER_FEATURE_COUNT).fill(1),
    weights,
    candidates: 12,
    margin: 0,
    ratio: 0,
    ...over,
  };
};

test('the candidates hold the rules’ choice, each with the full feature vector', () => {
  useContainerModel(null);
  useBlockModel(null);
  const read = readHtmlPage(page, 0);
  assert.ok(!('refused' in read));
  const { containers } = read;
  const cands = containerCandidates(containers.page, containers.rules, 12);
  assert.ok(cands.length >= 2);
  assert.ok(cands.some((c) => c.node === containers.rules));
  for (const c of cands) {
    assert.equal(c.x.length, CONTAINER_FEATURE_COUNT);
    assert.ok(c.x.every(Number.isFinite));
  }
  // At most `max`, the rules' choice always in.
  const one = containerCandidates(containers.page, containers.rules, 1);
  assert.ok(one.some((c) => c.node === containers.rules));
});

test('without a model, or at a margin no candidate reaches, the rules choose', () => {
  useBlockModel(null);
  useContainerModel(null);
  const rules = extractHtml(page).paragraphs;
  assert.ok(rules.join(' ').includes('Marta Lindqvist'), 'the rules take the whole body, profile and all');
  useContainerModel(oneFeature('apart_from_rules', 1, { margin: 5 }));
  assert.deepEqual(extractHtml(page).paragraphs, rules);
});

test('a ranker preferring another candidate moves the body there', () => {
  useBlockModel(null);
  useContainerModel(oneFeature('name_content', 5));
  const text = extractHtml(page).paragraphs.join(' ');
  assert.ok(text.includes('harbour board'), text);
  assert.ok(!text.includes('Marta Lindqvist'), text);
});

test('the word-share floor keeps the ranker from tiny candidates', () => {
  useBlockModel(null);
  useContainerModel(null);
  const read = readHtmlPage(page, 0);
  assert.ok(!('refused' in read));
  const model = oneFeature('name_content', 5, { ratio: 0.99 });
  assert.equal(chooseContainer(model, read.containers), read.containers.rules);
});

test('a body too short to keep gives way to the article element', () => {
  useBlockModel(null);
  useContainerModel(null);
  const rows = Array.from(
    { length: 12 },
    (_, i) => `<tr><td>${i + 1}.</td><td>Runner number ${i + 1} of the island club</td><td>12.${i}</td></tr>`,
  ).join('');
  const html = `<html><body><article><h1>Island relay results</h1><table>${rows}</table></article>
<div id="respond"><p>Your address will not be published. Required fields are marked.</p></div></body></html>`;
  const got = extractHtml(html).paragraphs.join(' ');
  assert.ok(got.includes('Runner number 7'), got);
});

test('the shipped model reads', () => {
  const m = containerModel();
  if (m) assert.equal(m.weights.length, CONTAINER_FEATURE_COUNT);
});
