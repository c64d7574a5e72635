import { figureConflicts, mentionsOf } from '../src/analyse/disagreements.js';
import { runPipeline } from '../src/pipeline.js';
const { briefs, articles } = await runPipeline([process.argv[2]], { words: 120 });
console.log(JSON.stringify(briefs[0].disagreements?.map((d) => [d.kind, d.about, d.values.map((v) => [v.value, v.attributedTo])]), null, 0));
