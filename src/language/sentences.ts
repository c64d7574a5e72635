/** Sentence splitting with offsets: rule-based, aware of common news abbreviations, initials and quotes. */
import { sentenceMarks } from '../extract/sentence-marks.js';
import type { Article, Sentence } from '../model.js';
import { wordCase } from '../text/lead-head.js';
import { MONTH_NAME, SENTENCE_ABBREVIATIONS, SENTENCE_FINAL_ABBREVIATIONS, WEEKDAY_NAME } from './lexicon.js';

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** After an abbreviation that often ends a sentence, these begin no new one: a date, a time zone ("10 a.m. GMT"). */
const DATE_WORD = new RegExp(
  `^(?:${WEEKDAY_NAME}|${MONTH_NAME}|GMT|UTC|EST|EDT|CET|BST|PST|PDT|local|ET|PT)\\b`,
);

/**
 * Split text into sentences. Offsets index `text`; whitespace around sentences is excluded.
 * A line break always ends a sentence (headings, datelines on their own line, list items); inside a line,
 * terminal punctuation followed by a capital (or an opening quote or bracket) does, unless the word
 * before is an abbreviation, an initial or a dotted acronym ("Lt. Gen.", "J. R.", "U.S.").
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const boundary = /([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘([]?[\p{Lu}\p{N}])|\n+/gu;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    if (m[1] === undefined) {
      push(spans, text, start, m.index);
      start = m.index + m[0].length;
      continue;
    }
    const end = m.index + m[1].length + m[2].length;
    if (m[1] === '.' && !m[2]) {
      // The word before the stop, digits included: the "s" of "the 1960s." is no initial.
      const before = /([\p{L}\p{N}.]+)$/u.exec(text.slice(Math.max(start, m.index - 20), m.index));
      const word = before ? before[1].toLowerCase() : '';
      const next = text.slice(end + m[3].length, end + m[3].length + 12);
      if (SENTENCE_FINAL_ABBREVIATIONS.has(word)) {
        if (DATE_WORD.test(next) || /^\p{N}/u.test(next)) continue;
      } else if (SENTENCE_ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word))
        continue;
      // A newline inside the whitespace after the stop is handled by the newline rule on the next match.
      if (m[3].includes('\n')) {
        push(spans, text, start, end);
        start = end + m[3].length;
        continue;
      }
    }
    push(spans, text, start, end);
    start = end + m[3].length;
  }
  push(spans, text, start, text.length);
  return spans;
}

function push(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) spans.push({ start, end, text: text.slice(start, end) });
}

/** An article's text from an offset on (a lead-only article, `{id, paragraphs}`, has no `text`). */
const rest = (a: Article, from: number): string => (a.text ?? a.paragraphs.join('\n\n')).slice(from);

/**
 * The sentences of an article, paragraph by paragraph, with offsets into `article.text`, each marked once
 * as a caption or with the length of its dateline (and, on the first, of the page's top run into the lead; see
 * Sentence).
 */
export function articleSentences(article: Article): Sentence[] {
  const out: Sentence[] = [];
  let offset = 0;
  article.paragraphs.forEach((para, p) => {
    for (const s of splitSentences(para)) {
      out.push({
        articleId: article.id,
        index: out.length,
        paragraph: p,
        start: offset + s.start,
        end: offset + s.end,
        text: s.text,
        // The first sentence may carry the page's top run into the lead; the article's other words tell where
        // it ends (how it writes them: the head's own capital is not counted).
        ...sentenceMarks(s.text, out.length === 0 ? wordCase(rest(article, offset + s.end)) : undefined),
      });
    }
    offset += para.length + 2;
  });
  return out;
}
