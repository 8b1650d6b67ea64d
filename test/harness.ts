import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { buildApp, createServices } from '../server/src/app';
import { stopTracking } from '../server/src/modules/tracking';
import { fixedClock } from '../server/src/platform/clock';
import type { Config } from '../server/src/platform/config';
import { type Database, openDatabase } from '../server/src/platform/db';
import type { Router } from '../server/src/platform/http/app';
import type { RateLimits } from '../server/src/platform/http/rate-limit';
import { createLogger, type Logger } from '../server/src/platform/logger';
import type { Services } from '../server/src/platform/services';
import { withDatabase } from './global-setup';

export type TestEnv = {
  services: Services;
  app: Router;
  database: Database;
  clock: ReturnType<typeof fixedClock>;
};

export const testConfig: Config = {
  port: 0,
  databaseUrl: undefined,
  dataDir: '/tmp/kenh-test-unused',
  appUrl: 'http://kenh.test',
  smtpUrl: undefined,
  secretKey: 'test-secret-key-test-secret-key-0123456789',
  logLevel: 'silent',
  mailFrom: 'Kênh <no-reply@kenh.test>',
  secureCookies: false,
};

let counter = 0;

/** A migrated database of the kind this project runs on (TEST_DB), fresh for the calling test file. */
export async function openTestDatabase(): Promise<Database> {
  if (process.env.TEST_DB === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `kenh_t_${process.ppid}_${process.pid}_${Date.now()}_${counter++}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 5 });
    return {
      ...database,
      close: async () => {
        await database.close();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const dump = readFileSync(inject('pgliteTemplate'));
  const client = await PGlite.create({ loadDataDir: new Blob([dump]) });
  return openDatabase({ pglite: client });
}

/**
 * Services and app on a fresh database for one test file, with a clock the test controls.
 * Closed after the file's tests.
 */
export async function createTestEnv(
  options: { config?: Partial<Config>; rateLimits?: RateLimits; log?: Logger } = {},
): Promise<TestEnv> {
  const database = await openTestDatabase();
  const clock = fixedClock(new Date('2026-11-02T03:00:00Z'));
  const services = createServices({
    config: { ...testConfig, ...options.config },
    database,
    clock,
    log: options.log ?? createLogger('silent'),
  });
  const app = buildApp(services, {
    serveWeb: false,
    rateLimits: options.rateLimits ?? { perKeyPerMinute: 100_000, perIpPerMinute: 100_000 },
  });
  afterAll(async () => {
    await stopTracking(services);
    await services.jobs.stop();
    await database.close();
  });
  return { services, app, database, clock };
}
