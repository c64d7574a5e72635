/** Versions and copies of one page count as one report; independent reports sharing a quote do not. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinCopies } from '../../src/analyse/copies.js';
import type { Sentence } from '../../src/model.js';
import { sentenceOf } from '../helpers.js';

const page = (id: string, texts: string[]): Sentence[] => texts.map((t, i) => sentenceOf(t, id, i));

// The first version of a page, and its update: the same lead with one place name corrected, a hearing added,
// two sentences run together by the scraper and one paragraph reworded.
const first = page('v1', [
  'Three men were charged after a fire at a Westbrook warehouse destroyed forty delivery vans overnight.',
  'Arlo Penhale, 41, of Westbrook, was arrested Friday and charged with arson and criminal damage.',
  'Investigators found that the fire started in a storage room at the back of the depot on Mill Lane, the fire service said.',
  'A second man, 29-year-old Dorian Keble, was charged with handling stolen fuel, police said.',
  '"Nobody was hurt, and that is what matters," said the depot manager.',
  'The company said deliveries would resume next week from a temporary site.',
  'The extent of the damage to nearby homes was not yet known.',
]);
const update = page('v2', [
  'Three men were charged after a fire at an Eastbrook warehouse destroyed forty delivery vans overnight.Arlo Penhale, 41, of Westbrook, was arrested Friday and charged with arson and criminal damage.',
  'A judge ordered him held without bail at a hearing on Monday.',
  'Investigators found that the fire started in a storage room at the back of the depot on Mill Lane, the fire service said.',
  'A second man, Dorian Keble, 29, was charged with handling stolen fuel, police said.',
  'Prosecutors told the court that Penhale had argued with the depot owner over unpaid wages.',
  'The company said deliveries would resume next week from a temporary site.',
  'Penhale is due back in court on March 3.',
]);
// Another outlet's own report of the same fire: its own lead and wording, the manager's quote repeated.
const independent = page('other', [
  'Forty vans went up in flames when a blaze tore through a delivery depot in Westbrook late on Thursday.',
  'Police have charged three men, among them a local driver accused of starting the fire deliberately.',
  '"Nobody was hurt, and that is what matters," said the depot manager.',
  'Residents of Mill Lane said they were woken by explosions shortly after midnight.',
  'Fire crews from four towns spent six hours bringing the fire under control.',
  'The firm expects to restart deliveries from a temporary site next week.',
]);

const ids = ['v1', 'v2', 'other'];
const sentences = [...first, ...update, ...independent];

test('an updated version of a page is one report with the first version', () => {
  const reportOf = joinCopies(ids, sentences, new Map());
  assert.equal(reportOf.get('v1'), reportOf.get('v2'));
});

test('an independent report that repeats a quote and a fact stays a report of its own', () => {
  const reportOf = joinCopies(ids, sentences, new Map());
  assert.notEqual(reportOf.get('other'), reportOf.get('v1'));
  assert.notEqual(reportOf.get('other'), reportOf.get('v2'));
});

test('pages that share a third of their sentences but not the lead are not joined', () => {
  const rewritten = page('v3', [
    'Delivery firm counts the cost after an overnight blaze in Westbrook.',
    'Its chief executive called the loss of the fleet a disaster for the town.',
    ...[first[2], first[3], first[5]].map((s) => s.text),
    'Insurers are expected to visit the site on Tuesday.',
    'The company employs two hundred drivers across the region.',
    'A union representative said no jobs were at risk.',
  ]);
  const reportOf = joinCopies(['v1', 'v3'], [...first, ...rewritten], new Map());
  assert.notEqual(reportOf.get('v1'), reportOf.get('v3'));
});

test('joined reports carry their other articles along, and ids keep the earliest report', () => {
  // v1 and a syndicated copy were grouped by the clusterer; the copy has no sentences of its own here.
  const clustered = new Map([
    ['v2', 'r-v2'],
    ['syndicated', 'r-v2'],
    ['v1', 'r-v1'],
  ]);
  const reportOf = joinCopies(['v1', 'v2', 'syndicated'], [...first, ...update], clustered);
  assert.equal(reportOf.get('v1'), 'r-v1');
  assert.equal(reportOf.get('v2'), 'r-v1');
  assert.equal(reportOf.get('syndicated'), 'r-v1');
});

test('a sentence made of phrases found in different places of the other page is not a copy', () => {
  // Each sentence of `explainer` takes its phrases from two sentences of `first` far apart: its own writing.
  const explainer = page('explainer', [
    'Three men were charged after forty delivery vans were destroyed, the fire service said.',
    'Arlo Penhale, 41, of Westbrook, started in a storage room at the back of the depot, police said.',
    'The company said the fire started on Mill Lane, and deliveries would resume next week.',
    'Insurers are expected to visit the site on Tuesday.',
  ]);
  const reportOf = joinCopies(['v1', 'explainer'], [...first, ...explainer], new Map());
  assert.notEqual(reportOf.get('v1'), reportOf.get('explainer'));
});
