import { runPipeline } from '../src/pipeline.js';
const { briefs } = await runPipeline([process.argv[2]], { words: 120 });
for (const s of briefs[0].sources) console.log(s.ref, s.published, s.source);
