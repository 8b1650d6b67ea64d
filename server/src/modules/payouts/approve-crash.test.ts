import { spawn } from 'node:child_process';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnv } from '../../../../test/harness';
import { ledgerEntries } from '../commissions/schema';
import { approvePayoutBatch } from './approve-batch';
import { buildPayoutBatch } from './build-batch';
import { payoutBatches } from './schema';
import { givePayable, payee, payoutProgram } from './test-fixtures';

const onPostgres = process.env.TEST_DB === 'postgres';
const env = onPostgres ? await createTestEnv() : undefined;

/**
 * Approves a batch in another process that is killed (SIGKILL) after the first ledger entries are
 * written, inside the transaction — as a server killed in the middle of a batch.
 */
function approveAndDie(databaseUrl: string, orgId: string, batchId: string): Promise<NodeJS.Signals | null> {
  const script = `
    import { createServices } from './server/src/app';
    import { approvePayoutBatch } from './server/src/modules/payouts/approve-batch';
    import { openDatabase } from './server/src/platform/db';
    import { testConfig } from './test/harness';
    const database = await openDatabase({ databaseUrl: process.env.CRASH_DB, poolSize: 1 });
    const services = createServices({ config: testConfig, database });
    const ctx = { orgId: process.env.CRASH_ORG, services, actor: { type: 'system', label: 'Crash test' } };
    await services.db.transaction((tx) =>
      approvePayoutBatch(ctx, tx, process.env.CRASH_BATCH, { afterChunk: () => process.kill(process.pid, 'SIGKILL') }),
    );
    process.exit(0);`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, CRASH_DB: databaseUrl, CRASH_ORG: orgId, CRASH_BATCH: batchId },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal));
  });
}

describe.runIf(onPostgres)('a server killed in the middle of approving a batch (PostgreSQL)', () => {
  it('leaves the batch a draft with nothing moved; started again, it pays every partner once', async () => {
    if (!env) return;
    const { org, program, ctx } = await payoutProgram(env);
    for (const name of ['Mạnh', 'Ngọc', 'Oanh']) {
      const { enrollment } = await payee(env, org.id, program.id, { fullName: `Đại Lý ${name}` });
      await givePayable(env, org.id, enrollment.id, 2_500_000n);
    }
    const built = await env.services.db.transaction((tx) =>
      buildPayoutBatch(ctx, tx, { currency: 'VND', source: 'balances' }),
    );
    const [{ name }] = (await env.database.query<{ name: string }>('select current_database() as name')) as [
      { name: string },
    ];
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    expect(await approveAndDie(url.toString(), org.id, built.batchId)).toBe('SIGKILL');
    const [batch] = await env.services.db
      .select({ status: payoutBatches.status })
      .from(payoutBatches)
      .where(eq(payoutBatches.id, built.batchId));
    expect(batch!.status).toBe('draft');
    const moved = () =>
      env.services.db
        .select()
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.orgId, org.id), eq(ledgerEntries.bucket, 'in_payment')));
    expect(await moved()).toHaveLength(0);
    await env.services.db.transaction((tx) => approvePayoutBatch(ctx, tx, built.batchId));
    await env.services.db.transaction((tx) => approvePayoutBatch(ctx, tx, built.batchId));
    const rows = await moved();
    expect(rows).toHaveLength(3);
    expect(rows.reduce((sum, row) => sum + row.amountMinor, 0n)).toBe(7_500_000n);
  });
});
