/**
 * Quantities stated in a sentence, normalized so that sources can be compared: counts of things
 * ("13 representatives", "150 to 200 fighters", "injuring 14 people"), durations ("for about two weeks",
 * "the second within 24 hours"), percentages ("40pc" = "40 percent" = "40%") and money.
 * Pure: text in, mentions out.
 */
import {
  MONTH_NAME,
  NUMBER_NOUNS,
  readNumberWords,
  SCALE_ABBREVIATIONS,
  SCALE_WORDS,
  WEEKDAYS_LOWER,
} from '../language/lexicon.js';
import { tokenize, type Token as WordToken } from '../language/tokens.js';
import { conceptOf } from './concepts.js';

export type QuantityKind = 'count' | 'duration' | 'percent' | 'money';

/** How a duration is used: how long something has lasted, the window of an ordinal, time ago, or other. */
export type DurationRole = 'lasting' | 'window' | 'ago' | 'other';

export interface Quantity {
  kind: QuantityKind;
  /** Lowest and highest value meant (equal for a single number); durations in days. */
  low: number;
  high: number;
  /** "about", "nearly", "some", "more than": the source does not claim an exact figure. */
  approximate: boolean;
  /** "more than 370": the figure is a lower bound. */
  atLeast: boolean;
  /** "up to 200", "fewer than 50": the figure is an upper bound. */
  atMost: boolean;
  /** What is counted, as a frame key: a casualty class ("injured"), a noun stem, a currency, "percent", a duration role. */
  frame: string;
  /** For counts, the noun right after the figure ("children" in "five children were killed"), as a concept. */
  noun?: string;
  /** For counts of a noun (not a casualty class), the noun as written, lower-cased ("copies"): for labels. */
  nounWord?: string;
  /** The hedge or bound written before the figure ("about", "more than"), if any. */
  hedge?: string;
  /** A count of some only, added to or set beside others ("three more deaths", "two new cases"): no total. */
  partial?: boolean;
  /**
   * A figure that is one side of a ratio or a share ("40 of the 90 seats", "4 in 1,000", "per 100,000",
   * "including 12 children"): neither the part nor the whole is a total to set against another source's.
   */
  share?: boolean;
  /** A figure in parentheses right after another, converting it ("5,000 barrels (210,000 gallons)"). */
  conversion?: boolean;
  /** A value the sentence says was replaced ("up from 20", "revised from early estimates of 5,000"). */
  former?: boolean;
  /** Offsets into the sentence (of the figure, without the hedge). */
  start: number;
  end: number;
  text: string;
}

/** Scales after a figure: the words and their short forms ("3.5 million", "5k", "$3bn"). */
const SCALE: Record<string, number> = { ...SCALE_WORDS, ...SCALE_ABBREVIATIONS, dozen: 12 };

const DAYS: Record<string, number> = {
  second: 1 / 86400,
  minute: 1 / 1440,
  hour: 1 / 24,
  day: 1,
  night: 1,
  week: 7,
  fortnight: 14,
  month: 30,
  year: 365,
  decade: 3650,
};

const MONTHS = new RegExp(`^${MONTH_NAME}$`, 'i');

/** Words that name what happened to the people counted; near a number they say what is counted. */
const CASUALTY: [RegExp, string][] = [
  [/^(kill|killing|killed|dead|died|deaths?|dying|lives|fatalit(y|ies)|bodies)$/i, 'killed'],
  [/^(injur(e|ed|es|ing|y|ies)|hurt|wounded|wounding|casualt(y|ies))$/i, 'injured'],
  [/^(missing|disappeared)$/i, 'missing'],
  [/^(arrest(ed|s)?|detain(ed|ees)?|detentions?)$/i, 'arrested'],
  [/^(evacuat(ed|ion)|displaced|fled|homeless)$/i, 'displaced'],
];

const APPROX_BEFORE =
  /\b(about|around|roughly|approximately|nearly|almost|some|close to|an estimated|estimated)\s*$/i;
const LOWER_BOUND = /\b(over|more than|at least|upwards of|in excess of|north of|above|beyond)\s*$/i;
const UPPER_BOUND = /\b(up to|fewer than|less than|under|no more than|at most|south of|below)\s*$/i;

