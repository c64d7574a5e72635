/** Extraction checked on the raw sample pages beside the repo (title, date, body, publisher). */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { extractPage, NO_DATA, samplesDir } from '../helpers.js';

const extract = extractPage;

const SAMPLES: Record<string, { title: string; published?: string; first: string; last: string }> = {
  '000_341fccdb53baba8c.txt': {
    title: 'Syrian Rebels In Secret Talks With Russia To End The Fighting In Aleppo',
    published: '2016-12-01',
    first: 'Russian officials and rebel groups are holding talks in Turkey',
    last: 'through government-controlled areas.',
  },
  '001_d31ed113146ff8eb.txt': {
    title: 'Syrian rebels in secret talks with Russia to end Aleppo crisis',
    published: '2017-12-11',
    first: 'Syrian rebel leaders are to hold secret talks',
    last: 'by force of arms.',
  },
  '002_913b9a854eb5e3a1.txt': {
    title: 'Secret talks between the revolutionary factions and Russia sponsored by Turkey',
    first: 'Sharq al Awsat has reported',
    last: 'destroyers to Syria.',
  },
  '003_8711b95e350eefae.txt': {
    title: 'Russia not serious in talks with Syrian rebels: opposition official',
    first: 'A senior Syrian opposition official accused Russia',
    last: 'immediate cessation of hostilities.',
  },
  '004_628c3bb2abd4e9ed.txt': {
    title: "Russia offers to secure rebel evacuation from Syria's Aleppo",
    first: 'Russia said Thursday it was prepared to secure safe passage',
    last: 'said Jubeir.',
  },
};

const JUNK =
  /promoted links|leave a reply|comment title|security code|read more|arabstoday|terms of use|all rights reserved|said\.\.\.|e-mail \*|REUTERS\/|©/i;

test('samples: title, date and body are right for all five pages, with no junk line', {
  skip: NO_DATA,
}, () => {
  assert.deepEqual(readdirSync(samplesDir).sort(), Object.keys(SAMPLES).sort());
  for (const [file, want] of Object.entries(SAMPLES)) {
    const { article } = extract(file, readFileSync(`${samplesDir}/${file}`));
    assert.ok(article, file);
    assert.equal(article.title, want.title, file);
    assert.equal(article.published, want.published, file);
    assert.ok(article.paragraphs[0].startsWith(want.first), `${file} starts: ${article.paragraphs[0]}`);
    assert.ok(article.paragraphs.at(-1)!.includes(want.last), `${file} ends: ${article.paragraphs.at(-1)}`);
    for (const p of article.paragraphs) assert.doesNotMatch(p, JUNK, `${file}: ${p}`);
    assert.equal(
      new Set(article.paragraphs).size,
      article.paragraphs.length,
      `${file}: duplicated lines collapsed`,
    );
  }
});

test('samples: publishers come from attribution lines', { skip: NO_DATA }, () => {
  const pub = (f: string) => extract(f, readFileSync(`${samplesDir}/${f}`)).article?.publisher;
  assert.equal(pub('004_628c3bb2abd4e9ed.txt'), 'AFP');
  assert.match(pub('001_d31ed113146ff8eb.txt') ?? '', /Daily Telegraph/);
});
