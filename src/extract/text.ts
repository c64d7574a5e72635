/**
 * Scraped-text extraction: a page saved as plain text (navigation, captions, comment forms and all) →
 * title, date, byline, publisher and body paragraphs. Each line is classified; the body is the run of
 * prose lines before the page's trailing furniture (comments, related links, footers).
 */
import { parseDate } from './dates.js';
import { hasUnspacedScript, wordCount } from './text-length.js';

export interface TextExtraction {
  title?: string;
  published?: string;
  byline?: string;
  publisher?: string;
  paragraphs: string[];
}

/** Lines after which nothing belongs to the article (comment sections, related lists, footers). */
const END_MARKERS = [
  /^read more\b/i,
  /^leave a (reply|comment)\b/i,
  /^\d+\s+comments?:?$/i,
  /^comments?\s*(\(\d+\))?:?$/i,
  /^promoted (links|stories|content)\b/i,
  /^(related|more) (news|stories|articles|on)\b/i,
  /^you (may|might) also like\b/i,
  /^also in\b/i,
  /^editors'? choice\b/i,
  /^share this\b/i,
  /^(name|e-?mail)\s*\*/i,
];

/** Lines that are furniture wherever they appear. */
const JUNK = [
  /^(summary of the article|advertisement|sponsored|loading\.*|subscribe\b.*|sign up\b.*)$/i,
  /^last updated\b/i,
  /\b(all rights reserved|terms of (use|service)|privacy policy|cookie policy)\b/i,
  /^(©|\(c\)|copyright\b)/i,
  /^(follow us|share on|tweet|facebook|whatsapp)\b/i,
  /^(click here|tap here)\b/i,
];

/** Attribution lines that name the publisher or agency. */
const SOURCE_LINE = /^(?:source|credit|via)\s*:\s*(.{2,60})$/i;
const COPYRIGHT_TAIL = /\s*\((?:©|\(c\)|copyright)\s*([^)]{2,60})\)\s*$/i;
const PHOTO_CREDIT = /\b(?:REUTERS|AFP|AP|Getty Images|EPA)\s*\/\s*[A-Z][\w .'-]*$/;
const BYLINE =
  /^(?:by\s+)?([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’.-]+){1,3})(?:\s+(?:in|reports from)\s+[A-Z][\w ]+)?$/;

/** A masthead: a short name ending in a word newspapers, broadcasters and agencies take ("Harbour Radio News"). */
const MASTHEAD =
  /^(?:the\s+)?(?:[A-Z][\w&'’.-]*\s+){0,3}(?:News|Radio|TV|Television|Times|Post|Herald|Gazette|Journal|Daily|Tribune|Telegraph|Chronicle|Courier|Express|Mail|Observer|Guardian|Today|Online|Press|Wire|Review|Standard|Independent|Record|Star|Sun|Mirror|Register|Bulletin|Dispatch|Echo|Monitor|Post-Gazette|Inquirer|Examiner|Weekly)$/;

/** Navigation rows: several short items separated by pipes or bullets. */
const NAV_LINE = /\S\s+[|•·]\s+\S.*\s[|•·]\s/;

const wordsIn = wordCount;
const endsLikeSentence = (s: string) => /[.!?]\s*["'“”’)]?$/.test(s) || /["”]$/.test(s);

/** A line of running prose: long enough and ending like a sentence. */
function isProse(line: string): boolean {
  return wordsIn(line) >= 8 && endsLikeSentence(line);
}

/** A date line at the top of a page: short and mostly a date. */
function dateLine(line: string): string | undefined {
  if (line.length > 60) return undefined;
  return parseDate(line);
}

const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

export function extractText(content: string): TextExtraction {
  const lines = content
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\t\u00a0 ]+/g, ' ').trim());
  const counts = new Map<string, number>();
  for (const l of lines) if (l) counts.set(l, (counts.get(l) ?? 0) + 1);

  const result: TextExtraction = { paragraphs: [] };
  const seen = new Set<string>();
  let bodyStarted = false;
  let titleIndex = -1;
  let titleBeforeDate = false;
  let ended = false;

  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (!line) continue;
    const src = SOURCE_LINE.exec(line);
    if (src) {
      result.publisher ??= src[1].trim();
      if (bodyStarted) ended = true;
      continue;
    }
    // After the article ends, only an attribution line ("Source: ...") is still of use.
    if (ended) continue;
    if (bodyStarted && END_MARKERS.some((re) => re.test(line))) {
      ended = true;
      continue;
    }
    if (JUNK.some((re) => re.test(line))) continue;
    const tail = COPYRIGHT_TAIL.exec(line);
    if (tail) {
      result.publisher ??= tail[1].trim();
      line = line.slice(0, tail.index).trim();
    }

    if (!bodyStarted) {
      const d = dateLine(line);
      if (d) {
        if (result.published === undefined && result.title !== undefined) {
          titleBeforeDate = true;
          // What stood above the page's date was its masthead when it reads like one.
          if (MASTHEAD.test(result.title)) result.publisher ??= result.title;
        }
        result.published ??= d;
        continue;
      }
      if (PHOTO_CREDIT.test(line)) continue;
      const wantTitle = result.title === undefined || titleBeforeDate;
      // Repeated lines are captions or furniture, except a headline printed twice before any title was found.
      if ((counts.get(line) ?? 0) > 1 && !(wantTitle && !isProse(line) && !seen.has(line))) continue;
      if (!isProse(line)) {
        seen.add(line);
        if (wantTitle && wordsIn(line) >= 3 && wordsIn(line) <= 30 && !NAV_LINE.test(line)) {
          // A line before the page's date line is usually the masthead; the first after it is the headline.
          result.title = line.replace(/^#\w+\s*\|\s*/, '');
          titleIndex = i;
          titleBeforeDate = false;
        } else if (
          result.byline === undefined &&
          result.title !== undefined &&
          BYLINE.test(line) &&
          wordsIn(line) <= 8
        ) {
          result.byline = line.replace(/^by\s+/i, '');
        } else if (
          result.title &&
          /^[a-z0-9 ]+$/.test(result.title) &&
          letters(line) === letters(result.title)
        ) {
          result.title = line; // a lower-cased slug title, restored from its properly cased twin
        }
        continue;
      }
      bodyStarted = true;
    }

    if (!isProse(line)) {
      // Inside the body, short non-prose lines are subheads or furniture; keep subheads that look like text.
      if (wordsIn(line) >= 12 && (/[a-z]/.test(line) || hasUnspacedScript(line)))
        result.paragraphs.push(line);
      continue;
    }
    if (seen.has(line)) continue;
    seen.add(line);
    result.paragraphs.push(line);
  }
  if (titleIndex < 0 && result.paragraphs.length) result.title = undefined;
  return result;
}
