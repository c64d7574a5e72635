/**
 * Fault injection for tests: `node --import tsx --import ./test/fault-loader.mjs …` makes the quotation
 * scanner (src/language/quotations.ts) throw on any text containing INJECTED-FAULT, standing in for an
 * unknown bug that one page triggers. Nothing else changes.
 */
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

// Imported with --import, this file registers itself; in the loader thread it is the hook.
if (isMainThread) register(import.meta.url);

const TARGET = '/src/language/quotations.ts';
/** The function's head in the JavaScript tsx hands over (minified or not); group 1 is its parameter. */
const ENTRY = /function quotations\((\w+)\)\s*\{/;

export async function load(url, context, nextLoad) {
  const loaded = await nextLoad(url, context);
  if (!url.split('?')[0].endsWith(TARGET)) return loaded;
  const source = String(loaded.source);
  if (!ENTRY.test(source)) throw new Error(`fault-loader: no quotations() entry found in ${url}`);
  const poisoned = source.replace(
    ENTRY,
    (entry, text) => `${entry}if(${text}.includes('INJECTED-FAULT'))throw new Error('injected fault');`,
  );
  return { ...loaded, source: poisoned };
}
