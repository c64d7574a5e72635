import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import { nonArticleReason, pageShape } from '../../src/extract/non-article.js';
import { contentHash } from '../../src/ingest/hash.js';
import { rawDocument } from '../../src/ingest/record.js';
import type { RawKind } from '../../src/model.js';
import { runCli } from '../helpers.js';

const record = (content: string, kind: RawKind = 'record') =>
  rawDocument({ origin: { path: 'feed.jsonl', line: 7 }, kind, content, hash: contentHash(content) });

/** Our own short report: three sentences of running prose. */
const REPORT =
  'The footbridge over the Tarn estuary reopened on Tuesday after six weeks of repairs to its cables. ' +
  'Engineers replaced eleven of the forty hangers and repainted the deck, the county council said. ' +
  'Cyclists had used a ferry in the meantime, which added twenty minutes to the crossing.';

const PAGES: [string, string, string][] = [
  [
    'error page',
    'Page not found\n\nSorry, the page you were looking for could not be found. It may have been moved or deleted.\n\nReturn to the home page or try searching for what you need.',
    'record',
  ],
  [
    'wall',
    'Please enable JavaScript in your browser to read this story.\n\nAlready a subscriber? Log in to continue reading.\n\nSubscribe to continue reading for one pound a week, cancel at any time.',
    'record',
  ],
  [
    'wall',
    'We use cookies to improve your experience on our website and to show you relevant adverts.\n\nBy clicking accept you agree to our cookie settings. You can change your cookie preferences at any time.',
    'text',
  ],
  [
    'widget',
    'Unable to play video. This video is not available in your area.\n\nThe player needs the latest Flash Player to show this clip; click the button below to install it.',
    'record',
  ],
  [
    'crawl notice',
    'This snapshot was saved by the Wayback Machine of the Internet Archive.\n\nOur crawlers visit pages every few weeks so that an archived copy stays available when the original page changes.',
    'record',
  ],
  [
    'social notice',
    'Tweet with a location\n\nYou may share your city or neighbourhood in Tweets, and you can remove location history from your Tweets whenever you wish. Find out more',
    'record',
  ],
  [
    'index page',
    'Click on any image to see it larger.\n\nBrowse all our stories about the estuary below, newest first.\n\nLoad more stories',
    'record',
  ],
  [
    'too little prose',
    'Harbour lights switched on for the winter season by the mayor on Friday evening.',
    'record',
  ],
  [
    'too little prose',
    'What did the council decide about the bridge? Who will pay for the new cables? When will the work finish, and what happens to the ferry?',
    'text',
  ],
];

test('each kind of non-article input is dropped with a warning naming the reason', () => {
  for (const [reason, text, kind] of PAGES) {
    const r = extractArticle(record(text, kind as RawKind));
    assert.equal(r.article, undefined, `${reason}: ${text.slice(0, 40)}`);
    assert.equal(r.diagnostics.length, 1);
    assert.equal(r.diagnostics[0].message, `not an article (${reason}); skipped`, text.slice(0, 40));
    assert.deepEqual(r.diagnostics[0].origin, { path: 'feed.jsonl', line: 7 });
  }
});

test('--keep-all keeps a non-article, marked with its reason', () => {
  const [, text] = PAGES[0];
  const r = extractArticle(record(text), { keepAll: true });
  assert.deepEqual(r.article?.nonArticle, { reason: 'error page' });
  assert.equal(r.diagnostics.length, 0);
});

test('an article with furniture around it is kept, and carries no mark', () => {
  const furnished = `Please enable JavaScript to watch this video\n\n${REPORT}\n\nWe use cookies to improve your experience.`;
  for (const text of [REPORT, furnished]) {
    const r = extractArticle(record(text));
    assert.ok(r.article, text.slice(0, 40));
    assert.equal(r.article.nonArticle, undefined);
  }
  // A report that mentions an archive or a missing page is still a report.
  const about =
    'The county archive said on Monday that a page of the 1872 parish register could not be found after the flood. ' +
    'Volunteers have searched the basement shelves twice, the archivist said.';
  assert.equal(nonArticleReason([about], { wholeText: true }), undefined);
});

test('a short HTML extraction without furniture is kept (the extractor may have missed the body)', () => {
  assert.equal(
    nonArticleReason(['Harbour lights switched on for the winter season by the mayor on Friday.']),
    undefined,
  );
  assert.equal(
    nonArticleReason(['Harbour lights switched on for the winter season by the mayor on Friday.'], {
      wholeText: true,
    }),
    'too little prose',
  );
  assert.equal(
    nonArticleReason(['Page not found. The page you requested could not be found.']),
    'error page',
  );
});

test('questions count as prose beside statements, not on their own', () => {
  const q = 'Why did the cables fail so soon after the last inspection in spring?';
  assert.equal(nonArticleReason([`${q} ${REPORT}`], { wholeText: true }), undefined);
  assert.equal(nonArticleReason([`${q} ${q} ${q}`], { wholeText: true }), 'too little prose');
});

