import assert from 'node:assert/strict';
import { test } from 'node:test';
import { furnitureKind } from '../../src/extract/non-article-features.js';

/** One sentence per furniture pattern (in the order of FURNITURE), each with the kind it must get. */
const CASES: Array<[string, string]> = [
  ['The page you requested could not be found.', 'error page'],
  ['Error 404: the harbour office moved.', 'error page'],
  ['Oops, that went nowhere.', 'error page'],
  ['We cannot find the page you asked for.', 'error page'],
  ['The server is temporarily unavailable.', 'error page'],
  ['Something went wrong on our side.', 'error page'],
  ['Please enable JavaScript to read the timetable.', 'wall'],
  ['Sign in to continue reading about the ferry.', 'wall'],
  ['Already a subscriber? Log on here.', 'wall'],
  ['This report is available only to subscribers of the gazette.', 'wall'],
  ['This site uses cookies to count readers.', 'wall'],
  ['Order presentation-ready copies for your office.', 'wall'],
  ['Your browser does not support the harbour map.', 'wall'],
  ['Please verify you are a human before going on.', 'wall'],
  ['Your screen name shows beside every ferry photo you send.', 'wall'],
  ['Forgot your password? We send a reset code by post.', 'wall'],
  ['Enter your e-mail address to join the pier club.', 'wall'],
  ['By clicking the button you agree to the harbour rules.', 'wall'],
  ['The transcript could not be loaded.', 'widget'],
  ['Unable to play this video right now.', 'widget'],
  ['This media is not available in your region.', 'widget'],
  ['When autoplay is on, the next clip starts.', 'widget'],
  ['Published on Mar. 4 by the ferry club.', 'widget'],
  ['A post shared by the Inchmore ferry.', 'widget'],
  ['Follow the story live from the pier.', 'widget'],
  ['This page was saved by the Wayback Machine.', 'crawl notice'],
  ['Pages crawled by the robot are archived daily.', 'crawl notice'],
  ['Add a location to your tweets from the pier.', 'social notice'],
  ['Your location information is shown with your tweets.', 'social notice'],
  ['Click on the links below to see each crossing.', 'index page'],
  ['All posts tagged ferry are listed here.', 'index page'],
  ['Load more stories about the island.', 'index page'],
  ['Browse our archive of crossings.', 'index page'],
  ['Explore all of our island guides.', 'index page'],
  ['updated: Wed Jun 06 2012 23:03:00 The harbour master shows the new crane.', 'index page'],
  ['First broadcast BBC Radio 4, 4:30 PM Thu, 11 Jun 2009.', 'index page'],
];

test('every furniture pattern still names its kind behind the word pre-check', () => {
  for (const [sentence, kind] of CASES) assert.equal(furnitureKind(sentence), kind, sentence);
});

test('sentences of plain reporting are no furniture', () => {
  for (const s of [
    'The ferry to Inchmore ran again on Sunday after a three-week stoppage.',
    'Forty passengers were on board when it left the pier at seven.',
    'The captain said the comments of the inspectors had been fair and the screen had been mended.',
    'She clicked through the photos and agreed to speak to the inquiry.',
    'The crossing figures will not be available until 2027, the harbour board said.',
    'A film about the ferry was first broadcast in 1976 and updated last year.',
  ])
    assert.equal(furnitureKind(s), undefined);
});
