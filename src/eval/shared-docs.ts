/**
 * The raw articles of the shared data sets that the hand-labelled gold sets point into (data/gold/*.jsonl):
 * DUC 2006 topics and Multi-News dev clusters by id, Timeline17 topics by name. Each file is read once per
 * reader. Gold sets store ids and offsets only; this is where their stories' text comes from.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonl } from './data.js';

export interface SharedDoc {
  id: string;
  date?: string;
  title?: string;
  text: string;
}

export type ClusterSet = 'duc2006' | 'multinews';

const CLUSTER_FILES: Record<ClusterSet, string> = {
  duc2006: 'duc2006.jsonl.gz',
  multinews: 'multinews-dev.jsonl',
};

/** A reader of `shared` (the ../shared/data folder); undefined where a story or its file is not there. */
export function sharedDocs(shared: string) {
  const clusters = new Map<ClusterSet, Map<string, SharedDoc[]>>();
  const topics = new Map<string, SharedDoc[] | undefined>();
  return {
    /** The path of a cluster set's file (for messages). */
    clusterFile: (set: ClusterSet) => join(shared, 'summarization', CLUSTER_FILES[set]),
    /** The articles of a DUC 2006 topic or a Multi-News cluster. */
    cluster(set: ClusterSet, id: string): SharedDoc[] | undefined {
      let byId = clusters.get(set);
      if (!byId) {
        byId = new Map();
        const path = join(shared, 'summarization', CLUSTER_FILES[set]);
        if (existsSync(path))
          for (const c of readJsonl<{ id: string; docs: SharedDoc[] }>(path)) byId.set(c.id, c.docs);
        clusters.set(set, byId);
      }
      return byId.get(id);
    },
    /** Every article of a Timeline17 topic, in file order. */
    topic(name: string): SharedDoc[] | undefined {
      if (!topics.has(name)) {
        const path = join(shared, 'timeline', 't17', name, 'articles.jsonl.gz');
        topics.set(name, existsSync(path) ? readJsonl<SharedDoc>(path) : undefined);
      }
      return topics.get(name);
    },
  };
}

/**
 * The folder of the shared datasets an eval reads: `--shared DIR` when given, else the first of
 * ../shared/data beside the working directory, beside the gold file's repository, or beside this checkout.
 */
export function sharedDir(flag: string | boolean | undefined, data: string): string {
  if (typeof flag === 'string') return flag;
  const candidates = [
    resolve('..', 'shared', 'data'),
    resolve(dirname(data), '..', '..', '..', 'shared', 'data'),
    fileURLToPath(new URL('../../../shared/data', import.meta.url)),
  ];
  return candidates.find((c) => existsSync(join(c, 'timeline'))) ?? candidates[0];
}
