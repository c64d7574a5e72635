/** The newsfuse library API. Each stage is usable on its own; `runPipeline` runs them all. */

export { findClaims } from './analyse/claims.js';
export { findDisagreements } from './analyse/disagreements.js';
export { analyseStory } from './analyse/index.js';
export { pageDateConflicts } from './analyse/page-dates.js';
export { quantities } from './analyse/quantities.js';
export { buildBrief } from './brief/build.js';
export { clusterArticles } from './cluster/index.js';
export { StoryClusterer } from './cluster/stream.js';
export { extractArticle } from './extract/index.js';
export { removeSiteTemplates } from './extract/site-template.js';
export { decodeBytes } from './ingest/decode.js';
export { documentsFromBytes, readInputs } from './ingest/index.js';
export { articleSentences, splitSentences } from './language/sentences.js';
export { contentTerms, stem, tokens, wordCount, words } from './language/tokens.js';
export * from './model.js';
export { briefArticles, extractAll, runPipeline } from './pipeline.js';
export { renderHtml } from './render/html.js';
export { renderJson } from './render/json.js';
export { renderMarkdown } from './render/markdown.js';
export { summarize } from './summarize/index.js';
