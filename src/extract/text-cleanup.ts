/**
 * Page furniture inside paragraphs that arrived as plain text (JSON Lines records, scraped text, feed items),
 * where no DOM tells a caption from the story: photo captions and credits, bylines and credit lines
 * ("Reporting by …; Editing by …"), pull-quote markers ("Start Quote … End Quote"), reader call-outs and share
 * prompts ("Send your pictures and videos to …"), correction notices ("A Page One article misstated …"), the
 * title run into the first sentence, and sentences glued
 * together without a space after the full stop ("the storm.Officials said"). Applied once, when the article is
 * extracted, so every later stage reads clean paragraphs. Datelines stay in the text and are marked per
 * sentence (datelines.ts); captions that end on a date are marked per sentence too (captions.ts). Pure, linear.
 */
import { splitSentences } from '../language/sentences.js';
import { correctedFact, correctionNotice } from '../text/corrections.js';

/** A full stop (or ! ?) with no space before the next sentence: "storm.Officials". Not "U.S.Army", "Node.js". */
const GLUED = /(\p{Ll}{2,})([.!?][)"”’]?)(["“]?\p{Lu}\p{Ll}+)/gu;
/** Where GLUED could match; the look-behind lets the scan start at the rare stop, not at every letter. */
const GLUE_POINT = /(?<=\p{Ll})[.!?][)"”’]?["“]?\p{Lu}/u;
/** Web addresses and e-mail, whose dots are no sentence ends. */
const ADDRESS = /(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/g;

/** Put the missing space back between two sentences glued at a full stop; addresses are left alone. */
export function unglueSentences(text: string): string {
  if (!GLUE_POINT.test(text)) return text;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(ADDRESS)) {
    out += text.slice(last, m.index).replace(GLUED, '$1$2 $3');
    out += m[0];
    last = m.index + m[0].length;
  }
  return out + text.slice(last).replace(GLUED, '$1$2 $3');
}

