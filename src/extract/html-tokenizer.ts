/**
 * htmlparser2's Tokenizer with its per-character loop skipped where a state waits for one of a few characters.
 * The Tokenizer reads a page one code unit per turn of its state machine, and most turns do nothing: in text
 * it waits for `<` or `&`, in a quoted attribute value for the quote or `&`, in a tag or attribute name for
 * the name's end. Here those states jump straight to the next code unit that matters, and the Tokenizer's own
 * fast-forward (script and style bodies, comments, closing tags) uses `indexOf`. Every callback is made with
 * the same arguments in the same order as by the plain Tokenizer; only the turns that did nothing are gone.
 *
 * The states are htmlparser2 10's private methods. A Tokenizer built otherwise (another version) is used as is.
 */
import { Tokenizer } from 'htmlparser2';

const LT = 60; // <
const GT = 62; // >
const AMP = 38; // &
const EQ = 61; // =
const SLASH = 47; // /

/** Whitespace as the Tokenizer reads it (space, \n, \t, \f, \r). */
const isWhite = (c: number) => c === 32 || c === 10 || c === 9 || c === 12 || c === 13;
/** Where a tag or attribute name ends for the Tokenizer: `/`, `>` or whitespace. */
const endsName = (c: number) => c === SLASH || c === GT || isWhite(c);

/** What the overrides read and write of htmlparser2 10's Tokenizer (private in its typings). */
interface TokenizerInternals {
  buffer: string;
  index: number;
  offset: number;
  decodeEntities: boolean;
  xmlMode: boolean;
  stateText(c: number): void;
  handleInAttributeValue(c: number, quote: number): void;
  stateInTagName(c: number): void;
  stateInAttributeName(c: number): void;
  stateInClosingTagName(c: number): void;
  fastForwardTo(c: number): boolean;
}

type TokenizerClass = new (...args: ConstructorParameters<typeof Tokenizer>) => TokenizerInternals;
const Base = Tokenizer as unknown as TokenizerClass;

/** Whether this htmlparser2's Tokenizer has the states the overrides replace. */
const known = ['stateText', 'handleInAttributeValue', 'stateInTagName', 'stateInAttributeName']
  .concat(['stateInClosingTagName', 'fastForwardTo'])
  .every((m) => typeof (Tokenizer.prototype as unknown as Record<string, unknown>)[m] === 'function');

class SkippingTokenizer extends Base {
  /**
   * Put the Tokenizer on the code unit before `at` (its loop steps on to `at` next), `at` being in the
   * current buffer (at most its end).
   */
  private skipTo(at: number): void {
    this.index = at - 1 + this.offset;
  }

  override stateText(c: number): void {
    if (c === LT || c === AMP || !this.decodeEntities) {
      super.stateText(c);
      return;
    }
    const buf = this.buffer;
    let i = this.index - this.offset + 1;
    for (; i < buf.length; i++) {
      const d = buf.charCodeAt(i);
      if (d === LT || d === AMP) break;
    }
    this.skipTo(i);
  }

  override handleInAttributeValue(c: number, quote: number): void {
    if (c === quote || c === AMP || !this.decodeEntities) {
      super.handleInAttributeValue(c, quote);
      return;
    }
    const buf = this.buffer;
    let i = this.index - this.offset + 1;
    for (; i < buf.length; i++) {
      const d = buf.charCodeAt(i);
      if (d === quote || d === AMP) break;
    }
    this.skipTo(i);
  }

  override stateInTagName(c: number): void {
    if (endsName(c) || this.xmlMode) {
      super.stateInTagName(c);
      return;
    }
    this.skipTo(this.nameEnd(false));
  }

  override stateInClosingTagName(c: number): void {
    if (c === GT || isWhite(c)) {
      super.stateInClosingTagName(c);
      return;
    }
    const buf = this.buffer;
    let i = this.index - this.offset + 1;
    for (; i < buf.length; i++) {
      const d = buf.charCodeAt(i);
      if (d === GT || isWhite(d)) break;
    }
    this.skipTo(i);
  }

  override stateInAttributeName(c: number): void {
    if (c === EQ || endsName(c)) {
      super.stateInAttributeName(c);
      return;
    }
    this.skipTo(this.nameEnd(true));
  }

  /** Where the name under the Tokenizer ends (`withEq`: `=` ends it too), or the buffer's end. */
  private nameEnd(withEq: boolean): number {
    const buf = this.buffer;
    let i = this.index - this.offset + 1;
    for (; i < buf.length; i++) {
      const d = buf.charCodeAt(i);
      if (endsName(d) || (withEq && d === EQ)) break;
    }
    return i;
  }

  override fastForwardTo(c: number): boolean {
    const at = this.buffer.indexOf(String.fromCharCode(c), this.index - this.offset + 1);
    if (at >= 0) {
      this.index = at + this.offset;
      return true;
    }
    this.index = this.buffer.length + this.offset - 1;
    return false;
  }
}

/** The Tokenizer for htmlparser2's Parser option `Tokenizer`. */
export const FastTokenizer: typeof Tokenizer = known
  ? (SkippingTokenizer as unknown as typeof Tokenizer)
  : Tokenizer;
