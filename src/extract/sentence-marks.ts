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

/** A gallery's or player's button as the head ("View Images", "Watch video"): what follows is its caption. */
const PICTURE_BUTTON = /^(?:\S+\s+){0,2}(?:images?|photos?|pictures?|gallery|video|slideshow)$/i;

export type SentenceMarks = Pick<Sentence, 'caption' | 'dateline'>;

/**
 * The marks of one sentence's text; an empty object when it is plain news. `lead`: how the article writes its
 * words (`wordCase`), given for an article's first sentence only, whose run-in head is then marked too.
 */
export function sentenceMarks(text: string, lead?: WordCase): SentenceMarks {
  const marks: SentenceMarks = {};
  // stripDateline only ever removes a head, so what it removed is told by the length.
  let rest = stripDateline(text);
  const head = lead ? leadHead(rest, lead) : 0;
  if (head) {
    // The lead is judged without the page's top: a caption run into the lead ends where the head does.
    const top = rest.slice(0, head).trim();
    rest = stripDateline(rest.slice(head));
    if (isCaption(rest) || PICTURE_BUTTON.test(top)) marks.caption = true;
  } else if (isCaption(text)) marks.caption = true;
  if (rest !== text) marks.dateline = text.length - rest.length;
  return marks;
}