/** Whether a word names a casualty ("injured", "killed"): such words say what is counted. */
export function isCasualtyWord(word: string): boolean {
  return CASUALTY.some(([re]) => re.test(word));
}

const CASUALTY_FRAMES = new Set(CASUALTY.map(([, name]) => name));

/** Whether a count's frame is a casualty class ("killed", "injured", …) rather than a counted noun. */
export function isCasualtyFrame(frame: string): boolean {
  return CASUALTY_FRAMES.has(frame);
}

/** Filler words allowed between a number and the noun it counts. */
const FILLER =
  /^(of|the|other|more|new|additional|further|extra|local|foreign|armed|unarmed|confirmed|suspected|reported|probable|possible|different|separate|major|main|young|remaining|former|key|big|small|large|senior|top|total|annual|[a-z]+-[a-z]+)$/i;
const STOP_NOUN =
  /^(of|and|or|in|on|at|to|from|by|for|with|as|than|the|a|an|was|were|is|are|had|have|has|said|per|each|who|which|that)$/i;
/**
 * Words that follow a figure without being what it counts: modals, pronouns, conjunctions, adverbs and
 * common verbs ("one would think", "one another", "two must", "9.2 and 17.2 years") and time zones
 * ("0500 GMT").
 */
const NOT_NOUN =
  /^(can|could|will|would|shall|should|may|might|must|do|does|did|be|been|being|i|you|he|she|it|we|they|me|him|us|them|its|his|her|their|our|your|my|this|these|those|another|else|but|if|so|yet|nor|not|no|when|while|where|because|though|although|just|also|only|even|still|again|ever|never|about|over|off|out|up|down|after|before|like|into|onto|against|among|around|without|within|during|upon|via|there|here|then|now|today|tonight|yesterday|tomorrow|ago|later|earlier|more|most|less|least|much|many|such|same|say|says|saying|know|knows|need|needs|think|thinks|want|wants|get|gets|got|go|goes|went|came|come|comes|make|makes|made|take|takes|took|see|sees|saw|wrote|writes|told|tells|calls|called|gmt|bst|utc|est|edt|cet|cest|pst|pdt|cdt|cst|et|pt|am|pm)$/i;
/** A capitalized word after a figure that still says what is counted: a plural ("Britons", "Marines"). */
const PROPER_PLURAL = /^\p{Lu}\p{Ll}+s$/u;
/** A nationality or group adjective before the noun counted ("11 Brazilian peacekeepers"). */
const PROPER_ADJECTIVE = /^\p{Lu}\p{Ll}+(?:an|ese|i|ish|ch)$/u;

/** A figure token (the 'figure' notion of tokens.ts) and what stands before it. */
interface Token extends WordToken {
  /** What stands between the previous token and this one (" ", ", ", "-"). */
  sep: string;
}

function figureTokens(text: string): Token[] {
  let last = 0;
  return tokenize(text, 'figure').map((t) => {
    const sep = text.slice(last, t.start);
    last = t.end;
    return { ...t, sep };
  });
}

/** "300,000" / "300 000" / "3.5" → number; a comma with three digits after it is a thousands separator. */
function parseDigits(s: string): number {
  const t = s.replace(/\s/g, '').replace(/,(?=\d{3}(\D|$))/g, '');
  return Number(t.replace(/,/g, '.'));
}

/**
 * A number starting at token i: digits with a scale ("3.5 million", "300 000", "5k"), number words
 * ("seventeen", "twenty-one", "Twenty six", "a hundred", "two hundred thousand") or a number noun ("dozen",
 * "half").
 */
