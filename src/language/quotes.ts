/**
 * Quotes and attributions: who said what, from the reporting frames of news prose.
 *   direct:   “There is severe procrastination by the Russians,” the official said.
 *             Lavrov ... added that “a military solution to the Syria conflict does not exist”.
 *   indirect: Secret Service protocol called for ..., sources said.
 *             The New York Post reports that Hillary Clinton’s team avoided ...
 *             According to the fire service, the blaze burned for eight hours.
 * Each quote has its content span, its cue ("said", "told AFP", "according to") and its speaker as the
 * article names it; "he"/"she" resolve to the last person named before, and "the official" to the last
 * "... official" introduced, so unnamed sources keep their description. Pure and linear in the text.
 */
import type { Article, Entity, Quote } from '../model.js';
import { entities } from './entities.js';
import { splitSentences } from './sentences.js';

const CUE_WORDS =
  'said|says|say|saying|told|tells|tell|added|adds|adding|noted|notes|wrote|writes|warned|warns|argued|argues|arguing|claimed|claims|announced|announces|acknowledged|acknowledges|suggested|suggests|asked|asks|insisted|insists|explained|explains|stressed|stresses|reported|reports|believes|believe|believed|thinks|think|thought|recalled|recalls|responded|replied|conceded|confirmed|confirms|denied|denies|predicted|predicts|urged|urges|estimated|estimates|cautioned|emphasized|emphasised|declared|declares|pledged|promised|vowed|maintained|maintains|contended|contends|complained|countered|observed|indicated|revealed|tweeted|charged|alleged|alleges|testified|assured|agreed|agrees|has learned|found|finds|shows|showed|called for|calls for|called on|called|calls|cited|cites|citing|wants|wanted|criticized|criticised|accused|accuses|described|describes|praised|hopes|hoped|expects|expected|fears|feared|knows|knew|feels|felt|pledged|pledges|vowed|vows|threatened|demanded|demands|questioned|touted|boasted|blamed|admitted|admits|recommended|proposed|predicted';

/** An auxiliary or adverb between speaker and cue ("has said", "also told"). */
const AUX = String.raw`(?:(?:has|have|had|would|will|also|previously|later|then|repeatedly|again|further|once)\s+){0,2}`;
const CUE = String.raw`(?:${AUX}(?:${CUE_WORDS}))`;

/** A speaker phrase: a few words, no clause punctuation, not starting with a conjunction. */
const SPEAKER = String.raw`((?:[\p{L}\p{N}'’.&()-]+\s+){0,7}?[\p{L}\p{N}'’.()-]+)`;

const SOURCE_NOUN =
  /\b(officials?|sources?|spokes(?:man|woman|person)|minister|president|director|analysts?|experts?|police|report|reports|study|poll|survey|statement|campaign|aides?|advisers?|adviser|lawmakers?|senators?|researchers?|observers?|agency|ministry|army|military|government|group|party|witness(?:es)?|authority|authorities|service|council|department|company|firm|court|prosecutors?|residents?|diplomats?|commander|leader|chief|secretary|he|she|they|we|i|it|people|critics|supporters|democrats|republicans|data|figures|newspaper|post|times|journal|tv|television)\b/i;

const PRONOUN = /^(he|she|they|it|we|i)$/i;
const BAD_SPEAKER = /^(that|this|which|who|what|there|and|but|or|as|if|so|when|while|because|although)\b/i;

interface Span {
  start: number;
  end: number;
  text: string;
}

function span(text: string, start: number, end: number): Span {
  while (start < end && /[\s,;:—–-]/.test(text[start])) start++;
  while (end > start && /[\s,;:.—–-]/.test(text[end - 1])) end--;
  return { start, end, text: text.slice(start, end) };
}

/**
 * Direct quotation spans: text between paired quotation marks. Under four words (“You winning?”) a span is
 * `short`: a quote only with a reporting frame of its own, otherwise a title or scare quotes.
 */
