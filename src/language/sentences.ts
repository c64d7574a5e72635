/** Sentence splitting with offsets: rule-based, aware of common news abbreviations, initials and quotes. */
import type { Article, Sentence } from '../model.js';

export interface Span {
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof gen lt col maj capt sgt cpl adm gov sen rep st sr jr rev hon pres supt insp det
no nos vs etc approx dept est fig inc ltd co corp bros jan feb mar apr jun jul aug sep sept oct nov dec
mt ft ave blvd rd u.s u.k u.n e.g i.e a.m p.m`.split(/\s+/),
);

/** Split text into sentences. Offsets index `text`; whitespace around sentences is excluded. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const boundary = /([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘([]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[1].length + m[2].length;
    if (m[1] === '.' && !m[2]) {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, m.index - 20), m.index));
      const word = before ? before[1].toLowerCase() : '';
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) continue;
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

/** The sentences of an article, paragraph by paragraph, with offsets into `article.text`. */
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
      });
    }
    offset += para.length + 2;
  });
  return out;
}
