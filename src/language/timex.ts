/**
 * Time expressions: find them in text and normalize them to TIMEX3 values against a reference date (the
 * article's publication date), in the manner of rule-based taggers such as HeidelTime.
 *
 *   "on Thursday" (article of Fri 2016-12-02)  → DATE 2016-12-01
 *   "late September" (article of 2016-12-01)   → DATE 2016-09 (mod END)
 *   "last week" → 2016-W47 · "the third quarter" → 2016-Q3 · "a year ago" → 2015
 *   "for about two weeks" → DURATION P2W · "24 hours" → PT24H · "every week" → SET P1W
 *
 * Each rule is one regular expression with a normalizer; all rules scan the text once, overlapping
 * matches keep the longest. Weekdays and bare months resolve to the past unless the sentence speaks of
 * the future ("will", "next", "is to", "scheduled"). Pure and linear in the text.
 */
import {
  MONTH_NAME,
  MONTH_WITH_DOT,
  monthNumber,
  NUMBER_WORDS,
  ordinalValue,
  parseNumberWords,
  WEEKDAY_NAME,
  WEEKDAYS_LOWER,
} from './lexicon.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface Timex {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  /** TIMEX3 value: 2016-12-01, 2016-09, 2016-W48, 2016-Q3, 1998-02-11T22:00, P2W, PAST_REF, ... */
  value: string;
  /** TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN. */
  mod?: string;
  /**
   * "six days later", "two weeks earlier": the signed count from the date the sentence continues from (the
   * value is counted from the page's date; `articleTimexes` counts it from the previous dated sentence).
   */
  shift?: { n: number; unit: 'D' | 'M' | 'Y' };
}

interface Ref {
  y: number;
  m: number; // 1-12
  d: number;
}

interface Found {
  type: TimexType;
  value: string;
  mod?: string;
  shift?: Timex['shift'];
}

type Rule = [RegExp, (m: RegExpExecArray, ctx: Context) => Found | undefined];

interface Context {
  ref?: Ref;
  /** The sentence around the match speaks of the future. */
  future: boolean;
  /** The sentence reports the past (a past-tense verb) and does not speak of the future. */
  past: boolean;
  /** "until", "by", "till" just before the expression: a deadline, still to come. */
  deadline: boolean;
  text: string;
  index: number;
}

const UNIT: Record<string, string> = {
  second: 'TS',
  minute: 'TM',
  hour: 'TH',
  day: 'D',
  night: 'D',
  week: 'W',
  fortnight: 'W',
  month: 'M',
  quarter: 'Q',
  year: 'Y',
  decade: 'DE',
  century: 'CE',
  centurie: 'CE',
};

/** Re-exported from the lexicon for modules that imported it from here (captions, quantities before the lexicon). */
export { MONTH_NAME };

const MONTH = MONTH_WITH_DOT;
const WEEKDAY = WEEKDAY_NAME;
/** A count before a unit: figures, number words ("seventeen", "twenty-one", "a hundred"), vague counts. */
const NUM = String.raw`(?:\d+(?:\.\d+)?|${NUMBER_WORDS}|a|an|several|a few|few|a couple of|couple of)`;
const UNITS =
  '(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))';
const HEDGE =
  '(?:about|around|roughly|nearly|almost|some|approximately|more than|over|at least|less than|under|up to)';
