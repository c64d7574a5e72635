/**
 * Brief snapshots: runs the built CLI (`node dist/cli/main.js brief`) over a fixed set of inputs — the
 * samples, the examples and 20 windows of Timeline17 articles — in md, json and html, and writes each
 * output to OUT/<name>.<format>. Two snapshot folders are then compared byte for byte, which is how a
 * refactor proves that briefs did not change.
 *
 *   npx tsx bench/brief-snapshot.ts OUT [--root DIR]   # write the snapshots (needs `npm run build` first)
 *   npx tsx bench/brief-snapshot.ts --diff A B         # list the files that differ between two snapshot folders
 *
 * `--root DIR` runs another checkout's build (e.g. the commit before a refactor) on the same inputs.
 * The Timeline17 windows: for each of the first 10 topics (sorted by name), two runs of 15 consecutive
 * articles (starting at 1/3 and 2/3 of the topic), written as JSONL records `{id, date, text}` to a
 * temporary folder that is removed at the end. Every input is passed by a path relative to the folder
 * the CLI runs in, so that the sources named in a brief are the same from any checkout or temporary folder.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

const here = new URL('..', import.meta.url).pathname;
const shared = join(here, '..', 'shared', 'data');
const FORMATS = ['md', 'json', 'html'] as const;

function diff(a: string, b: string): number {
  const names = [...new Set([...readdirSync(a), ...readdirSync(b)])].sort();
  let differ = 0;
  for (const n of names) {
    const pa = join(a, n);
    const pb = join(b, n);
    if (!existsSync(pa) || !existsSync(pb)) {
      console.log(`only in one: ${n}`);
      differ++;
    } else if (!readFileSync(pa).equals(readFileSync(pb))) {
      console.log(`differs: ${n}`);
      differ++;
    }
  }
  console.log(`${names.length} files, ${differ} differ`);
  return differ ? 1 : 0;
}

function t17Windows(dir: string): Array<[string, string]> {
  const t17 = join(shared, 'timeline', 't17');
  if (!existsSync(t17)) return [];
  const topics = readdirSync(t17).sort().slice(0, 10);
  const out: Array<[string, string]> = [];
  for (const topic of topics) {
    const lines = gunzipSync(readFileSync(join(t17, topic, 'articles.jsonl.gz')))
      .toString('utf8')
      .split('\n')
      .filter(Boolean);
    for (const [k, frac] of [
      [1, 1 / 3],
      [2, 2 / 3],
    ] as const) {
      const start = Math.floor(lines.length * frac);
      const file = join(dir, `t17-${topic}-${k}.jsonl`);
      writeFileSync(file, `${lines.slice(start, start + 15).join('\n')}\n`);
      out.push([`t17-${topic}-${k}`, file]);
    }
  }
  return out;
}

function snapshot(outDir: string, root: string): void {
  mkdirSync(outDir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'newsfuse-snap-'));
  try {
    const inputs: Array<[string, string]> = [
      ['examples-harbor-fire', join(here, 'examples', 'harbor-fire')],
      ['samples-aleppo-talks', join(shared, 'samples', 'aleppo-talks')],
      ...t17Windows(tmp),
    ];
    for (const [name, path] of inputs) {
      if (!existsSync(path)) continue;
      for (const format of FORMATS) {
        let out: string;
        try {
          const cli = join(root, 'dist', 'cli', 'main.js');
          out = execFileSync('node', [cli, 'brief', '-f', format, path.split('/').pop()!], {
            cwd: dirname(path),
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            maxBuffer: 256 * 1024 * 1024,
          });
        } catch (e) {
          out = `ERROR ${(e as { status?: number }).status}\n${(e as { stdout?: string }).stdout ?? ''}`;
        }
        writeFileSync(join(outDir, `${name}.${format}`), out);
      }
      console.log(name);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--diff' && args.length === 3) process.exitCode = diff(args[1], args[2]);
else if (args.length === 1) snapshot(args[0], here);
else if (args.length === 3 && args[1] === '--root') snapshot(args[0], resolve(args[2]));
else {
  console.error('usage: bench/brief-snapshot.ts OUT | --diff A B');
  process.exitCode = 2;
}
