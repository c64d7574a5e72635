import { sharedDocs } from '/work/wt-nonart/src/eval/shared-docs.js';
const d = sharedDocs('/work/shared/data');
const [topic, idx, from, len] = process.argv.slice(2);
const t = d.topic(topic)![Number(idx)].text;
console.log(t.slice(Number(from ?? 0), Number(from ?? 0) + Number(len ?? 2000)).replace(/\n+/g,' ⏎ '));
