import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../../test/global-setup';
import { testConfig } from '../../test/harness';
import { buildApp, createServices } from './app';
import { openDatabase } from './platform/db';
import { createLogger } from './platform/logger';

const BIN = new URL('../../bin/kenh.js', import.meta.url).pathname;
const SECRET_KEY = 'cli-test-secret-key-0123456789-abcdefghij';
const onPostgres = process.env.TEST_DB === 'postgres';
const dataDir = mkdtempSync(join(tmpdir(), 'kenh-cli-'));
const databaseUrl = onPostgres ? await cloneTemplate() : undefined;

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  if (databaseUrl) await dropDatabase(databaseUrl);
});

async function cloneTemplate() {
  const url = process.env.TEST_DATABASE_URL!;
  const name = `kenh_t_${process.ppid}_${process.pid}_cli_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
  await admin.end();
  return withDatabase(url, name);
}

async function dropDatabase(url: string) {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
}

function childEnv(extra: Record<string, string> = {}) {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return {
    ...env,
    SECRET_KEY,
    LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...extra,
  };
}

function kenh(args: string[], extraEnv: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: childEnv(extraEnv) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Opens the database the CLI wrote to, as the server would, and calls the API. */
async function callApi(path: string, apiKey: string) {
  const database = await openDatabase({ databaseUrl, dataDir, poolSize: 1 });
  try {
    const services = createServices({
      config: { ...testConfig, secretKey: SECRET_KEY },
      database,
      log: createLogger('silent'),
    });
    const app = buildApp(services, { serveWeb: false });
    const response = await app.request(path, { headers: { authorization: `Bearer ${apiKey}` } });
    return { status: response.status, body: await response.json() };
  } finally {
    await database.close();
  }
}

describe('kenh CLI', () => {
  it('org create --json prints the owner login and a working owner API key', {
    timeout: 90_000,
  }, async () => {
    const result = await kenh([
      'org',
      'create',
      '--name',
      'Công ty Đồng Xanh',
      '--owner-email',
      'Chu@DongXanh.vn',
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(Object.keys(printed)).toEqual(['orgId', 'ownerEmail', 'ownerPassword', 'apiKey']);
    expect(printed).toMatchObject({
      orgId: expect.stringMatching(/^org_/),
      ownerEmail: 'chu@dongxanh.vn',
      ownerPassword: expect.stringMatching(/^\w{4}-\w{4}-\w{4}-\w{4}$/),
      apiKey: expect.stringMatching(/^kenh_/),
    });
    const org = await callApi('/api/v1/org', printed.apiKey);
    expect(org.status).toBe(200);
    expect(org.body).toMatchObject({
      id: printed.orgId,
      name: 'Công ty Đồng Xanh',
      slug: 'cong-ty-dong-xanh',
    });
    const keys = await callApi('/api/v1/api-keys', printed.apiKey);
    expect(keys.body.items).toEqual([expect.objectContaining({ name: 'CLI', role: 'owner' })]);
  });

  it('seed --demo is idempotent', { timeout: 90_000 }, async () => {
    const first = await kenh(['seed', '--demo']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('chu@hoasen.vn');
    expect(first.stdout).toContain('0901234567');
    const apiKey = first.stdout.match(/kenh_[\w-]{40,}/)?.[0];
    const org = await callApi('/api/v1/org', apiKey!);
    expect(org.body).toMatchObject({ name: 'Mỹ phẩm Hoa Sen', slug: 'hoa-sen', currency: 'VND' });
    const second = await kenh(['seed', '--demo']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('already exists');
    expect(second.stdout).not.toContain('password');
  });

  it('user reset-password prints a new password; errors exit non-zero with a message', {
    timeout: 90_000,
  }, async () => {
    const reset = await kenh(['user', 'reset-password', '--email', 'ketoan@hoasen.vn']);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/New password for ketoan@hoasen\.vn: \w{4}-\w{4}-\w{4}-\w{4}/);
    const unknown = await kenh(['user', 'reset-password', '--email', 'nobody@nowhere.vn']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No account with the email nobody@nowhere.vn');
    const missing = await kenh(['org', 'create', '--name', 'Thiếu email']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Missing --owner-email');
    const badFlag = await kenh(['org', 'create', '--nme', 'x']);
    expect(badFlag.code).toBe(1);
    expect(badFlag.stderr).toContain("Unknown option '--nme'");
    const unknownCommand = await kenh(['frobnicate']);
    expect(unknownCommand.code).toBe(1);
    expect(unknownCommand.stderr).toContain('Unknown command "frobnicate"');
  });
});

describe('kenh start on a new embedded database', () => {
  it('seeds the demo organisation once and prints the logins', { timeout: 90_000 }, async () => {
    const freshDir = mkdtempSync(join(tmpdir(), 'kenh-start-'));
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const run = async () => {
      const child = spawn(process.execPath, [BIN, 'start'], {
        env: { ...childEnv({ DATA_DIR: freshDir, PORT: port, LOG_LEVEL: 'info' }), DATABASE_URL: '' },
      });
      let stdout = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
          if (stdout.includes('Kênh is running')) resolve();
        });
        child.on('close', (code) => reject(new Error(`exited with ${code}: ${stdout}`)));
      });
      await stop(child);
      return stdout;
    };
    try {
      const first = await run();
      expect(first).toMatch(/\+-+\+\n\| Kênh demo: Mỹ phẩm Hoa Sen/);
      expect(first).toContain('chu@hoasen.vn');
      const second = await run();
      expect(second).not.toContain('Kênh demo');
    } finally {
      rmSync(freshDir, { recursive: true, force: true });
    }
  });
});

function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    child.removeAllListeners('close');
    child.on('close', () => resolve());
    child.kill('SIGTERM');
  });
}
