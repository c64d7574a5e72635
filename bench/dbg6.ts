import { mentionsOf, sameThing } from '../src/analyse/disagreements.js';
import type { Sentence } from '../src/model.js';
const ss: Sentence[] = process.argv.slice(2).map((text, i) => ({ articleId: `a${i}`, index: 0, paragraph: 0, start: 0, end: text.length, text }));
const ms = mentionsOf(ss, new Map());
for (const m of ms) console.log(m.q.text, m.q.frame, JSON.stringify({ subject: m.subject, anchors: [...m.anchors], near: [...m.near], local: [...m.local], years: [...m.years], src: m.source, per: m.per, qual: m.qualifiers }));
for (let i = 0; i < ms.length; i++) for (let j = i + 1; j < ms.length; j++) console.log(ms[i].q.text, ms[j].q.text, sameThing(ms[i], ms[j]));