function readNumber(tokens: Token[], i: number): { value: number; next: number } | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (/^\d/.test(t.text)) {
    const value = parseDigits(t.text);
    if (!Number.isFinite(value)) return undefined;
    return scaled(tokens, value, i + 1, true);
  }
  // The words of a number are separated by spaces only ("twenty, six" is two numbers).
  const words = readNumberWords(
    (k) => (k === i || /^\s+$/.test(tokens[k]?.sep ?? '') ? tokens[k]?.text : undefined),
    i,
  );
  if (words) {
    const short = tokens[words.next]?.text.toLowerCase() ?? '';
    if (short === 'dozen') return { value: words.value * 12, next: words.next + 1 };
    return short !== 'm' && short in SCALE_ABBREVIATIONS
      ? { value: words.value * SCALE_ABBREVIATIONS[short], next: words.next + 1 }
      : words;
  }
  const noun = NUMBER_NOUNS[t.text.toLowerCase()];
  return noun === undefined ? undefined : scaled(tokens, noun, i + 1, false);
}

/** A value with the scale at token `next`, if any ("m" for million only after figures: "5m"). */
function scaled(
  tokens: Token[],
  value: number,
  next: number,
  digits: boolean,
): { value: number; next: number } {
  const scale = tokens[next]?.text.toLowerCase();
  if (scale && scale in SCALE && (digits || scale !== 'm') && !(scale === 'hundred' && value >= 100))
    return { value: value * SCALE[scale], next: next + 1 };
  return { value, next };
}

const isYear = (t: Token) => /^(1[89]|20)\d\d$/.test(t.text);

