import { quantities } from '../src/analyse/quantities.js';
for (const s of process.argv.slice(2))
  console.log(s, JSON.stringify(quantities(s).map((q) => [q.text, q.frame, q.noun, q.partial ? 'partial' : '', q.share ? 'share' : '', q.conversion ? 'conv' : '', q.former ? 'former' : '', q.atLeast ? 'atLeast' : ''].filter(Boolean))));
