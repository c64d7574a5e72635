/**
 * Learned data (trained weights, learned lexicons) lives in `models/NAME.json` at the package root, not in
 * the code: one JSON file per model, written by its trainer in scripts/train/ and shipped with the package.
 * Each file opens with a header that says what it is, what produced it and for which feature set it was
 * trained; the code that reads a model names the feature set it computes, and a model trained for another
 * one is refused (its weights would be read against the wrong features: silently worse results).
 * A model is read on its first use and kept, so a command that never needs it never reads it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The version of the file layout (header and JSON conventions) this code reads. */
export const MODEL_FORMAT = 1;

export interface ModelHeader {
  format: number;
  /** The file's name without `.json`. */
  name: string;
  /** What the model is, in a sentence or two. */
  about: string;
  /** The script that wrote it, relative to the package root. */
  trainer: string;
  /** The training data: the file's name and the SHA-256 of its bytes. */
  data: { file: string; sha256: string };
  /** featureHash of the feature set it was trained for. */
  features: string;
  /** The trainer's settings. */
  settings?: Record<string, number | string | boolean>;
  /** SHA-256 of the model files the trainer built on. */
  inputs?: Record<string, string>;
  /** What the trainer measured (cross-validation scores, counts). */
  results?: Record<string, number>;
}

/** What every model file holds: the header, then the model's own tables. */
export interface ModelFile {
  header: ModelHeader;
}

/** What the consuming code expects of a model. */
export interface ModelSpec {
  /** The file's name without `.json`. */
  name: string;
  /** The feature set the code computes (its templates and version), compared by hash with the header's. */
  features: readonly string[];
  /** Where the feature set is declared, for the error message. */
  declaredIn: string;
  /** The command that retrains the model, for the error messages. */
  retrain: string;
}

/** The hash that names a feature set: SHA-256 of its lines, 16 hex digits. */
export function featureHash(features: readonly string[]): string {
  return createHash('sha256').update(features.join('\n')).digest('hex').slice(0, 16);
}

/** models/ beside src/ and dist/ alike: this file is src/models/load.ts or dist/models/load.js. */
const PACKAGE_MODELS = fileURLToPath(new URL('../../models/', import.meta.url));

let dir = PACKAGE_MODELS;
const cache = new Map<string, ModelFile>();

/** The folder models are read from. */
export function modelsDir(): string {
  return dir;
}

/**
 * Read models from another folder (trainers building a fresh set, tests); no argument: the package's own.
 * Forgets the models read so far.
 */
export function useModelsDir(folder?: string): void {
  dir = folder ?? PACKAGE_MODELS;
  cache.clear();
}

/** The model `spec.name`, read and checked on first use, then kept. Throws when it is missing or unfit. */
export function loadModel<T extends ModelFile>(spec: ModelSpec): T {
  const cached = cache.get(spec.name);
  if (cached) return cached as T;
  const path = join(dir, `${spec.name}.json`);
  const shown = dir === PACKAGE_MODELS ? `models/${spec.name}.json` : path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`${shown} cannot be read (${(e as Error).message}): train it with ${spec.retrain}`);
  }
  let model: T;
  try {
    model = JSON.parse(text) as T;
  } catch (e) {
    throw new Error(`${shown} is no valid JSON (${(e as Error).message}): retrain with ${spec.retrain}`);
  }
  checkHeader(model?.header, spec, shown);
  cache.set(spec.name, model);
  return model;
}

function checkHeader(header: ModelHeader | undefined, spec: ModelSpec, shown: string): void {
  const retrain = `retrain with ${spec.retrain}`;
  if (!header || typeof header !== 'object') throw new Error(`${shown} has no header: ${retrain}`);
  if (header.format !== MODEL_FORMAT)
    throw new Error(
      `${shown} has format ${header.format}, this code reads format ${MODEL_FORMAT}: ${retrain}`,
    );
  if (header.name !== spec.name)
    throw new Error(`${shown} holds the model "${header.name}", not "${spec.name}": ${retrain}`);
  const expected = featureHash(spec.features);
  if (header.features !== expected)
    throw new Error(
      `${shown} was trained for feature set ${header.features}, code expects ${expected} ` +
        `(declared in ${spec.declaredIn}): ${retrain}`,
    );
}

/**
 * A value made from a model (its tables as maps and sets), made once per model read: `make` runs on the
 * first call and again only after the model was read anew (useModelsDir).
 */
export function derived<M extends object, T>(load: () => M, make: (model: M) => T): () => T {
  const made = new WeakMap<M, T>();
  return () => {
    const model = load();
    let value = made.get(model);
    if (value === undefined) made.set(model, (value = make(model)));
    return value;
  };
}

/**
 * The model a stage uses, which its trainer and tests may replace: `current()` is the replacement when one is
 * set, else `shipped()` (read on first use, as `loadModel` keeps it); `use(model)` sets the replacement
 * (`null`: no model, the stage's rules decide alone), `use()` goes back to the shipped model.
 */
export function modelSlot<T>(shipped: () => T | null): {
  current: () => T | null;
  use: (model?: T | null) => void;
} {
  let replacement: T | null | undefined;
  return {
    current: () => (replacement === undefined ? shipped() : replacement),
    use: (model) => {
      replacement = model;
    },
  };
}
