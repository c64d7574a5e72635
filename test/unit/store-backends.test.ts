/** The storage interface's suite (test/store-suite.ts) on the SQLite store. */
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../../src/store/db.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { tempDir } from '../helpers.js';
import { storeSuite } from '../store-suite.js';

storeSuite('sqlite', {
  schemaVersion: SCHEMA_VERSION,
  async open() {
    const path = join(tempDir('nf-backend-'), 'store.db');
    return { store: new SqliteStore(path), reopen: async () => new SqliteStore(path), drop: async () => {} };
  },
});