test('`newsfuse extract --keep-all` keeps a page the default drops', () => {
  const page = PAGES[0][1];
  const dropped = runCli(['extract', '-'], page);
  assert.equal(dropped.status, 1);
  assert.match(dropped.stderr, /warning: -: not an article \(error page\); skipped/);
  const kept = runCli(['extract', '--keep-all', '-'], page);
  assert.equal(kept.status, 0, kept.stderr);
  assert.deepEqual(JSON.parse(kept.stdout).nonArticle, { reason: 'error page' });
});

test('page shape counts datelines past the opening, single names and topic shifts', () => {
  const teasers = pageShape([
    'PORT ELLIS -- Divers searched the flooded quarry on Monday for a missing surveyor, police said.',
    'Council approves bigger budget for libraries... read more MARROW BAY (NWS) -- A ferry carrying forty passengers struck a sandbar near the harbour mouth.',
    'Orchestra announces winter season with seven premieres and touring soloists from abroad.',
  ]);
  assert.equal(
    teasers.innerDatelines,
    1,
    'the dateline that opens the page is not counted, the inner one is',
  );
  assert.equal(teasers.topicSentences, 2);
  assert.equal(teasers.topicShifts, 2, 'no later teaser shares a content word with an earlier one');
  const report = pageShape([
    'PORT ELLIS -- Divers searched the flooded quarry on Monday for a missing surveyor, police said.',
    'The surveyor, Ada Morrow, had been measuring the quarry walls before the storm, police said.',
    'Divers from Marrow Bay joined the search at the quarry on Tuesday, and Morrow was found alive.',
  ]);
  assert.equal(report.innerDatelines, 0);
  assert.equal(report.topicShifts, 0, 'each later sentence picks up a word of an earlier one');
  assert.equal(report.names, 8, 'capitalized words after a sentence start, PORT and the openers left out');
  assert.equal(report.singleNames, 7, 'Morrow is named twice');
});

test('agency datelines with a hyphen and a country or date count as inner datelines', () => {
  // An author's page: one report's opening after another, each under its own dateline (invented text).
  const author = pageShape([
    'Author page | Mon Jan 3 PORT ELLIS (Wirenews) - Divers searched the flooded quarry on Monday for a surveyor.',
    'MARROW BAY, Norland, Jan 4 (Wirenews) -- A ferry carrying forty passengers struck a sandbar near the harbour.',
    'KESTREL FALLS\\/PORT ELLIS (Wirenews) - The council voted to rebuild the old bridge before the spring floods.',
  ]);
  assert.equal(author.innerDatelines, 3, 'a hyphen after the agency, a country and a date, a pair of places');
  // A hyphen without an agency is a plain dash in prose, not a dateline.
  const prose = pageShape([
    'The ferry left at dawn. THE CAPTAIN - a veteran of forty winters - said the sandbar had moved overnight.',
  ]);
  assert.equal(prose.innerDatelines, 0);
  // A timeline's lines open with a clock time and its zone, which is no place.
  const timeline = pageShape([
    'Ferry timeline: 8:02 a.m. EDT -- Ferry leaves the pier. 9:15 a.m. GMT -- Ferry reaches the island.',
  ]);
  assert.equal(timeline.innerDatelines, 0);
});

test('listing furniture and agency datelines are counted apart for the combiner', () => {
  // A broadcaster's programme week and a video list (invented text): listing lines, index furniture too.
  const schedule = pageShape([
    'Transmission details in the Network Radio Programme Information are not updated after publication.',
    'Skip to a day of the week: the Tarn Valley choir sings live from the harbour hall tonight.',
    'Ferry crash survivors speak updated: Wed Jun 06 2012 23:03:00 Two passengers describe the night.',
  ]);
  assert.equal(schedule.listingLines, 3);
  assert.equal(schedule.byKind['index page'], 3);
  // A newsletter sign-up is index furniture that articles carry too: not a listing line.
  const signup = pageShape([REPORT, 'Sign up for our weekly newsletter to get the latest from the estuary.']);
  assert.equal(signup.byKind['index page'], 1);
  assert.equal(signup.listingLines, 0);
  // An author's page: one agency dateline per teaser; a report has one, prose brackets none.
  const author = pageShape([
    'PORT ELLIS (Wirenews) -- Divers searched the flooded quarry on Monday for a missing surveyor.',
    'MARROW BAY, Norland, Jan 4 (Wirenews) - A ferry carrying forty passengers struck a sandbar.',
    'KESTREL FALLS (Wirenews) -- The council voted to rebuild the old bridge before the floods.',
  ]);
  assert.equal(author.agencyDatelines, 3);
  const report = pageShape([
    `PORT ELLIS (Wirenews) -- ${REPORT}`,
    'The council (Labour) said the work - long delayed - cost less than planned.',
  ]);
  assert.equal(report.agencyDatelines, 1);
});
