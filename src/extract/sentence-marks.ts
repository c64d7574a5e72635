/**
 * The page furniture a sentence carries: a photo caption run into the text, or a dateline at its head.
 * Applied once, where an article's sentences are made (language/sentences.ts); every later stage reads the
 * marks on the Sentence instead of running the detectors again. Pure.
 */
import type { Sentence } from '../model.js';
import { isCaption } from './captions.js';
import { stripDateline } from './datelines.js';

export type SentenceMarks = Pick<Sentence, 'caption' | 'dateline'>;

/** The marks of one sentence's text; an empty object when it is plain news. */
export function sentenceMarks(text: string): SentenceMarks {
  const marks: SentenceMarks = {};
  if (isCaption(text)) marks.caption = true;
  // stripDateline only ever removes a head, so what it removed is told by the length.
  const rest = stripDateline(text);
  if (rest !== text) marks.dateline = text.length - rest.length;
  return marks;
}
