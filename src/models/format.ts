/**
 * The one way model files are written, so that a retrained model is byte-identical to the committed one
 * when nothing changed (and `npm run models:check` can compare bytes): two-space indentation, the keys of
 * every object in code-point order (the header first at the top), an array of numbers or strings on one
 * line, numbers as JavaScript prints them (the shortest form that reads back to the same double), a
 * trailing newline. No locale or runtime setting changes the output.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function scalar(value: null | boolean | number | string): string {
  if (value === undefined) throw new Error('no JSON for undefined in an array');
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new Error(`no JSON for the number ${value}`);
  return JSON.stringify(value);
}

function write(value: Json, indent: string, top: boolean): string {
  if (value === null || typeof value !== 'object') return scalar(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map(scalar).join(', ')}]`;
    return `[\n${value.map((v) => inner + write(v, inner, false)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort((a, b) => (top ? Number(b === 'header') - Number(a === 'header') : 0) || byCodePoint(a, b));
  if (!keys.length) return '{}';
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${write(value[k], inner, false)}`).join(',\n')}\n${indent}}`;
}

/** A model (or any JSON value) as the text of its file. */
export function formatModel(model: object): string {
  return `${write(model as Json, '', true)}\n`;
}
