import { defineConfig } from 'vitest/config';

const serverTests = ['server/**/*.test.ts', 'web/src/**/*.test.ts', 'test/**/*.test.ts'];
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/**
 * One suite, run on each database: PGlite always, PostgreSQL when TEST_DATABASE_URL is set.
 * Browser flows run last in headless Chromium against a real server.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit-pglite',
          include: serverTests,
          globalSetup: ['test/global-setup.ts'],
          env: { TEST_DB: 'pglite' },
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      ...(onPostgres
        ? [
            {
              test: {
                name: 'unit-postgres',
                include: serverTests,
                globalSetup: ['test/global-setup.ts'],
                env: { TEST_DB: 'postgres' },
                testTimeout: 20_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