/** Whole paragraphs that are furniture: captions and credits, bylines, credit lines, call-outs, promos. */
const FURNITURE_PARAGRAPH = [
  // Captions and photo credits: "Image copyright Getty Images", "Photo: Ann Lee/Wirefeed", "REUTERS/Ann Lee".
  /^(?:image|photo(?:graph)?|picture|video|graphic)s?\s*(?:(?:caption|copyright|credit)\b\s*:?|:)\s*\S+(?:\s+\S+){0,39}\s*$/i,
  /^(?:image (?:copyright|caption)|getty images|(?:\(?(?:reuters|afp|ap|epa|getty images)\)?\s*\/\s*[\p{L} .'-]{2,40}))$/iu,
  // A byline on its own line: "By Ann Lee", "By Ann Lee, Chief Correspondent".
  /^[Bb][Yy]\s+\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|al|bin|and|&))*(?:\s*,\s*\p{Lu}[\p{L}'’ -]{1,60})?$/u,
  // Credit lines: "Reporting by Ann Lee; Editing by Bo Ek", "(Additional reporting by ...)".
  /^\(?(?:[Aa]dditional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ee]dited|[Ww]ritten|[Rr]esearch) by\s+\p{Lu}[^.]{0,160}\)?$/u,
  // Promos and page furniture that scraped text keeps.
  /^(?:article excerpt|advertisement|continue reading(?: the main story)?|photo advertisement continue reading the main story|story continues below|listen to this article|read more|related:?.*)$/i,
];

/** Sentences that speak to the reader instead of reporting: call-outs, share and subscribe prompts. */
const CALL_OUT = [
  /\bsend (?:us )?your (?:pictures|photos|videos|stories|experiences|comments|views)\b/i,
  /\byou can (?:send|share|email|e-mail) us\b|\bshare your (?:story|stories|experiences?|pictures|photos|views)\b/i,
  /\busing the form below\b|\bget in touch with us\b|\bemail us at\b|\btell us (?:about|what)\b[^.]{0,40}\bbelow\b/i,
  /\b(?:follow|like) us on (?:twitter|facebook|instagram)\b|\bshare (?:this|on) (?:article|story|facebook|twitter)\b/i,
  /\b(?:sign up|subscribe) (?:for|to) (?:our|the) (?:daily |free )?(?:newsletter|alerts|updates)\b|\bthank you for subscribing\b|\bcould not subscribe\b/i,
  /\bget (?:daily |the latest )?(?:news )?(?:updates )?(?:delivered )?directly to your inbox\b/i,
];

/** Pull-quote markers of some pages: a quote repeated from the story between "Start Quote" and "End Quote". */
const PULL_QUOTE = /\bStart Quote\b|\bEnd Quote\b/;

/** A credit line at the end of a paragraph: "… said. (Reporting by Ann Lee; Editing by Bo Ek)". */
const TRAILING_CREDIT =
  /\s*\((?:additional )?(?:reporting|writing|editing|compiled|edited|written) by\b[^()]*\)\s*$/i;

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The first paragraph without the title run into its head ("Harbour reopens The harbour reopened…"), when
 * the input's title is known and what follows it starts a sentence.
 */
function dropRunInTitle(first: string, title: string | undefined): string {
  if (!title) return first;
  const t = title.trim();
  if (t.length < 12 || first.length <= t.length + 20) return first;
  const head = first.slice(0, t.length);
  if (norm(head) !== norm(t)) return first;
  const rest = first.slice(t.length).replace(/^[\s:|–—-]+/, '');
  return /^["“‘(]?\p{Lu}/u.test(rest) && rest.split(/\s+/).length >= 6 ? rest : first;
}

/**
 * A sentence without its pull quote: what follows the last "End Quote" (the quote's attribution runs into the
 * next sentence there, which is kept: it often names who speaks next); '' for a sentence inside a pull quote.
 */
function dropPullQuote(sentence: string): string {
  const end = sentence.lastIndexOf('End Quote');
  if (end < 0) return '';
  const rest = sentence.slice(end + 'End Quote'.length).trim();
  return rest.split(/\s+/).length >= 4 ? rest : '';
}

/**
 * The paragraph without its furniture sentences (call-outs, pull quotes, a correction notice and the fact it
 * corrects, text/corrections.ts); '' when nothing is left. `state.notice` carries a notice that ended the
 * paragraph before, whose correct fact may open this one.
 */
function dropFurnitureSentences(paragraph: string, state: { notice?: string }): string {
  const notice =
    state.notice !== undefined || /\b(?:mis[a-z]+ed|incorrect|wrong|should have)\b/.test(paragraph);
  if (!notice && !CALL_OUT.some((re) => re.test(paragraph)) && !PULL_QUOTE.test(paragraph)) return paragraph;
  const kept: string[] = [];
  let changed = false;
  for (const s of splitSentences(paragraph)) {
    const before = state.notice;
    state.notice = correctionNotice(s.text) ? s.text : undefined;
    const text =
      state.notice || (before && correctedFact(s.text, before)) || CALL_OUT.some((re) => re.test(s.text))
        ? ''
        : PULL_QUOTE.test(s.text)
          ? dropPullQuote(s.text)
          : s.text;
    changed ||= text !== s.text;
    if (text) kept.push(text);
  }
  // A paragraph that loses nothing is kept as it was, its spacing included.
  return changed ? kept.join(' ') : paragraph;
}

/**
 * A bullet between list items of scraped text: "•", or the word "cents" that some scrapers leave for it (a
 * mis-decoded bullet transliterated as the cent sign's name: "cents Ferry resumes cents Harbour reopens …").
 * The word is a bullet only before a capital, a digit or a quotation mark, and never after a number, a number
 * word or a word that takes an amount ("50 cents", "a few cents", "dollars and cents").
 */
const BULLET =
  /(?:^|\s)(?:•|(?<![\p{N}.,]\s?|\b(?:a|an|the|and|or|of|per|few|many|several|some|no|dollars?|pennies|euros?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)\s)cents)\s+(?=[\p{Lu}\p{N}"“‘])/giu;

/** A paragraph cut at its bullets into list items, each its own paragraph; a paragraph without bullets as it is. */
export function splitBullets(paragraph: string): string[] {
  if (!paragraph.includes('•') && !/cents/i.test(paragraph)) return [paragraph];
  return paragraph
    .split(BULLET)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Any bullet before a capital, whatever precedes it: in a page's opening run, "… 200 cents Eton …" is one too. */
const ANY_BULLET = /(?:^|\s)(?:•|cents)\s+(?=[\p{Lu}\p{N}"“‘])/giu;
/** A paragraph that opens with a bullet. */
const OPENS_WITH_BULLET = /^(?:•|cents)\s+[\p{Lu}\p{N}"“‘]/iu;

/**
 * Whether a paragraph opens with a bullet run: it starts with a bullet, or a title-like head (no sentence end
 * or colon, at most 160 characters) is followed by two or more bullets before the first sentence end, one of
 * them a sure one (not after a number: "rose 50 cents Monday and 40 cents Tuesday" is no run).
 */
function opensWithBulletRun(first: string): boolean {
  if (OPENS_WITH_BULLET.test(first)) return true;
  const bullets = [...first.matchAll(ANY_BULLET)];
  if (bullets.length < 2 || bullets[0].index > 160 || /[.!?:]/.test(first.slice(0, bullets[0].index)))
    return false;
  const head = first.slice(0, bullets[1].index);
  if (/[.!?]["”’)]?\s/.test(head)) return false;
  return first.slice(0, bullets[1].index + bullets[1][0].length + 1).search(BULLET) >= 0;
}

/**
 * The first paragraph without its opening bullet run. Some scraped pages open with the title and the outlet's
 * bullet points ("Harbour shut for 40 days • Ferry back on Sunday • Fares up The ferry to Inchmore ran…") before
 * the lead, and the last point runs into the lead without a break. The title and points are dropped, and so is
 * the first sentence after the last bullet, since where the point ends and the lead starts cannot be told; the
 * rest of the paragraph is kept. A paragraph that does not open so is returned as it is.
 */
export function dropOpeningBullets(first: string): string {
  if (!opensWithBulletRun(first)) return first;
  let end = 0;
  for (const m of first.matchAll(ANY_BULLET)) {
    const before = first.slice(end, m.index);
    if (end > 0 && /[.!?]["”’)]?\s/.test(`${before} `)) break;
    end = m.index + m[0].length;
  }
  const tail = first.slice(end);
  const sentences = splitSentences(tail);
  return sentences.length > 1 ? tail.slice(sentences[1].start).trim() : '';
}

/** Plain-text paragraphs without their furniture, as described above; order kept, empty ones dropped. */
export function cleanTextParagraphs(paragraphs: string[], title?: string): string[] {
  const out: string[] = [];
  const state: { notice?: string } = {};
  const opened = paragraphs.length ? [dropOpeningBullets(paragraphs[0].trim()), ...paragraphs.slice(1)] : [];
  for (const item of opened.flatMap(splitBullets)) {
    let p = unglueSentences(item.trim());
    if (!out.length) p = dropRunInTitle(p, title);
    if (FURNITURE_PARAGRAPH.some((re) => re.test(p))) continue;
    p = p.replace(TRAILING_CREDIT, '');
    p = dropFurnitureSentences(p, state).trim();
    if (p) out.push(p);
  }
  return out;
}
