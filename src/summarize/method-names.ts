/**
 * The names of the summarization methods, apart from their code so that the CLI can list them without
 * loading the methods (the ILP ones start a WebAssembly solver). `index.ts` maps each name to its method.
 */
export const METHODS = [
  'newsfuse',
  'lead',
  'centroid',
  'mmr',
  'lexrank',
  'textrank',
  'sumbasic',
  'greedykl',
  'ilp',
  'submodular',
] as const;

export type MethodName = (typeof METHODS)[number];