/** Every quantity the sentence states, in order. Years, dates, clock times and ordinals are not quantities. */
export function quantities(sentence: string): Quantity[] {
  const tokens = figureTokens(sentence);
  const out: Quantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const lower = t.text.toLowerCase();
    const num = readNumber(tokens, i);
    if (!num) continue;
    const prev = tokens[i - 1]?.text ?? '';
    const nextTok = tokens[num.next];
    // Not quantities: years, dates ("October 6", "6 October"), clock times, "a" without a unit after it.
    if (/^\d/.test(t.text) && isYear(t) && num.next === i + 1) continue;
    if (MONTHS.test(prev) || (nextTok && MONTHS.test(nextTok.text))) continue;
    // A number that is part of a name counts nothing: "Apollo 11", "Flight 93", "Formula One", "7-Eleven".
    if (isNameNumber(sentence, t.start, t.end)) continue;
    // Digits inside a code or a fraction count nothing: "H1N1", "G20", "F-16", "9/11", "24/7", "004".
    if (/^\d/.test(t.text) && isCodeDigits(sentence, t)) continue;
    if (/^\d/.test(t.text) && sentence[t.end] === ':') continue;
    if (sentence[t.start - 1] === ':' && /\d/.test(sentence[t.start - 2] ?? '')) continue;
    let low = num.value;
    let high = num.value;
    let j = num.next;
    // Ranges: "150 to 200", "150-200", "between 150 and 200".
    const joiner = tokens[j]?.text.toLowerCase();
    const rangeDash = /^\s*[-–]\s*$/.test(sentence.slice(tokens[j - 1].end, tokens[j]?.start ?? 0));
    if (
      (joiner === 'to' || (joiner === 'and' && /between\s*$/i.test(sentence.slice(0, t.start)))) &&
      tokens[j + 1]
    ) {
      const second = readNumber(tokens, j + 1);
      if (second && second.value > low) {
        high = second.value;
        j = second.next;
      }
    } else if (rangeDash && tokens[j]) {
      const second = readNumber(tokens, j);
      if (second && second.value > low) {
        high = second.value;
        j = second.next;
      }
    }
    const before = sentence.slice(Math.max(0, t.start - 30), t.start);
    // An age ("aged 50", "at the age of 50", "the 50-year-old", "died at 50") counts no one.
    const after = sentence.slice(t.end, t.end + 14);
    if (/\b(?:aged|ages|age of)\s*$/i.test(before) || /\b(?:died|death)\s+at\s*$/i.test(before)) continue;
    if (/\b(?:children|kids|babies|infants|people|those)\s+(?:under|over|aged)\s*$/i.test(before)) continue;
    if (/^(?:-|\s)?(?:years?|months?|weeks?|days?)-?\s?old\b/i.test(after)) continue;
    if (
      /\b(?:younger|older)\s+than\s*$/i.test(before) ||
      /\bages?\s+(?:of\s+)?(?:between\s+)?$/i.test(before)
    )
      continue;
    // "battling one another", "one or two percent": a pronoun and a guess, not a tally.
    if (/^one$/i.test(lower) && /^\s+(?:another|other|or)\b/i.test(after)) continue;
    // "No one was killed": nobody, not one.
    if (/^one$/i.test(lower) && /\bno\s*$/i.test(before)) continue;
    // An exchange rate or a sum ("($1 = 5.64 Egyptian pounds)") states no amount.
    if (/^\s*=/.test(sentence.slice(tokens[j - 1].end, tokens[j - 1].end + 4)) || /=\s*$/.test(before))
      continue;
    // A clock time written as four digits: "at 1600 local time", "0500 GMT".
    if (/^\d{4}$/.test(t.text) && /^\s*(?:local time|gmt|utc|hrs|hours|h)\b/i.test(after)) continue;
    const hedge = (APPROX_BEFORE.exec(before) ?? LOWER_BOUND.exec(before) ?? UPPER_BOUND.exec(before))?.[1];
    const approximate = APPROX_BEFORE.test(before);
    const atLeast = LOWER_BOUND.test(before);
    const atMost = UPPER_BOUND.test(before);
    const unit = tokens[j]?.text.toLowerCase() ?? '';
    const unitStem = unit.replace(/s$/, '');
    let kind: QuantityKind | undefined;
    let frame = '';
    let noun: string | undefined;
    let nounWord: string | undefined;
    let end = tokens[j - 1].end;
    if (
      unit === '%' ||
      unit === 'pc' ||
      unit === 'percent' ||
      (unit === 'per' && tokens[j + 1]?.text.toLowerCase() === 'cent')
    ) {
      kind = 'percent';
      frame = 'percent';
      end = tokens[unit === 'per' ? j + 1 : j].end;
    } else if (
      prev === '$' ||
      prev === '£' ||
      prev === '€' ||
      /^(dollars?|euros?|pounds?|yuan|yen|rupees?)$/.test(unit)
    ) {
      kind = 'money';
      frame =
        prev === '$' || /^dollar/.test(unit)
          ? 'USD'
          : prev === '£' || /^pound/.test(unit)
            ? 'GBP'
            : prev === '€' || /^euro/.test(unit)
              ? 'EUR'
              : unit;
      if (/^(dollars?|euros?|pounds?|yuan|yen|rupees?)$/.test(unit)) end = tokens[j].end;
    } else if (
      (unitStem in DAYS || unit === 'fortnight') &&
      /^-\p{L}/u.test(after) &&
      tokens[j]?.sep === '-'
    ) {
      // "a 72-hour ultimatum", "a 10-month-old": the duration describes a thing; it is no quantity of its own.
      continue;
    } else if (unitStem in DAYS || unit === 'fortnight') {
      kind = 'duration';
      low *= DAYS[unitStem];
      high *= DAYS[unitStem];
      end = tokens[j].end;
      frame = durationRole(sentence, t.start, end);
    } else if (!/^(a|an|half)$/i.test(lower)) {
      const what = countedThing(sentence, tokens, i, j);
      // A figure joined to a word by a hyphen ("a 50-date run") or "one of" ("one of the darkest
      // moments") describes something else; it is a casualty count only with the casualty word after it.
      const modifier = /^-\p{L}/u.test(after) || (/^one$/i.test(lower) && /^\s+of\b/i.test(after));
      const casualtyAfter = tokens.slice(j, j + 3).some((x) => CASUALTY.some(([re]) => re.test(x.text)));
      // A figure glued to a word ("a 10-month-old", "a 50-date run") is a modifier, never a tally.
      if (what && !(modifier && !(casualtyAfter && isCasualtyFrame(what)))) {
        kind = 'count';
        frame = what;
        noun = nounAfter(tokens, j);
        if (noun === what) nounWord = nounAfter(tokens, j, true);
      }
    }
    if (!kind) continue;
    if (/^(a|an)$/i.test(lower) && kind !== 'duration') continue;
    // One of a thing is no tally ("one page", "one issue", "one hand"), except of casualties.
    if (kind === 'count' && high === 1 && !isCasualtyFrame(frame)) continue;
    // Things are counted in whole numbers: "5.64 harbour crowns" is a rate or a measure.
    if (kind === 'count' && Math.abs(low - Math.round(low)) > 1e-9 * Math.max(1, low)) continue;
    out.push({
      kind,
      low,
      high,
      approximate,
      atLeast,
      atMost,
      frame,
      ...(noun ? { noun } : {}),
      ...(nounWord ? { nounWord } : {}),
      ...(hedge ? { hedge: hedge.toLowerCase() } : {}),
      ...(kind === 'count' && isPartial(before, tokens[j]?.text) ? { partial: true } : {}),
      ...(isShare(sentence, t.start, end) ? { share: true } : {}),
      ...(FORMER.test(sentence.slice(Math.max(0, t.start - 70), t.start)) ? { former: true } : {}),
      ...(/\d[^()]{0,40}\(\s*(?:about\s+|around\s+|some\s+|nearly\s+)?[$£€]?$/.test(
        sentence.slice(Math.max(0, t.start - 45), t.start),
      )
        ? { conversion: true }
        : {}),
      start: t.start,
      end,
      text: sentence.slice(t.start, end),
    });
    i = j - 1;
  }
  return out;
}