function directQuotes(text: string): (Span & { short: boolean })[] {
  const out: (Span & { short: boolean })[] = [];
  const re = /[“"]([^“”"\n]{2,}?)[”"]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const short = m[1].trim().split(/\s+/).length < 4;
    out.push({ start: m.index + 1, end: m.index + 1 + m[1].length, text: m[1], short });
  }
  return out;
}

interface Frame {
  content: [number, number];
  speaker: [number, number];
  cue: [number, number];
}

const CUE_RE = new RegExp(String.raw`\b(according to|${AUX}(?:${CUE_WORDS}))\b`, 'giu');
/** A second reporting verb joined to the first ("... and added that"). */
const COORDINATED_CUE = new RegExp(String.raw`[\s,]+(?:and|but)\s+${AUX}(?:${CUE_WORDS})\b`, 'giu');
/** Where a speaker phrase begins: after clause punctuation or a conjunction. */
const PHRASE_START =
  /(?:^|[,;:—–(“"]\s*|\b(?:and|but|while|as|because|after|before|when|since|though|although|so)\s+)(?=[^,;:—–(“"]*$)/iu;

/** Reported-speech frames of one sentence (offsets into the sentence). */
function reported(t: string): Frame[] {
  const out: Frame[] = [];
  CUE_RE.lastIndex = 0;
  for (let m = CUE_RE.exec(t); m; m = CUE_RE.exec(t)) {
    const cue: [number, number] = [m.index, m.index + m[0].length];
    const before = t.slice(0, m.index);
    const after = t.slice(cue[1]);
    if (m[1].toLowerCase() === 'according to') {
      const who = /^\s+([^,.;]{2,80}?)(?=[,.;]|$)/u.exec(after);
      if (!who) continue;
      const speaker: [number, number] = [cue[1] + who[0].indexOf(who[1]), cue[1] + who[0].length];
      const rest = t.slice(speaker[1]).replace(/^,\s*/, '');
      const content: [number, number] =
        before.trim().length > 12
          ? [0, before.replace(/[,\s]+$/, '').length]
          : [t.length - rest.length, t.length];
      out.push({ content, speaker, cue });
      continue;
    }
    // The speaker: the phrase right before the cue, back to clause punctuation or a conjunction. An
    // apposition or aside between commas ("Phil Lovas, the chairman, said"; "Trump, speaking in Virginia,
    // said") belongs to the speaker before it.
    let start = PHRASE_START.exec(before);
    let from = start ? start.index + start[0].length : 0;
    let phrase = before.slice(from).trim();
    if (!phrase && /,\s*$/.test(before)) {
      const inner = before.replace(/,\s*$/, '');
      const cut = inner.lastIndexOf(',');
      if (cut > 0) {
        const aside = inner.slice(cut + 1).trim();
        const head = PHRASE_START.exec(inner.slice(0, cut));
        const headFrom = head ? head.index + head[0].length : 0;
        const subject = inner.slice(headFrom, cut).trim();
        if (/^\p{Lu}/u.test(aside) && looksLikeSpeaker(aside) && aside.split(/\s+/).length <= 4) {
          from = headFrom;
          phrase = inner.slice(headFrom).trim();
        } else if (subject && looksLikeSpeaker(subject) && subject.split(/\s+/).length <= 6) {
          from = headFrom;
          phrase = inner.slice(headFrom).trim();
        }
        start = null;
      }
    }
    const tail = after.replace(/^\s+/, '');
    // The frame closes the sentence, or only a time or place follows it before a comma.
    const trailingFrame =
      from > 12 &&
      (/^(?:[\p{L}\p{N}'’]+\s*){0,6}[.!?]?["”]?$/u.test(tail) ||
        /^(on|in|at|last|this)\b[^,]*[.!?]?$/iu.test(tail) ||
        /^(?:(?:on|in|at|late|early|last|this|via|during)\s+)?(?:[\p{L}\p{N}'’.]+\s+){0,3}?[\p{L}\p{N}'’.]*\s*,/u.test(
          tail,
        ) ||
        /^,/.test(tail));
    if (phrase && looksLikeSpeaker(phrase) && phrase.split(/\s+/).length <= 16) {
      const speaker: [number, number] = [
        before.length - before.slice(from).trimStart().length,
        before.trimEnd().length,
      ];
      if (trailingFrame) {
        // "CONTENT, SPEAKER said." — what comes before the comma is what was said.
        out.push({ content: [0, before.slice(0, from).replace(/[,\s—–-]+$/, '').length], speaker, cue });
      } else if (!trailingFrame) {
        const lead =
          /^(?:\s*,)?\s*(?:(?:on|in|at|last|this)\s+[\p{L}\p{N}]+\s+)?(?:\p{Lu}[\p{L}.]*\s+)?(?:in\s+an?\s+\w+\s+)?,?\s*/u.exec(
            after,
          );
        const skip =
          lead && /^\s*(?:that\b|to\b|:)/i.test(after.slice(lead[0].length))
            ? lead[0].length
            : (lead?.[0].length ?? 0);
        const contentStart = cue[1] + skip;
        // "acknowledged contacts ... and added that ...": the next coordinated cue starts a new report.
        COORDINATED_CUE.lastIndex = contentStart;
        const next = COORDINATED_CUE.exec(t);
        const contentEnd = next ? next.index : t.length;
        if (contentEnd - contentStart > 12) out.push({ content: [contentStart, contentEnd], speaker, cue });
      }
      continue;
    }
    // "Trump attacked the plan, saying it ...": a participle cue after a comma reports what the sentence's
    // subject (or the frame before) says.
    const previous = out[out.length - 1];
    if (!phrase && /,\s*$/.test(before) && /ing$/i.test(m[1])) {
      const subject = /^(?:["“]?\s*)((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*)/u.exec(t);
      const speaker: [number, number] | undefined = previous
        ? previous.speaker
        : subject && looksLikeSpeaker(subject[1])
          ? [t.indexOf(subject[1]), t.indexOf(subject[1]) + subject[1].length]
          : undefined;
      const tail2 = after.replace(/^\s*(?:that\b)?[\s,:]*/i, '');
      const contentStart = t.length - tail2.length;
      if (speaker && t.length - contentStart > 12) {
        out.push({ content: [contentStart, t.length], speaker, cue });
        continue;
      }
    }
    if (previous && /\b(and|but)\s*$/i.test(before) && !phrase.replace(/^(and|but)$/i, '')) {
      const tail2 = after.replace(/^\s*(?:that\b)?\s*/i, '');
      const contentStart = t.length - tail2.length;
      if (t.length - contentStart > 12)
        out.push({ content: [contentStart, t.length], speaker: previous.speaker, cue });
      continue;
    }
    // "CONTENT, said SPEAKER." (inverted)
    if (trailingFrame && /,\s*$/.test(before) && before.trim().length > 12) {
      const who = /^\s+((?:[\p{L}\p{N}'’.-]+\s*){1,8}?)[.!?]?["”]?$/u.exec(after);
      if (who && looksLikeSpeaker(who[1])) {
        const speaker: [number, number] = [
          cue[1] + who[0].indexOf(who[1]),
          cue[1] + who[0].indexOf(who[1]) + who[1].trim().length,
        ];
        out.push({ content: [0, before.replace(/[,\s]+$/, '').length], speaker, cue });
      }
    }
  }
  // One frame per content: the first cue that claims a stretch of text keeps it.
  return out.filter(
    (f, i) =>
      !out
        .slice(0, i)
        .some(
          (o) => o.content[0] < f.content[1] && f.content[0] < o.content[1] && o.content[0] === f.content[0],
        ),
  );
}

/** Every quote and attribution in an article, in text order. */
export function quotes(article: Pick<Article, 'id' | 'text'>, known?: Entity[]): Quote[] {
  const text = article.text;
  const people = (known ?? entities(article)).filter((e) => e.kind === 'PERSON' || e.kind === 'ORG');
  const found: Quote[] = [];
  const direct = directQuotes(text);
  const covered = (s: number, e: number) => found.some((q) => q.start < e && s < q.end);

  // 1. Direct quotes with their frame: after the closing mark, or before the opening one.
  let lastSpeaker: Quote['speaker'];
  let lastEnd = -1;
  for (const q of direct) {
    const after = text.slice(q.end + 1, q.end + 120);
    const before = text.slice(Math.max(0, q.start - 160), q.start - 1);
    let cue: Span | undefined;
    let speaker: Span | undefined;
    let m = new RegExp(String.raw`^\s*,?\s*${SPEAKER}\s+(${CUE})\b`, 'iu').exec(after);
    if (m && !BAD_SPEAKER.test(m[1])) {
      const s0 = q.end + 1 + m[0].indexOf(m[1]);
      speaker = span(text, s0, s0 + m[1].length);
      const c0 = q.end + 1 + m[0].lastIndexOf(m[2]);
      cue = span(text, c0, c0 + m[2].length);
    } else if ((m = new RegExp(String.raw`^\s*,?\s*(${CUE})\s+${SPEAKER}[,.]`, 'iu').exec(after))) {
      const c0 = q.end + 1 + m[0].indexOf(m[1]);
      cue = span(text, c0, c0 + m[1].length);
      const s0 = c0 + m[1].length + m[0].slice(m[0].indexOf(m[1]) + m[1].length).indexOf(m[2]);
      speaker = span(text, s0, s0 + m[2].length);
    } else if (
      (m = new RegExp(
        String.raw`(?:^|[.!?]\s+|,\s+)${SPEAKER}\s+(${CUE})(?:\s+\w+){0,6}?(?:\s+that)?\s*[:,]?\s*$`,
        'iu',
      ).exec(before))
    ) {
      const base = Math.max(0, q.start - 160);
      const s0 = base + m.index + m[0].indexOf(m[1]);
      speaker = span(text, s0, s0 + m[1].length);
      const c0 = base + m.index + m[0].lastIndexOf(m[2]);
      cue = span(text, c0, c0 + m[2].length);
    }
    if (speaker && BAD_SPEAKER.test(speaker.text)) speaker = undefined;
    // A quote split by its frame (“A,” she said. “B.”): one attribution with both parts.
    const prev = found[found.length - 1];
    if (
      !speaker &&
      !cue &&
      prev?.kind === 'direct' &&
      prev.cue &&
      prev.cue.start > prev.end &&
      q.start - prev.end < 200 &&
      !text.slice(prev.end, q.start).includes('\n')
    ) {
      // Outer bounds, and the words said: the fragments joined by one space (the frame left out).
      prev.end = q.end;
      prev.text = `${prev.text} ${q.text}`;
      lastEnd = q.end;
      continue;
    }
    if (q.short && !(cue && speaker)) continue;
    // A mixed quote: the cue comes before and the quoted words are part of a reported clause ("said she
    // wanted to speak “directly to white people” and ..."): what was said is the whole clause.
    let content: Span = q;
    if (cue && cue.end < q.start) {
      const lead = text.slice(cue.end, q.start - 1);
      let end = q.end;
      while (end < text.length && !/[\n]/.test(text[end]) && !/[.!?]["”’]?\s/.test(text.slice(end, end + 3)))
        end++;
      const rest = text.slice(q.end + 1, end + 1);
      if (
        /[\p{L}\p{N}]/u.test(lead.replace(/\b(that|to|in an? \w+|via \w+|on \w+)\b/giu, '')) ||
        /[\p{L}\p{N}]{2}/u.test(rest)
      )
        content = span(text, cue.end, Math.min(text.length, end + 1));
    }

    // "Lavrov, speaking in Rome, acknowledged contacts ... and added that “...”": the phrase before the cue
    // is not a speaker; the sentence's subject, the first person it names, is.
    if (speaker && !looksLikeSpeaker(speaker.text)) {
      let from = speaker.start;
      while (from > 0 && !/[.!?\n]/.test(text[from - 1])) from--;
      const subject = firstPersonIn(people, from, speaker.start);
      speaker = subject ? span(text, subject.start, subject.end) : undefined;
    }
    // "he added" right after another quote: the same speaker goes on.
    if (speaker && /^(he|she)$/i.test(speaker.text) && lastSpeaker && q.start - lastEnd < 300) {
      found.push({
        articleId: article.id,
        text: content.text,
        start: content.start,
        end: content.end,
        kind: 'direct',
        ...(cue ? { cue } : {}),
        speaker: { ...lastSpeaker, start: speaker.start, end: speaker.end },
      });
      lastEnd = q.end;
      continue;
    }
    // A quote opening right after another one's attribution, with no frame of its own, continues it.
    const resolved = speaker
      ? resolveSpeaker(speaker, text, people, found)
      : q.start - lastEnd < 200
        ? lastSpeaker
        : undefined;
    if (!resolved && !cue) continue;
    const quote: Quote = {
      articleId: article.id,
      text: content.text,
      start: content.start,
      end: content.end,
      kind: 'direct',
      ...(cue ? { cue } : {}),
      ...(resolved ? { speaker: resolved } : {}),
    };
    found.push(quote);
    lastSpeaker = resolved;
    lastEnd = q.end;
  }

  // 2. Speaker turns of transcripts and interviews: "PENCE: Well, look, ..." (a paragraph each).
  const turn = /^([\p{Lu}][\p{L}.'’ -]{1,40}?):\s+(\S.{8,})$/gmu;
  for (let m = turn.exec(text); m; m = turn.exec(text)) {
    if (!looksLikeSpeaker(m[1]) || m[1].split(/\s+/).length > 5) continue;
    const colon = m.index + m[1].length;
    const content = span(text, colon + 1, m.index + m[0].length);
    if (covered(content.start, content.end)) continue;
    const speaker = span(text, m.index, colon);
    found.push({
      articleId: article.id,
      text: content.text,
      start: content.start,
      end: content.end,
      kind: 'direct',
      cue: { start: colon, end: colon + 1, text: ':' },
      speaker: resolveSpeaker(speaker, text, people, found) ?? {
        name: speaker.text,
        start: speaker.start,
        end: speaker.end,
      },
    });
  }

  // 3. Reported speech, one sentence at a time: every cue with a speaker-like phrase before it (or after a
  // trailing comma) frames what the rest of the sentence says.
  for (const s of splitSentences(text)) {
    for (const r of reported(s.text)) {
      const content = span(text, s.start + r.content[0], s.start + r.content[1]);
      if (content.text.split(/\s+/).length < 3) continue;
      // A quotation inside this clause, framed by a cue inside it too (or by none), is part of what this
      // frame reports ("Holm said the advertisement “unmistakably and wrongfully” suggests ..."): replace it.
      const inside = (q: Quote) =>
        q.start > content.start &&
        q.end <= content.end &&
        (!q.cue || (q.cue.start >= content.start && q.cue.end <= content.end));
      if (
        found.some(inside) &&
        !found.some((q) => !inside(q) && q.start < content.end && content.start < q.end)
      )
        for (let k = found.length - 1; k >= 0; k--) if (inside(found[k])) found.splice(k, 1);
      if (covered(content.start, content.end)) continue;
      const speaker = span(text, s.start + r.speaker[0], s.start + r.speaker[1]);
      const cue = span(text, s.start + r.cue[0], s.start + r.cue[1]);
      const resolved = resolveSpeaker(speaker, text, people, found);
      found.push({
        articleId: article.id,
        text: content.text,
        start: content.start,
        end: content.end,
        kind: 'indirect',
        cue,
        ...(resolved ? { speaker: resolved } : {}),
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The speaker as the article names them: a pronoun becomes the last person named before it; "the
 * official" becomes the last phrase ending in "official" introduced earlier ("A senior Syrian opposition
 * official"); a name is linked to its entity.
 */
function resolveSpeaker(s: Span, text: string, people: Entity[], earlier: Quote[]): Quote['speaker'] {
  const word = s.text.trim();
  if (PRONOUN.test(word)) {
    if (/^(it|we|i|they)$/i.test(word)) return { name: word, start: s.start, end: s.end };
    const before = lastPersonBefore(people, s.start);
    return before
      ? { name: before.name, start: s.start, end: s.end, entityId: before.id }
      : { name: word, start: s.start, end: s.end };
  }
  const definite = /^the\s+((?:[\p{L}-]+\s+){0,3}?([\p{L}-]+))$/iu.exec(word);
  if (definite) {
    const head = definite[2].toLowerCase();
    const intro = new RegExp(String.raw`\b(?:an?|one)\s+((?:[\p{L}-]+\s+){0,5}?${head})\b`, 'giu');
    let last: RegExpExecArray | undefined;
    for (let m = intro.exec(text); m && m.index < s.start; m = intro.exec(text)) last = m;
    if (last) return { name: last[0], start: s.start, end: s.end };
    const named = earlier
      .filter((q) => q.speaker && q.end < s.start && q.speaker.name.toLowerCase().endsWith(head))
      .pop();
    if (named?.speaker) return { ...named.speaker, start: s.start, end: s.end };
  }
  const entity = people.find(
    (e) =>
      e.mentions.some((m) => m.start >= s.start && m.end <= s.end) ||
      [e.name, ...e.aliases].some((n) => word.endsWith(n)),
  );
  return entity
    ? { name: entity.kind === 'PERSON' ? entity.name : word, start: s.start, end: s.end, entityId: entity.id }
    : { name: word, start: s.start, end: s.end };
}

/** A phrase that can name who speaks: a name, a pronoun, or a phrase with a source noun. */
function looksLikeSpeaker(phrase: string): boolean {
  const p = phrase.trim();
  if (BAD_SPEAKER.test(p)) return false;
  if (/^\p{Lu}/u.test(p)) return true;
  // "the harbour master", "a local shopkeeper": a short determiner phrase with no verb-like word in it.
  if (
    /^(the|a|an)\s+(?:[\p{L}-]+\s+){0,3}[\p{L}-]+$/iu.test(p) &&
    !/\b(that|to|is|was|were|are|and)\b/i.test(p)
  )
    return true;
  return (
    SOURCE_NOUN.test(p) &&
    /^(?:the|a|an|one|some|two|three|several|many|other|another|his|her|their|its|\p{Ll}+)\b/u.test(p) &&
    p.split(/\s+/).length <= 6 &&
    !/\b(and|with|that|to)\b/i.test(p)
  );
}

/** The first person named between two offsets (a sentence's subject, usually). */
function firstPersonIn(
  people: Entity[],
  from: number,
  to: number,
): { start: number; end: number } | undefined {
  let best: { start: number; end: number } | undefined;
  for (const e of people) {
    if (e.kind !== 'PERSON') continue;
    for (const m of e.mentions)
      if (m.start >= from && m.end <= to && (!best || m.start < best.start)) best = m;
  }
  return best;
}

function lastPersonBefore(people: Entity[], index: number): Entity | undefined {
  let best: Entity | undefined;
  let at = -1;
  for (const e of people) {
    if (e.kind !== 'PERSON') continue;
    for (const m of e.mentions)
      if (m.end <= index && m.start > at) {
        best = e;
        at = m.start;
      }
  }
  return best;
}
