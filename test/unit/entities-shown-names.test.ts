/** What a brief must not list as an entity (data/gold/entities-shown.md): our own sentences only. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entities, mergeEntities, spanMention } from '../../src/language/entities.js';
import { tokenize } from '../../src/language/tokens.js';
import type { Entity, EntityKind } from '../../src/model.js';

/** A tagged span over `text` from token `from` to the end, made a mention. */
const span = (text: string, kind: EntityKind, from = 0) => {
  const toks = tokenize(text, 'conll');
  return spanMention(text, toks, from, toks.length, kind);
};

const names = (text: string) => entities({ id: 'a', text }).map((e) => e.name);

test('pronouns, interjections and bare head nouns are no entities', () => {
  const text =
    'Nobody was hurt when the roof of the Calderwick Harbour Board shed fell. Gosh, said one docker. ' +
    'Committee members of the Harbour Board met on Monday.';
  const found = names(text);
  for (const bad of ['Nobody', 'Gosh', 'Committee']) assert.ok(!found.includes(bad), `${bad} in ${found}`);
});

test('a name cut at an initial is dropped; dateline and origin words are trimmed', () => {
  const text = 'Ines B. Carvalho spoke.';
  const toks = tokenize(text, 'conll');
  const b = toks.findIndex((t) => t.text === 'B');
  assert.equal(spanMention(text, toks, 0, b + 1, 'PERSON'), undefined);
  assert.equal(span('EDT CALDERWICK', 'PLACE')?.name, 'CALDERWICK');
  assert.equal(span('Leith-based Orrin Shipping', 'ORG')?.name, 'Orrin Shipping');
  const dated = 'Calderwick, Fife March 25, 2015';
  const dtoks = tokenize(dated, 'conll');
  const fife = dtoks.findIndex((t) => t.text === 'Fife');
  assert.equal(spanMention(dated, dtoks, fife, fife + 2, 'PLACE')?.name, 'Fife');
});

test('an acronym word gives all its letters: "US Navy" is not "UN"', () => {
  let at = 0;
  const e = (name: string, kind: EntityKind): Entity => {
    at += 100;
    return {
      id: '',
      kind,
      name,
      aliases: [],
      mentions: [{ articleId: 'a', start: at, end: at + 9, text: name }],
    };
  };
  const merged = mergeEntities([
    [e('US Navy', 'ORG'), e('UN', 'ORG'), e('Orrin Shipping PLC', 'ORG'), e('OS', 'ORG')],
  ]);
  const navy = merged.find((x) => x.name === 'US Navy');
  assert.ok(navy && !navy.aliases.includes('UN'), `US Navy aka ${navy?.aliases}`);
  const orrin = merged.find((x) => x.name === 'Orrin Shipping PLC');
  assert.ok(orrin?.aliases.includes('OS'), `Orrin Shipping PLC aka ${orrin?.aliases}`);
});