const HEDGE_MOD: Record<string, string> = {
  about: 'APPROX',
  around: 'APPROX',
  roughly: 'APPROX',
  nearly: 'LESS_THAN',
  almost: 'LESS_THAN',
  some: 'APPROX',
  approximately: 'APPROX',
  'more than': 'MORE_THAN',
  over: 'MORE_THAN',
  'at least': 'EQUAL_OR_MORE',
  'less than': 'LESS_THAN',
  under: 'LESS_THAN',
  'up to': 'EQUAL_OR_LESS',
};
const SEASON = '(?:spring|summer|autumn|fall|winter)';
const SEASONS: Record<string, string> = {
  spring: 'SP',
  summer: 'SU',
  autumn: 'FA',
  fall: 'FA',
  winter: 'WI',
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const ym = (y: number, m: number) => `${pad(y, 4)}-${pad(m)}`;

function fromDate(dt: Date): Ref {
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}
const toDate = (r: Ref) => new Date(Date.UTC(r.y, r.m - 1, r.d));
const addDays = (r: Ref, n: number) => fromDate(new Date(toDate(r).getTime() + n * 86_400_000));
const addMonths = (r: Ref, n: number) => {
  const total = r.y * 12 + (r.m - 1) + n;
  return { y: Math.floor(total / 12), m: (total % 12) + 1, d: 1 };
};

/** ISO 8601 week of a day: "2016-W48". */
function isoWeek(r: Ref): string {
  const dt = toDate(r);
  const day = (dt.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(dt.getTime() + (3 - day) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return `${year}-W${pad(week)}`;
}

const num = (s: string): number | undefined => {
  const k = s.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d/.test(k)) return Number(k);
  if (k === 'several' || k.endsWith('few') || k.includes('couple')) return undefined;
  return parseNumberWords(k);
};

const unitOf = (s: string) =>
  UNIT[s.toLowerCase().replace(/s$/, '').replace(/ie$/, 'ie')] ?? UNIT[s.toLowerCase().replace(/ies$/, 'y')];

/** P2W, PT24H, P10Y, P2L, PXY for "several years". */
function duration(n: number | undefined, unit: string): string {
  const u = unitOf(unit);
  if (!u) return 'PXX';
  const count = n === undefined ? 'X' : String(n);
  if (u === 'Q') return n === undefined ? 'PXQ' : `P${n * 3}M`;
  if (u === 'DE') return n === undefined ? 'PXDE' : `P${n * 10}Y`;
  if (u.startsWith('T')) return `PT${count}${u[1]}`;
  // Whole thousands of years are millennia, as TimeML writes them: "two thousand years" → P2L.
  if (u === 'Y' && n !== undefined && n >= 1000 && n % 1000 === 0) return `P${n / 1000}L`;
  return `P${count}${u}`;
}

/** A weekday resolved to a date: the latest one on or before the reference (or the next one after it). */
function weekday(name: string, ctx: Context, direction?: 'last' | 'next' | 'this'): string | undefined {
  if (!ctx.ref) return undefined;
  const target = WEEKDAYS_LOWER.indexOf(name.toLowerCase());
  const today = toDate(ctx.ref).getUTCDay();
  // "on Sunday" in a page of a Sunday is that day, whatever the tense ("said on Sunday the talks would resume").
  if (!direction && target === today) return ymd(ctx.ref.y, ctx.ref.m, ctx.ref.d);
  const future = direction === 'next' || (direction !== 'last' && (ctx.future || ctx.deadline));
  let delta: number;
  if (future) {
    delta = (target - today + 7) % 7;
    if (delta === 0) delta = 7;
  } else {
    delta = -((today - target + 7) % 7);
    if (direction === 'last' && delta === 0) delta = -7;
  }
  const r = addDays(ctx.ref, delta);
  return ymd(r.y, r.m, r.d);
}

/**
 * The year of a month mentioned without one: the nearest such month to the reference date (ties go to
 * the past: news looks back), or the nearest one ahead when the sentence speaks of the future.
 */
function yearForMonth(month: number, ctx: Context, direction?: string): number | undefined {
  if (!ctx.ref) return undefined;
  const { y, m } = ctx.ref;
  if (direction === 'last') return month >= m ? y - 1 : y;
  if (direction === 'next') return month <= m ? y + 1 : y;
  if (direction === 'this') return y;
  const here = y * 12 + m;
  let best = y;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const cand of [y - 1, y, y + 1]) {
    const gap = cand * 12 + month - here;
    if (ctx.future && gap < 0) continue;
    const cost = Math.abs(gap) + (gap > 0 ? 0.5 : 0);
    if (cost < bestGap) {
      best = cand;
      bestGap = cost;
    }
  }
  // Past-tense reporting does not speak of a month a season ahead: that month is the last one.
  if (ctx.past && !ctx.deadline && best * 12 + month - here >= PAST_SLACK_MONTHS) return best - 1;
  return best;
}

/** The year "last year", "next year", "this year" after a month or a day name, against the page's year. */
function relativeYear(word: string | undefined, ctx: Context): number | undefined {
  if (!word || !ctx.ref) return undefined;
  const w = word.toLowerCase();
  return ctx.ref.y + (w === 'last' ? -1 : w === 'next' ? 1 : 0);
}

function monthDay(
  monthName: string,
  day: number,
  year: number | undefined,
  ctx: Context,
  relative?: string,
): Found | undefined {
  const month = monthNumber(monthName);
  if (!month || day < 1 || day > 31) return undefined;
  let y = year ?? relativeYear(relative, ctx);
  if (y === undefined && ctx.ref) {
    y = yearForMonth(month, { ...ctx, past: false });
    // Past-tense reporting of a bare day more than a season ahead: its latest occurrence instead.
    const ahead = (Date.UTC(y!, month - 1, day) - Date.UTC(ctx.ref.y, ctx.ref.m - 1, ctx.ref.d)) / 86_400_000;
    if (ctx.past && !ctx.deadline && ahead >= PAST_SLACK_MONTHS * 30) y = y! - 1;
  }
  y ??= yearForMonth(month, ctx);
  return { type: 'DATE', value: y === undefined ? `XXXX-${pad(month)}-${pad(day)}` : ymd(y, month, day) };
}

/** A date N units (of UNIT's codes) before (sign -1) or after (+1) a reference, at the unit's precision. */
function relativeDate(n: number, u: string | undefined, sign: number, ref: Ref): Found | undefined {
  if (u === 'Y') return { type: 'DATE', value: String(ref.y + sign * n) };
  if (u === 'M') {
    const r = addMonths(ref, sign * n);
    return { type: 'DATE', value: ym(r.y, r.m) };
  }
  if (u === 'W' || u === 'D') {
    const r = addDays(ref, sign * n * (u === 'W' ? 7 : 1));
    return { type: 'DATE', value: ymd(r.y, r.m, r.d) };
  }
  if (u === 'DE') return { type: 'DATE', value: String(ref.y + sign * 10 * n).slice(0, 3) };
  return undefined;
}

const MOD: Record<string, string> = {
  early: 'START',
  late: 'END',
  mid: 'MID',
  'mid-': 'MID',
  middle: 'MID',
  end: 'END',
  beginning: 'START',
  start: 'START',
};

const RULES: Rule[] = [
  // 2016-12-01, 12/01/2016 (month first, as US wire copy writes it)
  [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => ({ type: 'DATE', value: `${m[1]}-${m[2]}-${m[3]}` })],
  [
    /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g,
    (m) => {
      const y = m[3].length === 2 ? 1900 + Number(m[3]) + (Number(m[3]) < 50 ? 100 : 0) : Number(m[3]);
      const [mo, d] = [Number(m[1]), Number(m[2])];
      return mo <= 12 && d <= 31 ? { type: 'DATE', value: ymd(y, mo, d) } : undefined;
    },
  ],
  // (Thursday,) December 1(st)(,) (2016) · (Thursday) 1 December (2016)
  [
    new RegExp(
      String.raw`\b(?:${WEEKDAY},?\s+)?(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b|\s+(?:of\s+)?(last|next|this)\s+year\b)?`,
      'g',
    ),
    (m, ctx) => monthDay(m[1], Number(m[2]), m[3] ? Number(m[3]) : undefined, ctx, m[4]),
  ],
  [
    new RegExp(
      String.raw`\b(?:${WEEKDAY},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH})(?:,?\s+(\d{4})\b|\s+(?:of\s+)?(last|next|this)\s+year\b)?`,
      'g',
    ),
    (m, ctx) => monthDay(m[2], Number(m[1]), m[3] ? Number(m[3]) : undefined, ctx, m[4]),
  ],
  // (early|late|mid-) December 2016 · (last|next|this) December · December
  [
    new RegExp(
      String.raw`\b(?:(early|late|mid-?|the (?:beginning|end|middle|start) of)\s*)?(?:(last|next|this|since)\s+)?(${MONTH})(?:,?\s+(\d{4})|\s+(?:of\s+)?(last|next|this)\s+year)?\b`,
      'g',
    ),
    (m, ctx) => {
      const month = monthNumber(m[3]);
      if (!month) return undefined;
      // "May" alone is usually the verb.
      if (/^May$/.test(m[3]) && !m[1] && !m[2] && !m[4] && !m[5]) return undefined;
      const direction = m[2] === 'since' ? 'last' : m[2];
      const y = m[4] ? Number(m[4]) : (relativeYear(m[5], ctx) ?? yearForMonth(month, ctx, direction));
      const modWord = m[1]?.replace(/^the |\s+of$/g, '').replace(/-$/, '-');
      return {
        type: 'DATE',
        value: y === undefined ? `XXXX-${pad(month)}` : ym(y, month),
        ...(modWord ? { mod: MOD[modWord] ?? MOD[modWord.replace(/-$/, '')] } : {}),
      };
    },
  ],
  // Weekdays: (last|next|this|on) Thursday (morning|night)
  [
    new RegExp(
      String.raw`\b(?:(last|next|this|coming)\s+)?(${WEEKDAY})(?:\s+(morning|afternoon|evening|night))?\b`,
      'g',
    ),
    (m, ctx) => {
      const day = weekday(
        m[2],
        ctx,
        m[1] === 'coming' ? 'next' : (m[1] as 'last' | 'next' | 'this' | undefined),
      );
      if (!day) return { type: 'DATE', value: 'XXXX-XX-XX' };
      const part = m[3] && { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' }[m[3]];
      return part ? { type: 'TIME', value: `${day}T${part}` } : { type: 'DATE', value: day };
    },
  ],
  // today, yesterday, tomorrow, tonight, this morning, last night
  [
    /\b(today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening)|last night|the day before yesterday|the day after tomorrow)\b/gi,
    (m, ctx) => {
      if (!ctx.ref) return { type: 'DATE', value: 'XXXX-XX-XX' };
      const w = m[1].toLowerCase();
      const shift =
        w === 'yesterday' || w === 'last night'
          ? -1
          : w === 'tomorrow'
            ? 1
            : w.includes('before')
              ? -2
              : w.includes('after')
                ? 2
                : 0;
      const r = addDays(ctx.ref, shift);
      const day = ymd(r.y, r.m, r.d);
      const part = /night/.test(w)
        ? 'NI'
        : /morning/.test(w)
          ? 'MO'
          : /afternoon/.test(w)
            ? 'AF'
            : /evening/.test(w)
              ? 'EV'
              : '';
      return part ? { type: 'TIME', value: `${day}T${part}` } : { type: 'DATE', value: day };
    },
  ],
  // Clock times: 3 p.m., 10:30 a.m., 22:00 GMT, noon, midnight
  [
    /\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?(?=\W|$)|\b(\d{1,2}):(\d{2})\s*(?:GMT|UTC|local time)\b|\b(noon|midnight)\b/gi,
    (m, ctx) => {
      let h: number;
      let min = 0;
      if (m[6]) h = m[6].toLowerCase() === 'noon' ? 12 : 24;
      else if (m[3]) {
        h = (Number(m[1]) % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
        min = m[2] ? Number(m[2]) : 0;
      } else {
        h = Number(m[4]);
        min = Number(m[5]);
      }
      if (h > 24 || min > 59) return undefined;
      const day = ctx.ref ? ymd(ctx.ref.y, ctx.ref.m, ctx.ref.d) : 'XXXX-XX-XX';
      return { type: 'TIME', value: `${day}T${pad(h)}:${pad(min)}` };
    },
  ],
  // Quarters and halves: the third quarter, third-quarter, the fourth quarter of 2015, the first half
  [
    /\b(?:the\s+)?(?:(this year's|last year's|(\d{4})'s?)\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[- ](quarter|half)(?:\s+of\s+(?:(\d{4})|(this|last|next) year))?\b/gi,
    (m, ctx) => {
      const n = ordinalValue(m[3])!;
      const half = m[4].toLowerCase() === 'half';
      let y = m[2] ? Number(m[2]) : m[5] ? Number(m[5]) : ctx.ref?.y;
      if (y === undefined) return { type: 'DATE', value: `XXXX-${half ? 'H' : 'Q'}${n}` };
      const rel = (m[1] ?? m[6] ?? '').toLowerCase();
      if (rel.startsWith('last')) y--;
      else if (rel.startsWith('next')) y++;
      else if (!m[2] && !m[5] && ctx.ref && !half && (n - 1) * 3 + 1 > ctx.ref.m && !ctx.future) y--;
      return { type: 'DATE', value: `${y}-${half ? 'H' : 'Q'}${n}` };
    },
  ],
  // The latest / year-ago quarter or period
  [
    /\b(?:the\s+)?(latest|current|last|year-ago|year-earlier|same)\s+(quarter|period)\b|\bthe\s+(quarter)\b/gi,
    (m, ctx) => {
      if (!ctx.ref) return { type: 'DATE', value: 'XXXX-QX' };
      const q = Math.floor((ctx.ref.m - 1) / 3); // the last complete quarter is q (1-based: q, or Q4 of last year)
      let y = ctx.ref.y;
      let quarter = q;
      if (quarter === 0) {
        quarter = 4;
        y--;
      }
      const w = (m[1] ?? '').toLowerCase();
      if (w === 'current') return { type: 'DATE', value: `${ctx.ref.y}-Q${q + 1}` };
      if (w === 'year-ago' || w === 'year-earlier' || w === 'same') y--;
      return { type: 'DATE', value: `${y}-Q${quarter}` };
    },
  ],
  // Seasons: this summer, last winter, summer 2015, the spring
  [
    new RegExp(
      String.raw`\b(?:(this|last|next|early|late|the)\s+)?(${SEASON})(?:\s+(?:of\s+)?(\d{4}))?\b`,
      'gi',
    ),
    (m, ctx) => {
      const code = SEASONS[m[2].toLowerCase()];
      if (m[2].toLowerCase() === 'fall' && !m[1] && !m[3]) return undefined; // the verb
      if (!m[1] && !m[3] && m[2].toLowerCase() === 'spring') return undefined;
      let y = m[3] ? Number(m[3]) : ctx.ref?.y;
      if (y === undefined) return { type: 'DATE', value: `XXXX-${code}` };
      const w = (m[1] ?? '').toLowerCase();
      if (w === 'last') y--;
      if (w === 'next') y++;
      return {
        type: 'DATE',
        value: `${y}-${code}`,
        ...(w === 'early' ? { mod: 'START' } : w === 'late' ? { mod: 'END' } : {}),
      };
    },
  ],
  // Decades: the 1990s, the '90s
  [
    /\b(?:the\s+)?(?:(early|mid|late)[- ])?(?:(\d{3})0s|'(\d)0s)\b/gi,
    (m) => ({
      type: 'DATE',
      value: m[2] ?? `19${m[3]}`,
      ...(m[1] ? { mod: MOD[m[1].toLowerCase()] } : {}),
    }),
  ],
  // N units ago / earlier / later / from now: a date
  [
    new RegExp(String.raw`\b(${NUM})[- ](${UNITS})\s+(ago|earlier|before|later|from now|hence)\b`, 'gi'),
    (m, ctx) => {
      const n = num(m[1]);
      const u = unitOf(m[2]);
      const sign = /ago|earlier|before/i.test(m[3]) ? -1 : 1;
      if (!ctx.ref || n === undefined) return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' };
      const found = relativeDate(n, u, sign, ctx.ref);
      if (found && /^(?:later|earlier)$/i.test(m[3]) && (u === 'D' || u === 'W' || u === 'M' || u === 'Y'))
        return {
          ...found,
          shift: { n: sign * n * (u === 'W' ? 7 : 1), unit: u === 'W' ? 'D' : (u as 'D' | 'M' | 'Y') },
        };
      return found ?? { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' };
    },
  ],
  // last/this/next week|month|year, earlier this year, early next year, the past year, the coming week
  [
    /\b(?:(earlier|later|early|late|mid|the end of|the beginning of|the middle of|the start of)\s+)?(last|this|next|the past|the previous|the coming|the current|the same|the following|past|previous|the prior)\s+(week|month|year|decade|weekend|fiscal year)\b/gi,
    (m, ctx) => {
      const rel = m[2].toLowerCase().replace(/^the /, '');
      const unit = m[3].toLowerCase();
      const mod = m[1] ? MOD[m[1].toLowerCase().replace(/^the |\s+of$/g, '')] : undefined;
      const withMod = (f: Found): Found => (mod ? { ...f, mod } : f);
      if (!ctx.ref) return { type: 'DATE', value: 'XXXX' };
      const step = /last|past|previous|prior/.test(rel) ? -1 : /next|coming|following/.test(rel) ? 1 : 0;
      if (unit === 'year' || unit === 'fiscal year')
        return withMod({ type: 'DATE', value: String(ctx.ref.y + step) });
      if (unit === 'month') {
        const r = addMonths(ctx.ref, step);
        return withMod({ type: 'DATE', value: ym(r.y, r.m) });
      }
      if (unit === 'decade') return { type: 'DATE', value: String(ctx.ref.y + step * 10).slice(0, 3) };
      if (unit === 'weekend') {
        const sat = (toDate(ctx.ref).getUTCDay() + 1) % 7; // days since Saturday
        const base =
          step > 0 ? addDays(ctx.ref, 7 - sat) : step < 0 || sat > 1 ? addDays(ctx.ref, -sat || -7) : ctx.ref;
        return { type: 'DATE', value: `${isoWeek(base)}-WE` };
      }
      return withMod({ type: 'DATE', value: isoWeek(addDays(ctx.ref, 7 * step)) });
    },
  ],
  // a year earlier / a year ago handled above; "the weekend", "the day", "the year", "the full year", "year-end"
  [
    /\b(?:the\s+)?(weekend|full year|fiscal year|year-end|year end|end of the year)\b/gi,
    (m, ctx) => {
      if (!ctx.ref) return { type: 'DATE', value: 'XXXX' };
      const w = m[1].toLowerCase();
      if (w === 'weekend') {
        const sat = (toDate(ctx.ref).getUTCDay() + 1) % 7;
        return { type: 'DATE', value: `${isoWeek(addDays(ctx.ref, ctx.future ? 7 - sat : -sat))}-WE` };
      }
      if (w.includes('end')) return { type: 'DATE', value: `${ctx.ref.y}-12-31` };
      return { type: 'DATE', value: String(ctx.ref.y) };
    },
  ],
  // Years: in 2016, fiscal 1989, the 1988 period, 2016's
  [
    /\b(?:(?:fiscal|calendar|the|in|since|by|until|of|during|from|to|through|before|after|early|late|mid-?)\s+)?((?:19|20)\d\d)\b(?!\s*(?:%|percent|people|[a-z]+s\b))(?:\s+period)?/gi,
    (m) => {
      const before = m[0].slice(0, m[0].indexOf(m[1])).trim().toLowerCase();
      const mod = MOD[before.replace(/-$/, '')];
      return { type: 'DATE', value: m[1], ...(mod ? { mod } : {}) };
    },
  ],
  // References: now, currently, recently, the past, the future, soon, previously, recent years
  [
    /\b(now|currently|current|nowadays|at present|presently|recently|recent (?:years|months|weeks|days)|recent|lately|in the past|the past|the future|in future|soon|one day|someday)\b/gi,
    (m, ctx) => {
      const w = m[1].toLowerCase();
      if (
        w === 'current' &&
        !/^\s+(?:quarter|year|month|week|period|fiscal)/i.test(ctx.text.slice(ctx.index + m[0].length))
      )
        return { type: 'DATE', value: 'PRESENT_REF' };
      if (w.startsWith('recent '))
        return {
          type: 'DURATION',
          value: `PX${w.includes('year') ? 'Y' : w.includes('month') ? 'M' : w.includes('week') ? 'W' : 'D'}`,
        };
      if (/^(now|currently|current|nowadays|at present|presently)$/.test(w))
        return { type: 'DATE', value: 'PRESENT_REF' };
      if (/future|soon|one day|someday/.test(w)) return { type: 'DATE', value: 'FUTURE_REF' };
      return { type: 'DATE', value: 'PAST_REF' };
    },
  ],
  // Sets: every week, each year, weekly, daily, annually, a year (after a rate), per month
  [
    /\b(?:(every|each|per)\s+(other\s+)?(second|minute|hour|day|night|week|month|quarter|year|morning|evening|summer|winter)|(hourly|daily|nightly|weekly|fortnightly|monthly|yearly|annually|biannually))\b/gi,
    (m) => {
      const w = (m[3] ?? m[4]).toLowerCase();
      const base = w
        .replace(/ly$/, '')
        .replace(/^dai$/, 'day')
        .replace(/^nigh$/, 'night')
        .replace(/^annual$/, 'year')
        .replace(/^biannual$/, 'year')
        .replace(/^quarter$/, 'quarter');
      const u = unitOf(base === 'morning' || base === 'evening' ? 'day' : base);
      if (!u) return undefined;
      const n = m[2] ? 2 : 1;
      const value = u === 'Q' ? `P${3 * n}M` : u.startsWith('T') ? `PT${n}${u[1]}` : `P${n}${u}`;
      return { type: 'SET', value };
    },
  ],
  // Durations: (for|the past|the first) (about) two weeks, 24 hours, two-year, several years, the nine months
  [
    new RegExp(
      String.raw`\b(?:${HEDGE}\s+)?(?:(?:the\s+)?(?:past|last|next|first|coming|previous|following)\s+)?(?:the\s+)?(${NUM})[- ](${UNITS})(?:-long|-old)?\b`,
      'gi',
    ),
    (m, ctx) => {
      const hedge = new RegExp(String.raw`^(${HEDGE})\s`, 'i').exec(m[0]);
      const mod = hedge ? HEDGE_MOD[hedge[1].toLowerCase()] : undefined;
      const n = num(m[1]);
      const after = ctx.text.slice(ctx.index + m[0].length, ctx.index + m[0].length + 12);
      if (/^\s+(ago|earlier|later|before|from now)\b/i.test(after)) return undefined;
      if (/^\d/.test(m[1]) && Number(m[1]) > 1000) return undefined;
      return { type: 'DURATION', value: duration(n, m[2]), ...(mod ? { mod } : {}) };
    },
  ],
  // A bare unit in a duration frame: "for years", "for months", "centuries"
  [
    /\b(?:for\s+)?(years|months|weeks|decades|centuries)\b/gi,
    (m, ctx) => {
      const before = ctx.text.slice(Math.max(0, ctx.index - 12), ctx.index).toLowerCase();
      if (!/(for|over|in|of)\s*$/.test(before) && !/centuries/i.test(m[1])) return undefined;
      if (!m[0].toLowerCase().startsWith('for') && !/centuries/i.test(m[1])) return undefined;
      return { type: 'DURATION', value: duration(undefined, m[1]) };
    },
  ],
];

const FUTURE =
  /\b(will|would|should(?! have)|'ll|shall|is to|are to|is due|are due|scheduled|plans? to|planned|expected to|agreed to|next|upcoming|would be held|to be held|tomorrow)\b/i;

/** Whether the words just around an expression speak of the future ("will meet on Friday"). */
function futureNear(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && start - a < 50 && !/[.!?\n;]/.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && b - end < 20 && !/[.!?\n;,]/.test(text[b])) b++;
  return FUTURE.test(text.slice(a, b));
}

/** A past-tense verb of reporting or of an event: "was", "had", "said", "-ed" forms (not "expected to"). */
const PAST =
  /\b(?:was|were|had|did|went|came|began|took|left|fell|rose|won|lost|met|held|made|gave|saw|broke|fled|shot|hit|led|struck|sent|found|stood|sold|paid|(?!\p{Ll}*eed\b)(?!(?:expect|schedul|plann|propos|requir|need|allow|bas|concern|interest|involv|intend|design|aim)ed\b)\p{Ll}{2,}ed)\b/u;
const PAST_ALL = new RegExp(PAST.source, 'gu');
/** "until Friday", "by Thursday", "has until", "till", "through" just before: a deadline still ahead. */
const DEADLINE = /\b(?:until|till|by|through)\s+$/i;
/**
 * In past-tense reporting a bare month or day this many months (90 days) or more ahead of the page is taken as
 * the last one: "approved on 19 December" in a July page is last December, "expires Nov. 16" in an October page
 * is still this November.
 */
const PAST_SLACK_MONTHS = 3;

/**
 * Whether the clause around an expression reports the past: a past-tense verb up to `back` characters
 * before it (within its sentence) or 60 after.
 */
function pastNear(text: string, start: number, end: number, back = 60): boolean {
  let a = start;
  while (a > 0 && start - a < back && !/[.!?\n;]/.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && b - end < 60 && !/[.!?\n;]/.test(text[b])) b++;
  return pastIn(text, a, start) || (back > 50 && pastIn(text, end, b));
}

/** A past-tense verb in text[from, to); a participle after "has"/"have" (present perfect) is not one. */
function pastIn(text: string, from: number, to: number): boolean {
  const clause = text.slice(from, to);
  for (const m of clause.matchAll(PAST_ALL)) {
    const at = from + (m.index ?? 0);
    if (!/\b(?:has|have|'s|'ve)\s+(?:been\s+)?(?:\p{L}+ly\s+)?$/iu.test(text.slice(Math.max(0, at - 26), at)))
      return true;
  }
  return false;
}

function parseRef(refDate?: string): Ref | undefined {
  const m = refDate && /^(\d{4})-(\d{2})-(\d{2})/.exec(refDate);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : undefined;
}

/** Every time expression in `text`, normalized against `refDate` (YYYY-MM-DD; unknown parts become X). */
export function timex(text: string, refDate?: string): Timex[] {
  const ref = parseRef(refDate);
  const found: (Timex & { rule: number })[] = [];
  RULES.forEach(([re, normalize], rule) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!m[0]) {
        re.lastIndex++;
        continue;
      }
      // Trim leading prepositions that TimeML leaves outside the expression.
      let start = m.index;
      let body = m[0];
      const lead = /^(?:in|since|by|until|of|during|from|to|through|before|after|on|for)\s+/i.exec(body);
      if (lead) {
        start += lead[0].length;
        body = body.slice(lead[0].length);
      }
      const future = futureNear(text, m.index, m.index + m[0].length);
      const past = !future && pastNear(text, m.index, m.index + m[0].length);
      const ctx: Context = {
        ref,
        future,
        past,
        // "had filed by Wednesday" was a deadline in the past.
        deadline:
          DEADLINE.test(text.slice(Math.max(0, m.index - 8), m.index)) &&
          !pastNear(text, m.index, m.index, 50),
        text,
        index: m.index,
      };
      const f = normalize(m, ctx);
      if (!f) continue;
      const end = start + body.replace(/[\s,]+$/, '').length;
      found.push({
        start,
        end,
        text: text.slice(start, end),
        type: f.type,
        value: f.value,
        ...(f.mod ? { mod: f.mod } : {}),
        ...(f.shift ? { shift: f.shift } : {}),
        rule,
      });
    }
  });
  // Longest match wins; ties go to the earlier rule (more specific patterns come first).
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rule - b.rule || a.start - b.start);
  const taken: Timex[] = [];
  for (const f of found) {
    if (taken.some((t) => f.start < t.end && t.start < f.end)) continue;
    const { rule: _rule, ...t } = f;
    taken.push(t);
  }
  return mergeTimeAndDay(
    text,
    taken.sort((a, b) => a.start - b.start),
  );
}

/** "10 p.m. Wednesday", "noon Thursday", "Friday at 3 p.m.": one TIME on that day. */
function mergeTimeAndDay(text: string, list: Timex[]): Timex[] {
  const out: Timex[] = [];
  for (const t of list) {
    const prev = out[out.length - 1];
    if (prev && /^\s*(?:on|at)?\s*$/i.test(text.slice(prev.end, t.start))) {
      const [time, day] =
        prev.type === 'TIME' && t.type === 'DATE'
          ? [prev, t]
          : t.type === 'TIME' && prev.type === 'DATE'
            ? [t, prev]
            : [];
      if (time && day && /^\d{4}-\d{2}-\d{2}$/.test(day.value) && /T\d{2}:\d{2}$/.test(time.value)) {
        out[out.length - 1] = {
          start: prev.start,
          end: t.end,
          text: text.slice(prev.start, t.end),
          type: 'TIME',
          value: `${day.value}${time.value.slice(time.value.indexOf('T'))}`,
        };
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

/** The calendar days and months a text mentions (for timelines): YYYY-MM-DD or YYYY-MM, with offsets. */
export function dateMentions(text: string, refDate: string): { value: string; start: number; end: number }[] {
  const out: { value: string; start: number; end: number }[] = [];
  for (const t of timex(text, refDate)) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    const m = /^(\d{4}-\d{2})(-\d{2})?/.exec(t.value);
    if (m) out.push({ value: m[0], start: t.start, end: t.end });
  }
  return out;
}

/**
 * The time expressions of an article's sentences, in order, with each "N days / weeks / months / years later
 * (earlier, before)" counted from the date of the sentence it continues (the latest earlier sentence that
 * gives a date as precise as the count needs), not from the page's date; with no such sentence it stays
 * counted from the page's date. "N days ago" always counts from the page's date.
 */
export function articleTimexes(sentences: string[], refDate?: string): Timex[][] {
  let lastDay: Ref | undefined;
  let lastMonth: Ref | undefined;
  return sentences.map((s) => {
    const found = timex(s, refDate).map((t) => {
      if (!t.shift) return t;
      const anchor = t.shift.unit === 'D' ? lastDay : (lastMonth ?? lastDay);
      if (!anchor) return t;
      const r = relativeDate(Math.abs(t.shift.n), t.shift.unit, Math.sign(t.shift.n), anchor);
      return r ? { ...t, value: r.value } : t;
    });
    // The sentence's first date is what it reports: the date the next "later" counts from.
    const first = found.find((t) => t.type === 'DATE' && /^\d{4}-\d{2}(-\d{2})?$/.test(t.value));
    if (first) {
      const [y, m, d] = first.value.split('-').map(Number);
      lastMonth = { y, m, d: d || 1 };
      lastDay = d ? { y, m, d } : undefined;
    }
    return found;
  });
}
