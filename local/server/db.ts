/**
 * The embedded database: Node's built-in SQLite (`node:sqlite`, Node 22), no native add-on.
 * Loaded through `process.getBuiltinModule` so every runner (node, tsx, jest) gets the same
 * built-in module.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { DatabaseSync } from 'node:sqlite';

export type Database = DatabaseSync;

type SqliteModule = typeof import('node:sqlite');

function loadSqlite(): SqliteModule {
  const getBuiltinModule = (process as unknown as { getBuiltinModule?: (id: string) => unknown })
    .getBuiltinModule;
  if (typeof getBuiltinModule !== 'function') {
    throw new Error(
      `The local tenant needs Node 22 (node:sqlite); this is Node ${process.versions.node}. ` +
        'Run it through npm (npm start, npm test), which uses the Node 22 from node_modules.'
    );
  }
  return getBuiltinModule('node:sqlite') as SqliteModule;
}

/** Opens (and creates) the tenant database; `undefined` folder = in memory, for tests. */
export function openDatabase(dataDir: string | undefined): Database {
  const { DatabaseSync } = loadSqlite();
  if (!dataDir) {
    return new DatabaseSync(':memory:');
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(path.join(dataDir, 'tenant.db'));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  return db;
}

/** Runs `work` in one transaction: all or nothing. */
export function transaction<T>(db: Database, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** A small key/value table for tenant metadata (seed value, seeded-at date, schema hash). */
export function ensureMetaTable(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS tenant_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
}

export function getMeta(db: Database, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM tenant_meta WHERE key = ?').get(key) as
    | { value: string }
    | undefined;
  return row?.value;
}

export function setMeta(db: Database, key: string, value: string): void {
  db.prepare(
    'INSERT INTO tenant_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
  ).run(key, value);
}