/**
 * What a count counts: a casualty word next to the number wins ("injuring 14 people", "killed more than
 * 370 people", "14 injured", "14 people were hurt"), unless punctuation stands between them; else the noun
 * after the number. A casualty word after the figure counts only before any "and"/"or" ("killed 247 people
 * and injured 5,000": 247 are the dead) and not as the verb of a subject ("two gunmen killed 12": the two
 * are the gunmen); one before it only across a hedge ("killed at least", "death toll of about").
 */
function countedThing(sentence: string, tokens: Token[], i: number, j: number): string | undefined {
  // "puts the toll at 310", "estimated the number of injured at 40": the toll named before the figure.
  const put = PUT_AT.exec(sentence.slice(Math.max(0, tokens[i].start - 90), tokens[i].start));
  if (put) return /injur|wound|casualt|hurt/i.test(put[1]) ? 'injured' : 'killed';
  const casualty = (k: number) => {
    for (const [re, name] of CASUALTY) if (re.test(tokens[k].text)) return name;
    return undefined;
  };
  const joined = (a: Token, b: Token) => !/[,;:()—–]/.test(sentence.slice(a.end, b.start));
  for (let k = j; k < Math.min(tokens.length, j + 3); k++) {
    if (CLAUSE_JOIN.test(tokens[k].text)) break;
    const c = casualty(k);
    if (!c || !joined(tokens[j - 1], tokens[k])) continue;
    // "two seniors killed 12 classmates": an active verb with its object after it; the figure is its subject.
    const prev = tokens[k - 1]?.text ?? '';
    const next = tokens[k + 1];
    const active =
      k > j &&
      ACTIVE_CASUALTY_VERB.test(tokens[k].text) &&
      !PASSIVE_AUX.test(prev) &&
      next !== undefined &&
      next.sep === ' ' &&
      (/^\d/.test(next.text) ||
        /^(?:a|an|the|all|at|more|about|some|his|her|their|its|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)$/i.test(
          next.text,
        ));
    if (active) return undefined;
    return c;
  }
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const c = casualty(k);
    if (c && joined(tokens[k], tokens[i])) return c;
    if (!HEDGE_BETWEEN.test(tokens[k].text)) break;
  }
  return nounAfter(tokens, j);
}

/** A toll set at a figure: "puts the death toll at", "estimated the number of people killed at". */
const PUT_AT =
  /\b(?:puts?|putting|placed|places|estimated|estimates|set|sets|gave|gives)\s+(?:the\s+|its\s+|their\s+)?((?:death\s+)?toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|people\s+killed|people\s+injured|injured|wounded|casualties)|dead|casualties)\b[^.;]{0,50}?\bat\s+(?:about\s+|around\s+|some\s+|least\s+|more\s+than\s+)?$/i;

/** Words that end the phrase a figure belongs to. */
const CLAUSE_JOIN = /^(?:and|or|but|while|whereas|as|after|before|when|since|in|on|at|by|from|during)$/i;
/** Casualty verbs that take an object ("killed 12 classmates"). */
const ACTIVE_CASUALTY_VERB = /^(?:killed|kill|kills|wounded|wounds|injured|injures|hurt)$/i;
const PASSIVE_AUX =
  /^(?:were|was|been|are|is|be|being|got|get|reported|left|confirmed|feared|believed|presumed)$/i;
