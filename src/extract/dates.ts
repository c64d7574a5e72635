/** Publication-date parsing for page metadata and date lines: many human formats → ISO 8601 (YYYY-MM-DD). */
import { MONTH_NAME, monthNumber } from '../language/lexicon.js';

const MONTH = `(${MONTH_NAME})\\.?`;

const pad = (n: number) => String(n).padStart(2, '0');

function iso(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Find the first explicit calendar date in a string. Returns YYYY-MM-DD or undefined. */
export function parseDate(text: string): string | undefined {
  const s = text.trim();
  let m = /\b(\d{4})-(\d{2})-(\d{2})(?:[T\s]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/.exec(
    s,
  );
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i').exec(s);
  if (m) return iso(+m[3], monthNumber(m[1])!, +m[2]);
  m = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'i').exec(s);
  if (m) return iso(+m[3], monthNumber(m[2])!, +m[1]);
  m = /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]);
  return undefined;
}

/** Keep an ISO timestamp as given when it parses; otherwise fall back to the human-format parser. */
export function normalizeDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) && !Number.isNaN(Date.parse(v))) return v;
  return parseDate(v);
}
