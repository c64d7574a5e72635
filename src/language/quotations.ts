/**
 * Quotation marks of news prose: which stretches of an article are someone's own words.
 * Newspapers spell the double quotation mark four ways (“…”, "…", ''…'' in the New York Times archive,
 * ``…'' in older wire copy); `normalizeQuoteMarks` maps them all onto `"` without moving any offset, so
 * the sentence splitter and the reporting-frame rules see one kind of mark. A quotation runs to its
 * closing mark or, when a paragraph ends with the quotation still open (the convention for quotes that
 * go on over several paragraphs), to the end of the paragraph.
 */

export interface Quotation {
  /** Offset of the opening mark. */
  start: number;
  /** Offset after the closing mark, or the end of the paragraph for a quotation left open. */
  end: number;
  closed: boolean;
  /** Left open at the end of its paragraph, and the next paragraph opens a quotation: the words go on. */
  continues: boolean;
}

/**
 * The same text with '' and `` pairs as one `"` each, padded with a space on the outer side (so
 * `said, ''We` becomes `said,  "We`): same length, same offsets.
 */
export function normalizeQuoteMarks(text: string): string {
  return text.replace(/''|``/g, (mark: string, at: number) => {
    const before = at === 0 ? ' ' : text[at - 1];
    const opening = mark === '``' || /[\s([{—–-]/.test(before);
    return opening ? ' "' : '" ';
  });
}

/** Quotations of a normalized text, in order; they never nest (inner ‘…’ quotes are left alone). */
export function quotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  let open = -1;
  /** Ends the open quotation; returns it, or undefined when it held no words (a stray mark). */
  const close = (end: number, closed: boolean): Quotation | undefined => {
    let e = end;
    while (!closed && e > open && /\s/.test(text[e - 1])) e--;
    const q = e > open + 1 ? { start: open, end: e, closed, continues: false } : undefined;
    if (q) out.push(q);
    open = -1;
    return q;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      // A paragraph ending on a stray mark (`noon."`) leaves nothing open to continue, and must not mark an
      // earlier quotation either.
      const left = open >= 0 ? close(i, false) : undefined;
      if (left) {
        // The next paragraph opening a quotation continues this one.
        let k = i;
        while (k < text.length && /\s/.test(text[k])) k++;
        if (text[k] === '"' || text[k] === '“') left.continues = true;
      }
      continue;
    }
    if (c === '"') {
      if (open < 0) open = i;
      else close(i + 1, true);
    } else if (c === '“') {
      if (open < 0) open = i;
      // An opening mark typed for a closing one (“It is unusual,“ said ...): after a stop or comma that
      // ends the quoted words, before a space.
      else if (/[,.!?]/.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? ' ') && i - open > 2)
        close(i + 1, true);
    } else if (c === '”') {
      if (open >= 0) close(i + 1, true);
      // A closing mark used as an opening one (”word … ”): after a space, before a letter.
      else if (/\s/.test(text[i - 1] ?? ' ') && /[\p{L}\p{N}]/u.test(text[i + 1] ?? '')) open = i;
    }
  }
  if (open >= 0) close(text.length, false);
  return out;
}
