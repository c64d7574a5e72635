/** BIO tags (IOB2, as CoNLL-2003 writes them) and the entity spans they mark. */

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The tag set in the order the model's weight rows use: O, then B- and I- of each type. */
export const NER_TAGS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

/** An entity over tokens [start, end). */
export interface EntitySpan {
  start: number;
  end: number;
  type: string;
}

/**
 * The spans a tag sequence marks. An I- tag that does not continue an entity of its type opens one, as the
 * CoNLL scorer reads it (so a tagger's stray I- still counts as an entity, right or wrong).
 */
export function bioSpans(tags: readonly string[]): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let open: EntitySpan | undefined;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const type = tag.length > 2 ? tag.slice(2) : '';
    const continues = open && tag.startsWith('I-') && open.type === type;
    if (continues && open) {
      open.end = i + 1;
      continue;
    }
    open = undefined;
    if (tag === 'O' || !type) continue;
    open = { start: i, end: i + 1, type };
    spans.push(open);
  }
  return spans;
}
