/**
 * What the trainers share: their command line and the writing of a model file (src/models/format.ts) with
 * its header (src/models/load.ts). Every trainer takes
 *   --data FILE   the training data (default: the PolNeAR train split in ../shared/data/quotes/)
 *   --out DIR     where to write the model (default: the package's models/)
 *   --models DIR  where to read the models it builds on (default: the package's models/)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatModel } from '../../src/models/format.js';
import {
  featureHash,
  MODEL_FORMAT,
  type ModelHeader,
  modelsDir,
  useModelsDir,
} from '../../src/models/load.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TRAIN_SPLIT = resolve(ROOT, '../shared/data/quotes/polnear-train.jsonl.gz');

export function trainerArgs(argv: string[] = process.argv.slice(2)) {
  const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const models = arg('--models');
  if (models) useModelsDir(resolve(models));
  return {
    argv,
    arg,
    data: resolve(arg('--data') ?? TRAIN_SPLIT),
    out: resolve(arg('--out') ?? join(ROOT, 'models')),
  };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The SHA-256 of a model file the trainer built on (read from the --models folder). */
export function inputModelHash(name: string): string {
  return sha256(readFileSync(join(modelsDir(), `${name}.json`)));
}

/**
 * JSON text with every character outside ASCII written as a \uXXXX escape (JSON reads it back the same). Node
 * reads a file of ASCII into a one-byte string, and parses it about twice as fast as the same text in UTF-8.
 */
export function asciiJson(text: string): string {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Writes out/NAME.json: the header (format, data file and hash, feature-set hash added) and the tables;
 * with `ascii`, as asciiJson (for a large model read at start-up).
 */
export function writeModel(
  out: string,
  data: string,
  header: Omit<ModelHeader, 'format' | 'data' | 'features'> & { features: readonly string[] },
  tables: Record<string, unknown>,
  options: { ascii?: boolean } = {},
): string {
  const model = {
    header: {
      ...header,
      format: MODEL_FORMAT,
      data: { file: basename(data), sha256: sha256(readFileSync(data)) },
      features: featureHash(header.features),
    },
    ...tables,
  };
  mkdirSync(out, { recursive: true });
  const path = join(out, `${header.name}.json`);
  const text = formatModel(model);
  writeFileSync(path, options.ascii ? asciiJson(text) : text);
  return path;
}
