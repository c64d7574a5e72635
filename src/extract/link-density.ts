/**
 * Link density, shared by the extractor's rules (html.ts) and its learned container ranker (containers.ts):
 * a block is navigation when more than this share of its words are inside links.
 */
export const LINK_HEAVY = 0.5;
