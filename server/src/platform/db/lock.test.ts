import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './index';

// The lock guards PGlite's data folder; a PostgreSQL server guards itself.
describe.runIf(process.env.TEST_DB !== 'postgres')('embedded database folder', () => {
  it('refuses a second opener while the first holds it, and reopens with the data kept', {
    timeout: 90_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenh-lock-'));
    const first = await openDatabase({ dataDir: dir });
    await first.query('create table kept (value text)');
    await first.query(`insert into kept values ('still here')`);
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('${new URL('./index.ts', import.meta.url).pathname}').then(m => m.openDatabase({ dataDir: '${dir}' })).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3); })`,
      ],
      { encoding: 'utf8' },
    );
    expect(child.status).toBe(3);
    expect(child.stderr).toMatch(/in use by another Kênh process/);
    await first.close();
    const again = await openDatabase({ dataDir: dir });
    expect(await again.query('select value from kept')).toEqual([{ value: 'still here' }]);
    await again.close();
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenh-lock-'));
    writeFileSync(join(dir, 'kenh.lock'), '999999');
    const database = await openDatabase({ dataDir: dir });
    expect(readFileSync(join(dir, 'kenh.lock'), 'utf8')).toBe(String(process.pid));
    await database.close();
  });
});
