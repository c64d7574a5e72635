import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describedElsewhere, leansByOpening } from '../../src/summarize/antecedent.js';

test('openings that lean on an earlier sentence: one of a series, a counted time, "Either this", a pronoun owner', () => {
  for (const text of [
    'Other boats in the harbour were left untouched by the storm.',
    'Another ferry was held at the pier until the wind dropped.',
    'In another corner of the yard, crates of apples lay broken.',
    'Number three is a bakery in the river district.',
    'Two weeks later, the council voted to close the crossing.',
    'Later, at the station, they were shown the damaged carriages.',
    'Either this was a fault in the signal, or the driver missed it.',
    'Confirmation of its route would change the island timetable.',
  ])
    assert.ok(leansByOpening(text), text);
  for (const text of [
    'Other than the mayor, no official spoke at the meeting.',
    'The ferry council approved a new timetable on Monday.',
    'Later this year the council will vote on the crossing.',
    'Two weeks of rain flooded the river road in March.',
    'Members of the island council met on Tuesday.',
  ])
    assert.ok(!leansByOpening(text), text);
});

test('a described subject or speaker the definite-subject reader leaves: apposition, after a quote, reported', () => {
  assert.equal(describedElsewhere('The woman, dressed as a baker, walked into the shop on Monday.'), 'woman');
  assert.equal(describedElsewhere('The skipper, 54, was rescued from the water.'), 'skipper');
  assert.equal(describedElsewhere('“We saw nothing at all,” the radio host said on Friday.'), 'host');
  assert.equal(describedElsewhere('Harbour officials said the decision did not reflect any order.'), 'decis');
  assert.equal(
    describedElsewhere('Captain Rhona Vale wants this ferry to be the fastest on the coast.'),
    'ferri',
  );
  // A name in apposition, a time, a quotation's own "this": nothing to look back for.
  assert.equal(describedElsewhere('The film, Harbour Lights, opens on Friday.'), undefined);
  assert.equal(describedElsewhere('The next day, crews cleared the river road.'), undefined);
  assert.equal(describedElsewhere('“This ferry is ours,” Rhona Vale said.'), undefined);
  assert.equal(describedElsewhere('The ferry council approved a new timetable on Monday.'), undefined);
});

test('"It\'s the …" and a pronoun as what is judged lean on an earlier sentence', () => {
  assert.ok(leansByOpening("It's the council's third attempt to save the crossing."));
  assert.ok(leansByOpening('A harbour historian described it as another sign of neglect.'));
  assert.ok(!leansByOpening("It's raining on the river road again."));
  assert.ok(!leansByOpening('“They called it a disgrace,” Rhona Vale said.'));
});
