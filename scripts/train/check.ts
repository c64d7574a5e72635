/**
 * `npm run models:check`: retrains every model into a temporary folder, in dependency order (the ranker's
 * candidates are made with the freshly trained cue lexicons: `--models` points at that folder), compares
 * each file byte for byte with the committed one in models/, removes the folder, and exits non-zero on
 * any difference. Catches a model that no longer matches its trainer, its data or the code's features.
 *   npm run models:check [-- --data FILE]   (FILE: the quote trainers' data; paraphrase keeps its own)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/**
 * Each model after those it builds on (the same order as `npm run train`): the quote trainers read entities
 * and the same-story model the tagger's name lists, so the NER model comes first; the block model reads the
 * containers the container ranker picks, the non-article model the extractor's output (both), and the same-story trainer's streams mark non-articles with it;
 * the dangling-reference gate's trainer rebuilds the brief dev set's stories through extraction (so it comes last).
 */
const TRAINERS = [
  'ner',
  'quote-cues',
  'quote-noun-cues',
  'quote-ranker',
  'paraphrase',
  'extract-containers',
  'extract-blocks',
  'non-article',
  'same-story',
  'dangling',
];
/** The trainers that read the quote data --data names (the NER trainer reads CoNLL-2003, the paraphrase trainer MSRP). */
const QUOTE_TRAINERS = new Set(['quote-cues', 'quote-noun-cues', 'quote-ranker']);

const args = process.argv.slice(2);
const data = args.includes('--data') ? ['--data', args[args.indexOf('--data') + 1]] : [];
const committed = join(ROOT, 'models');
const fresh = mkdtempSync(join(tmpdir(), 'newsfuse-models-'));
const t0 = Date.now();
let failed = false;
try {
  for (const name of TRAINERS) {
    const script = join(ROOT, 'scripts/train', `${name}.ts`);
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        script,
        '--out',
        fresh,
        '--models',
        fresh,
        ...(QUOTE_TRAINERS.has(name) ? data : []),
      ],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (run.status !== 0)
      throw new Error(`scripts/train/${name}.ts failed (exit ${run.status ?? run.signal})`);
  }
  const names = new Set(
    [...readdirSync(committed), ...readdirSync(fresh)].filter((f) => f.endsWith('.json')),
  );
  for (const file of [...names].sort()) {
    const read = (dir: string) => {
      try {
        return readFileSync(join(dir, file));
      } catch {
        return undefined;
      }
    };
    const [old, now] = [read(committed), read(fresh)];
    if (old && now && old.equals(now)) {
      console.log(`models/${file}: same`);
      continue;
    }
    failed = true;
    if (!old) console.log(`models/${file}: not committed (a trainer writes it)`);
    else if (!now) console.log(`models/${file}: no trainer writes it`);
    else {
      const [a, b] = [old.toString('utf8').split('\n'), now.toString('utf8').split('\n')];
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      console.log(
        `models/${file}: differs from line ${i + 1}\n  committed: ${a[i] ?? '(end)'}\n  retrained: ${b[i] ?? '(end)'}`,
      );
    }
  }
} catch (e) {
  failed = true;
  console.error((e as Error).message);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
console.log(
  `${failed ? 'models differ from what the trainers make: retrain with npm run train' : 'models match their trainers'} (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
);
process.exit(failed ? 1 : 0);
