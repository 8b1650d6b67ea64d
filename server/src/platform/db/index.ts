import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';

export const MIGRATIONS_FOLDER = new URL('../../../migrations', import.meta.url).pathname;

// biome-ignore lint/complexity/noBannedTypes: Kênh uses the query builder only, no relational schema.
type NoSchema = {};
export type Db = PgDatabase<PgQueryResultHKT, NoSchema>;
export type Tx = PgTransaction<PgQueryResultHKT, NoSchema, ExtractTablesWithRelations<NoSchema>>;
/** Either the database or an open transaction: use cases accept both. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

type RawQuery = <Row = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<Row[]>;

/** One connection inside a transaction, for the bulk paths the query builder does not reach. */
export type RawSession = {
  query: RawQuery;
  /**
   * Runs `copy … from stdin` (text format) with `data` (text, or encoded text in pieces) as its
   * input: the cheapest way to load many rows. Values must be escaped for the text format (see
   * `copyText`).
   */
  copyFrom: (statement: string, data: string | readonly Uint8Array[]) => Promise<void>;
};

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /** Runs raw SQL with parameters; used where the query builder does not reach (bulk unnest paths). */
  query: RawQuery;
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction: <T>(work: (session: RawSession) => Promise<T>) => Promise<T>;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite kept in `dataDir/pg`. */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
  pglite?: PGlite;
  poolSize?: number;
}): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  if (options.pglite) return wrapPglite(options.pglite, () => undefined);
  if (!options.dataDir) throw new Error('openDatabase needs databaseUrl, dataDir or a PGlite instance');
  const dataDir = options.dataDir;
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    const client = await PGlite.create({ dataDir: join(dataDir, 'pg') });
    return wrapPglite(client, release);
  } catch (error) {
    release();
    throw error;
  }
}

function openPostgres(url: string, max: number): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server drops (restart, failover, a dropped database) is replaced on next
  // use; without a listener the pool's error event would end the process.
  pool.on('error', () => {});
  const db = drizzleNodePg(pool) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    query: async (text, values) => (await pool.query(text, values as unknown[])).rows,
    transaction: async (work) => {
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query('begin');
        const result = await work({
          query: async (text, values) => (await client.query(text, values as unknown[])).rows,
          copyFrom: async (statement, data) => {
            const stream = client.query(copyFromStdin(statement));
            await new Promise<void>((resolve, reject) => {
              stream.on('finish', resolve);
              stream.on('error', reject);
              if (typeof data === 'string') stream.end(data);
              else {
                for (const piece of data) stream.write(piece);
                stream.end();
              }
            });
          },
        });
        await client.query('commit');
        return result;
      } catch (error) {
        broken = await client.query('rollback').then(
          () => undefined,
          (rollbackError: unknown) => rollbackError,
        );
        throw error;
      } finally {
        // a connection whose rollback failed is in an unknown state: destroy it rather than reuse it
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
    migrate: () => migrateNodePg(drizzleNodePg(pool), { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => pool.end(),
  };
}

function wrapPglite(client: PGlite, release: () => void): Database {
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    query: async <Row>(text: string, values?: unknown[]) => (await client.query<Row>(text, values)).rows,
    transaction: (work) =>
      client.transaction((tx) =>
        work({
          query: async <Row>(text: string, values?: unknown[]) => (await tx.query<Row>(text, values)).rows,
          // PGlite reads COPY input from a blob named /dev/blob instead of the client's stream
          copyFrom: async (statement, data) => {
            await tx.query(statement.replace(/\bfrom\s+stdin\b/i, "from '/dev/blob'"), [], {
              blob: new Blob(typeof data === 'string' ? [data] : ([...data] as BlobPart[])),
            });
          },
        }),
      ),
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER }),
    close: async () => {
      await client.close();
      release();
    },
  };
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** A value as a field of COPY's text format: `\N` for null, backslash, tab and line breaks escaped. */
export function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : value;
}

/**
 * PGlite does not lock its data folder, so two processes could corrupt it. A lock file holding the
 * owner's pid refuses a second process; a lock left by a dead process is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, 'kenh.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(lockFile, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockFile, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(
          `The data folder ${dataDir} is in use by another Kênh process (pid ${pid}). Stop it first, or set DATA_DIR to another folder.`,
        );
      }
      if (existsSync(lockFile)) rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock the data folder ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