/** Words that may stand between a casualty word and the figure it counts. */
const HEDGE_BETWEEN =
  /^(?:at|least|more|than|over|about|around|some|nearly|almost|roughly|approximately|up|to|an|estimated|of|the|toll|number|total|rose|risen|reached|stood|stands|is|was|now|had|has|upwards|as|many|much|with)$/i;

/**
 * The noun a figure counts: the first content word after it, skipping a filler adjective; as a concept, or
 * as written (lower-cased) with `asWritten`. Letters run on to a figure ("8th") are no noun.
 */
function nounAfter(tokens: Token[], j: number, asWritten = false): string | undefined {
  for (let k = j; k < Math.min(tokens.length, j + 3); k++) {
    const w = tokens[k].text;
    if (/^\d/.test(w) || STOP_NOUN.test(w) || NOT_NOUN.test(w) || /^\p{L}+ly$/u.test(w)) return undefined;
    const more =
      k < j + 2 && tokens[k + 1] && tokens[k + 1].sep === ' ' && !STOP_NOUN.test(tokens[k + 1].text);
    if (more && (FILLER.test(w) || PROPER_ADJECTIVE.test(w))) continue;
    // Letters run on to a figure ("8th") or hyphened to it ("a 170-page report", "90,000-plus") are no noun.
    if (!/^\p{L}{3}/u.test(w) || (k === j && (tokens[k].sep === '' || tokens[k].sep === '-')))
      return undefined;
    // Punctuation ends the phrase ("1,000, according to"); a word in capitals is a name or a shout ("5 LIVE").
    if (/[,;:()]/.test(tokens[k].sep) || /^\p{Lu}{2,}$/u.test(w)) return undefined;
    // A name after a figure is not what it counts ("Italy 7, Germany 11", "BBC 5 Live"), a plural may be.
    if (/^\p{Lu}\p{Ll}/u.test(w) && !PROPER_PLURAL.test(w)) return undefined;
    const head = pluralHead(tokens, k);
    return asWritten ? head.toLowerCase() : conceptOf(head);
  }
  return undefined;
}

/** Plurals that do not end in -s. */
const IRREGULAR_PLURAL =
  /^(people|men|women|children|police|personnel|staff|cattle|feet|teeth|mice|geese|crew|troops|aircraft)$/i;
const isPlural = (w: string) => IRREGULAR_PLURAL.test(w) || /^\p{Ll}{2,}[^siu'’]s$/u.test(w);

/**
 * The head of a noun phrase that starts at token k: a plural is the head ("90 sea turtles", "two search
 * dogs", "1,110 strike sorties"), found within two more words; else the first word is.
 */
function pluralHead(tokens: Token[], k: number): string {
  const first = tokens[k].text;
  if (isPlural(first)) return first;
  for (let m = k + 1; m < Math.min(tokens.length, k + 3); m++) {
    const w = tokens[m].text;
    if (tokens[m].sep !== ' ' || !/^\p{Ll}{3,}$/u.test(w) || STOP_NOUN.test(w) || NOT_NOUN.test(w)) break;
    if (isPlural(w)) return w;
  }
  return first;
}

/** Number words that can open the other side of a share ("two of the 12"). */
const NUMBER_WORD =
  '(?:\\d[\\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|all|most|half|some|many|none)';
const SHARE_BEFORE = new RegExp(
  `(?:\\b${NUMBER_WORD}\\s+(?:\\p{L}+\\s+)?(?:of|out of|in|among)\\s+(?:the\\s+|its\\s+|their\\s+|all\\s+|every\\s+)?|\\b(?:per|for every|of every|out of)\\s+(?:every\\s+)?|\\b(?:including|among them|among whom|of whom|of which)\\s+(?:at least\\s+|about\\s+|some\\s+)?)$`,
  'iu',
);
const SHARE_AFTER =
  /^\s*(?:(?:\p{L}+\s+)?(?:of|out of)\s+(?:the\s+|its\s+|their\s+|all\s+|every\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a hundred|a thousand|a million|them|those|whom)\b)|of\s+(?:the|those|them|these|whom)\s+(?!(?:first|last|past|next)\b)|(?:in|per)\s+(?:every\s+)?(?:\d|(?:a|one|ten|a hundred|a thousand|a million)\s+(?:hundred|thousand|million)?\b))/iu;

