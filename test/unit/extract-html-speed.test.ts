/**
 * The extractor's fast paths against their plain definitions: the one-pass squash-and-count of a block's
 * text, and the tokenizer that skips idle turns (same events as htmlparser2's own Tokenizer).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Parser } from 'htmlparser2';
import { squashAndCount } from '../../src/extract/html.js';
import { FastTokenizer } from '../../src/extract/html-tokenizer.js';
import { tokenWords } from '../../src/extract/text-length.js';

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];

test('squashAndCount is the regex squash and the word count of the tokens', () => {
  const r = random(11);
  const units = [
    'a',
    'Z',
    '7',
    ' ',
    ' ',
    '\n',
    '\t',
    '\u00a0',
    '\u3000',
    'é',
    '日本',
    'ก',
    '-',
    '—',
    '.',
    '\u2028',
    '"',
  ];
  for (let k = 0; k < 20_000; k++) {
    let s = '';
    const n = Math.floor(r() * 14);
    for (let i = 0; i < n; i++) s += pick(r, units);
    const words = s
      .split(/\s+/)
      .filter(Boolean)
      .reduce((sum, t) => sum + (/[\p{L}\p{N}]/u.test(t) ? tokenWords(t) : 0), 0);
    assert.deepEqual(squashAndCount(s), [s.replace(/\s+/g, ' ').trim(), words], JSON.stringify(s));
  }
});

/** Every event a Parser hands over, as one line each. */
function events(html: string, fast: boolean): string[] {
  const out: string[] = [];
  const parser = new Parser(
    {
      onopentag: (name, attribs) => out.push(`<${name} ${JSON.stringify(attribs)}`),
      onclosetag: (name, implied) => out.push(`</${name} ${implied}`),
      ontext: (text) => out.push(`text ${text}`),
      oncomment: (text) => out.push(`comment ${text}`),
      onprocessinginstruction: (name, data) => out.push(`pi ${name} ${data}`),
    },
    {
      decodeEntities: true,
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
      ...(fast ? { Tokenizer: FastTokenizer } : {}),
    },
  );
  parser.write(html);
  parser.end();
  return out;
}

test('the fast tokenizer hands over the same events as htmlparser2 own', () => {
  const r = random(5);
  const pieces = [
    '<p class="a b">',
    '</p>',
    '<div id=x>',
    '</div>',
    'text ',
    'more&amp;text',
    '&nbsp;',
    '&notanentity;',
    '<a href=\'/x?a=1&b=2\' title="&quot;q&quot;">',
    '</a>',
    '<br/>',
    '<img src=x alt=y>',
    '<script>var a = "<p>" < 3;</script>',
    '<style>p{}</style>',
    '<title>T &amp; t</title>',
    '<!-- c -->',
    '<!DOCTYPE html>',
    '<?xml x?>',
    '<svg><path d="M0"/></svg>',
    '< not a tag',
    '</ closing>',
    '<P CLASS=Up>',
    '<input disabled>',
    '<textarea><b></textarea>',
    '<',
    '>',
    '&',
    '"',
    "'",
    '=',
    '<di',
    'v cl',
    'ass="q',
    '">',
    '</scr',
    'ipt>',
    '&am',
    'p;',
    ' ',
    '\n',
  ];
  for (let k = 0; k < 3_000; k++) {
    let html = '';
    const n = 1 + Math.floor(r() * 20);
    for (let i = 0; i < n; i++) html += pick(r, pieces);
    assert.deepEqual(events(html, true), events(html, false), JSON.stringify(html));
  }
});
