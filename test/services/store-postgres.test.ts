/** The storage interface's suite (test/store-suite.ts) on the PostgreSQL store, in a schema of its own. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPostgresStore, PG_SCHEMA_VERSION, parsePostgresUrl } from '../../src/store/postgres.js';
import { storeSuite } from '../store-suite.js';
import { noPostgres, pgSchemaUrl, uniqueName } from './services.js';

const skip = await noPostgres();
if (skip) test('PostgreSQL store suite', { skip }, () => {});
else
  storeSuite('postgres', {
    schemaVersion: PG_SCHEMA_VERSION,
    async open() {
      const url = pgSchemaUrl(uniqueName('nf_store'));
      const store = await openPostgresStore(url);
      return {
        store,
        reopen: () => openPostgresStore(url),
        drop: async () => {
          const admin = await openPostgresStore(url);
          await admin.dropSchema();
          await admin.close();
        },
      };
    },
  });

test('a store URL names its schema; a bad schema name is refused before connecting', async () => {
  assert.deepEqual(parsePostgresUrl('postgres://u@h:5432/db?schema=nf_x&sslmode=disable'), {
    connectionString: 'postgres://u@h:5432/db?sslmode=disable',
    schema: 'nf_x',
  });
  assert.throws(() => parsePostgresUrl('postgres://u@h/db?schema=x;drop'), /schema/);
});