/** Words before a value that a change replaced: "up from", "rose from early estimates of", "compared with". */
const FORMER =
  /(?:\b(?:up|down|rose|risen|fell|fallen|increased?|decreased?|revised|jumped|climbed|dropped|grew|grown|raised|lowered|cut)\b[^.;]{0,40}\bfrom|\b(?:compared (?:with|to)|previously|formerly))\s+(?:(?:an?|the|its|early|earlier|initial|previous|original|official|estimates?|figures?|of)\s+)*(?:about\s+|some\s+|around\s+)?[$£€]?$/iu;

/** Whether the figure at [start, end) is one side of a share or a ratio ("40 of the 90", "4 in 1,000"). */
function isShare(sentence: string, start: number, end: number): boolean {
  return (
    SHARE_BEFORE.test(sentence.slice(Math.max(0, start - 40), start)) ||
    SHARE_AFTER.test(sentence.slice(end, end + 40))
  );
}

/** "three more deaths", "two new cases", "14 other people", "another 20", "an additional five". */
function isPartial(before: string, next: string | undefined): boolean {
  return (
    /^(?:more|new|additional|further|extra|other|others)$/i.test(next ?? '') ||
    /\b(?:another|an additional|a further|an extra)\s*$/i.test(before)
  );
}

/** Digits that are part of a code or a fraction: glued to a letter or a slash, after "F-", or with a leading 0. */
function isCodeDigits(sentence: string, t: Token): boolean {
  const before = sentence[t.start - 1] ?? '';
  const after = sentence[t.end] ?? '';
  if (/\p{L}|\//u.test(before) || after === '/') return true;
  if (before === '-' && /\p{L}/u.test(sentence[t.start - 2] ?? '')) return true;
  return /^0\d/.test(t.text);
}

/** The role of a duration from the words around it. */
function durationRole(sentence: string, start: number, end: number): DurationRole {
  const before = sentence.slice(Math.max(0, start - 40), start).toLowerCase();
  const after = sentence.slice(end, end + 12).toLowerCase();
  if (/^\s*(ago|earlier)\b/.test(after)) return 'ago';
  if (
    /\b(first|second|third|fourth|fifth|\d+(st|nd|rd|th)|last|latest)\b[^.]{0,20}\b(in|within)\s+(the\s+(past|last)\s+)?(about\s+|around\s+|nearly\s+)?$/.test(
      before,
    )
  )
    return 'window';
  if (
    /\b(for|since|over|during|throughout|lasted|lasting)\s+(the\s+(past|last)\s+)?(about\s+|around\s+|nearly\s+|almost\s+|some\s+|more than\s+)?$/.test(
      before,
    )
  )
    return 'lasting';
  return 'other';
}

/**
 * Capitalised words that open a phrase without naming anything ("About 20", "The 12", "Some 300"): a number
 * after one of them may be a figure.
 */
const NOT_NAME_WORDS = new Set(
  `the a an about around some nearly almost over under only just all another at in on of for by to from with
  and but or as than more less fewer up roughly approximately exactly least those these its their his her our my
  your between among including after before since until during within per no every each top killing injuring
  leaving wounding also while when if whereas because then now today yesterday already still even both either
  where page no. number`
    .split(/\s+/)
    .filter(Boolean),
);
/** Words before a number that always make it a name, whatever follows ("Boeing 737 jets", "Flight 93 passengers"). */
const NAME_HEADS = new Set(
  'flight route channel apollo boeing airbus proposition prop interstate highway formula windows section article title'.split(
    ' ',
  ),
);
const isCalendarWord = (w: string) => WEEKDAYS_LOWER.includes(w.toLowerCase()) || MONTHS.test(w);
/** A word after a number that says it counts something: a plural, a casualty word, a scale ("20 people"). */
const countedAfter = (w: string) =>
  isPlural(w) || isCasualtyWord(w) || w.toLowerCase() in SCALE || /^(?:percent|per|pc)$/i.test(w);

/**
 * Whether the number at [start, end) of `text` is part of a name rather than a figure. Structural: digits right
 * after a capitalised name word, joined by one space or a hyphen, with no counted word after ("Apollo 11",
 * "Flight 93", "Catch-22", "CBS 2", but not "Fox said 20 people", "About 20 were hurt", "Tuesday 5 people",
 * "Chelsea 2-1"); an ordinal before a capitalised word ("20th Century Fox", "82nd Airborne"); digits hyphened to a
 * capitalised word ("7-Eleven"); a capitalised number word inside a sentence next to a capitalised word
 * ("Formula One", "the Three Gorges dam"). A number after a lower-case word ("the 737 crashed", "11 Apollo
 * engineers") stays a figure: nothing in the text marks it as a name.
 */
export function isNameNumber(text: string, start: number, end: number): boolean {
  const written = text.slice(start, end);
  let rest = text.slice(end, end + 40);
  const before = text.slice(Math.max(0, start - 40), start);
  if (!/^\d/.test(written)) {
    // A number word: a name when capitalised inside a sentence, next to a capitalised word.
    // Title case only: a line in capitals ("AT LEAST ONE HALF") shouts, it names nothing.
    if (!/^\p{Lu}\p{Ll}/u.test(written)) return false;
    // "7-Eleven": a capitalised number word hyphened to digits.
    if (/\d-$/.test(before)) return true;
    if (/(?:^|[.!?:;]["'‘’“”)]?)\s*["'‘’“”(]?$/u.test(before)) return false;
    const prevWord = /(?:^|[^\p{L}'’])(\p{Lu}\p{Ll}[\p{L}'’]*) $/u.exec(before)?.[1];
    const nextWord = /^ (\p{Lu}\p{Ll}\p{L}*)/u.exec(rest)?.[1];
    const nameLike = (w: string | undefined) =>
      w !== undefined && !NOT_NAME_WORDS.has(w.toLowerCase()) && !isCalendarWord(w);
    return nameLike(prevWord) || nameLike(nextWord);
  }
  let ordinal = /\d(?:st|nd|rd|th)$/i.test(written);
  if (!ordinal && /^(?:st|nd|rd|th)\b/i.test(rest)) {
    ordinal = true;
    rest = rest.slice(2);
  }
  // "20th Century Fox", "the 82nd Airborne Division" (not "the 5th June", a date).
  const capitalAfter = /^ (\p{Lu}\p{Ll}+)/u.exec(rest)?.[1];
  if (ordinal) return capitalAfter !== undefined && !isCalendarWord(capitalAfter);
  // "7-Eleven" (not a title-cased "20-Year-Old").
  const hyphened = /^-(\p{Lu}\p{Ll}+)/u.exec(rest)?.[1];
  if (hyphened && !(hyphened.toLowerCase().replace(/s$/, '') in DAYS)) return true;
  // "Apollo 11", "Catch-22", "CBS 2": a name word right before, neither possessive nor a function word.
  const prev = /(?:^|[^\p{L}\p{N}'’&.])(\p{Lu}[\p{L}&]*)( |-)$/u.exec(before);
  if (!prev) return false;
  const word = prev[1];
  if (NOT_NAME_WORDS.has(word.toLowerCase()) || isCalendarWord(word)) return false;
  if (NAME_HEADS.has(word.toLowerCase())) return true;
  // A measure hyphened to a unit ("Russian 400-meter runner", "Sixty 200-mg capsules") is a figure.
  if (/^-\p{Ll}/u.test(rest)) return false;
  // A score or a range ("Chelsea 2-1", "Italy 7, Germany 11" stays a name), a share or a sum stated after it.
  if (/^\s*[-–]\s*\d/.test(rest) || /^\s*%/.test(rest)) return false;
  const next = /^ ([\p{L}]+)/u.exec(rest)?.[1];
  return !(next && /^\p{Ll}/u.test(next) && countedAfter(next));
}
