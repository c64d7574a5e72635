/**
 * The page furniture a sentence carries: a photo caption run into the text, a dateline at its head, and on an
 * article's first sentence the page's headline, standfirst, caption or byline run into the lead
 * (text/lead-head.ts). Applied once, where an article's sentences are made (language/sentences.ts); every later
 * stage reads the marks on the Sentence instead of running the detectors again. Pure.
 */
import type { Sentence } from '../model.js';
import { leadHead, type WordCase } from '../text/lead-head.js';
import { isCaption } from './captions.js';
import { stripDateline } from './datelines.js';

export type SentenceMarks = Pick<Sentence, 'caption' | 'dateline'>;

/**
 * The marks of one sentence's text; an empty object when it is plain news. `lead`: how the article writes its
 * words (`wordCase`), given for an article's first sentence only, whose run-in head is then marked too.
 */
export function sentenceMarks(text: string, lead?: WordCase): SentenceMarks {
  const marks: SentenceMarks = {};
  if (isCaption(text)) marks.caption = true;
  // stripDateline only ever removes a head, so what it removed is told by the length.
  let rest = stripDateline(text);
  if (lead) {
    const head = leadHead(rest, lead);
    if (head) rest = stripDateline(rest.slice(head));
  }
  if (rest !== text) marks.dateline = text.length - rest.length;
  return marks;
}
