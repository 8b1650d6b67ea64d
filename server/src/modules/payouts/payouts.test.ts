import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiCall, createTestApiKey } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { balancesOf, checkLedger } from '../commissions/ledger';
import { ledgerEntries } from '../commissions/schema';
import { notifications } from '../notifications';
import { approvePayoutBatch } from './approve-batch';
import { buildPayoutBatch } from './build-batch';
import { parseVietQr } from './formats';
import { buildScheduledBatches } from './scheduled-batches';
import { payoutBatches, payoutSettings, payouts, withdrawalRequests } from './schema';
import { importBankStatement, markPayoutFailed, markPayoutsPaid, referencesIn } from './settle-payouts';
import { monthlyStatement } from './statement';
import { VIETNAM_DEFAULT_TAX, withholdingFor } from './tax';
import { givePayable, payee, payoutProgram } from './test-fixtures';
import { convertToStoreCredit, requestWithdrawal } from './withdrawals';

const env = await createTestEnv();

const individual = { isCompany: false, taxCommitment: false };
/** An amount as a Vietnamese bank statement writes it: 2205000 → "2.205.000". */
const withDots = (amount: bigint) => amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');

describe('personal income tax withheld (Vietnam, Circular 111/2013/TT-BTC)', () => {
  it('takes 10% from 2,000,000 ₫ and nothing below, nor from companies or partners with a commitment', () => {
    const tax = (gross: bigint, payeeKind = individual) =>
      withholdingFor(VIETNAM_DEFAULT_TAX, payeeKind, gross, 'VND');
    expect(tax(1_999_999n)).toEqual({ taxMinor: 0n, reason: 'below_threshold' });
    expect(tax(2_000_000n)).toEqual({ taxMinor: 200_000n, reason: 'withheld' });
    expect(tax(2_450_000n)).toEqual({ taxMinor: 245_000n, reason: 'withheld' });
    expect(tax(2_000_005n)).toEqual({ taxMinor: 200_001n, reason: 'withheld' }); // 200,000.5 rounds half up
    expect(tax(2_000_000n, { isCompany: false, taxCommitment: true })).toEqual({
      taxMinor: 0n,
      reason: 'commitment',
    });
    expect(tax(5_000_000n, { isCompany: true, taxCommitment: false })).toEqual({
      taxMinor: 0n,
      reason: 'company',
    });
    expect(withholdingFor(VIETNAM_DEFAULT_TAX, individual, 2_000_000n, 'THB')).toEqual({
      taxMinor: 0n,
      reason: 'not_taxed',
    });
  });
});

describe('a withdrawal paid by batch', () => {
  it('requests 2,450,000 ₫, withholds 245,000 ₫, pays 2,205,000 ₫ by VietQR and moves the ledger exactly', async () => {
    const { org, program, ctx } = await payoutProgram(env);
    const { enrollment, identity } = await payee(env, org.id, program.id);
    await givePayable(env, org.id, enrollment.id, 2_450_000n);
    const request = await env.services.db.transaction((tx) =>
      requestWithdrawal(ctx, tx, {
        enrollmentId: enrollment.id,
        amountMinor: 2_450_000n,
        method: 'vietqr',
        clientRequestId: 'tap-0001-abcdef',
      }),
    );
    // the same tap twice is one request
    const again = await requestWithdrawal(ctx, env.services.db, {
      enrollmentId: enrollment.id,
      amountMinor: 2_450_000n,
      method: 'vietqr',
      clientRequestId: 'tap-0001-abcdef',
    });
    expect(again.id).toBe(request.id);

    const built = await env.services.db.transaction((tx) =>
      buildPayoutBatch(ctx, tx, { currency: 'VND', source: 'requests' }),
    );
    const [payout] = await env.services.db.select().from(payouts).where(eq(payouts.batchId, built.batchId));
    expect(payout).toMatchObject({
      grossMinor: 2_450_000n,
      taxMinor: 245_000n,
      netMinor: 2_205_000n,
      status: 'draft',
    });
    expect(payout!.reference).toMatch(/^KENH B\d+ P1$/);
    // nothing moves before approval
    expect((await balancesOf(ctx, env.services.db, enrollment.id)).get('VND')!.payable).toBe(2_450_000n);

    const { secret } = await createTestApiKey(env, org.id, 'accountant');
    const call = apiCall(env, secret);
    const approved = await call('POST', `/api/v1/payout-batches/${built.batchId}/approve`);
    expect(approved.status).toBe(200);
    expect((await approved.json()).batch.totals).toEqual({
      count: 1,
      grossMinor: '2450000',
      taxMinor: '245000',
      netMinor: '2205000',
    });
    const balances = () => balancesOf(ctx, env.services.db, enrollment.id).then((all) => all.get('VND')!);
    expect(await balances()).toMatchObject({ payable: 0n, in_payment: 2_450_000n, paid: 0n, withheld: 0n });

    // the QR the accountant scans: Vietcombank, the account, the net amount, the reference
    const qr = await (await call('GET', `/api/v1/payouts/${payout!.id}/vietqr`)).json();
    const decoded = parseVietQr(qr.payload);
    expect(decoded.crcValid).toBe(true);
    expect(decoded).toMatchObject({
      bankBin: '970436',
      accountNumber: '0071000123456',
      amountMinor: 2_205_000n,
    });
    expect(decoded.memo).toContain(payout!.reference);
    const png = await call('GET', `/api/v1/payouts/${payout!.id}/vietqr.png`);
    expect(png.headers.get('content-type')).toBe('image/png');

    const paid = await call('POST', '/api/v1/payouts/mark-paid', { payoutIds: [payout!.id] });
    expect(await paid.json()).toEqual({ settled: [payout!.id], skipped: [], unknown: 0 });
    expect(await balances()).toMatchObject({
      payable: 0n,
      in_payment: 0n,
      paid: 2_205_000n,
      withheld: 245_000n,
    });
    // marking again changes nothing
    expect(
      await (await call('POST', '/api/v1/payouts/mark-paid', { payoutIds: [payout!.id] })).json(),
    ).toEqual({
      settled: [],
      skipped: [{ id: payout!.id, reason: 'already paid' }],
      unknown: 0,
    });
    expect(await balances()).toMatchObject({ paid: 2_205_000n, withheld: 245_000n });
    const [closed] = await env.services.db
      .select()
      .from(withdrawalRequests)
      .where(eq(withdrawalRequests.id, request.id));
    expect(closed!.status).toBe('paid');
    const told = await env.services.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, org.id), eq(notifications.identityId, identity.id)));
    expect(told.map((row) => [row.kind, row.params.amount])).toEqual([['payout_paid', '2205000']]);
    expect(await checkLedger(ctx, env.services.db)).toEqual([]);
  });

  it('refuses requests above the payable balance, below the minimum, without a bank account, or twice at once', async () => {
    const { org, program, ctx } = await payoutProgram(env);
    const { enrollment } = await payee(env, org.id, program.id);
    const { enrollment: noBank } = await payee(env, org.id, program.id, { bank: false });
    const { enrollment: unverified } = await payee(env, org.id, program.id, { verified: false });
    await givePayable(env, org.id, enrollment.id, 500_000n);
    await givePayable(env, org.id, noBank.id, 500_000n);
    await givePayable(env, org.id, unverified.id, 500_000n);
    const ask = (enrollmentId: string, amountMinor: bigint, id: string) =>
      requestWithdrawal(ctx, env.services.db, {
        enrollmentId,
        amountMinor,
        method: 'vietqr',
        clientRequestId: id,
      });
    await expect(ask(enrollment.id, 500_001n, 'tap-above-balance')).rejects.toThrow(/payable balance/);
    await expect(ask(enrollment.id, 199_999n, 'tap-below-minimum')).rejects.toThrow(/minimum/);
    await expect(ask(noBank.id, 300_000n, 'tap-without-bank')).rejects.toThrow(/bank account/);
    await expect(ask(unverified.id, 300_000n, 'tap-unverified-bank')).rejects.toThrow(/verify/);
    await ask(enrollment.id, 300_000n, 'tap-first-request');
    await expect(ask(enrollment.id, 100_000n + 200_000n, 'tap-second-request')).rejects.toThrow(/already/);
  });

  it('a failed payout goes back to payable with its reason, and the partner is told', async () => {
    const { org, program, ctx } = await payoutProgram(env);
    const { enrollment } = await payee(env, org.id, program.id);
    await givePayable(env, org.id, enrollment.id, 900_000n);
    const built = await env.services.db.transaction((tx) =>
      buildPayoutBatch(ctx, tx, { currency: 'VND', source: 'balances' }),
    );
    await env.services.db.transaction((tx) => approvePayoutBatch(ctx, tx, built.batchId));
    const [payout] = await env.services.db.select().from(payouts).where(eq(payouts.batchId, built.batchId));
    expect(payout!.taxMinor).toBe(0n);
    await env.services.db.transaction((tx) =>
      markPayoutFailed(ctx, tx, payout!.id, 'Tài khoản không tồn tại'),
    );
    const all = (await balancesOf(ctx, env.services.db, enrollment.id)).get('VND')!;
    expect(all).toMatchObject({ payable: 900_000n, in_payment: 0n, paid: 0n });
    // and the next batch can pay it; a partner without a bank account is left out, with the reason kept
    const { enrollment: noBank } = await payee(env, org.id, program.id, { bank: false });
    await givePayable(env, org.id, noBank.id, 400_000n);
    const next = await env.services.db.transaction((tx) =>
      buildPayoutBatch(ctx, tx, { currency: 'VND', source: 'balances', programId: program.id }),
    );
    expect(next.skipped).toEqual([{ enrollmentId: noBank.id, reason: 'no_bank_account' }]);
    const [stored] = await env.services.db
      .select()
      .from(payoutBatches)
      .where(eq(payoutBatches.id, next.batchId));
    expect(stored!.filters.skipped).toEqual(next.skipped);
  });
});

describe('exactly once', () => {
  it('approving twice, or two accountants at the same moment, pays every partner once', async () => {
    const { org, program, ctx } = await payoutProgram(env);
    const people = [];
    for (const [n, name] of ['An', 'Bình', 'Chi', 'Dũng', 'Giang'].entries()) {
      const { enrollment } = await payee(env, org.id, program.id, { fullName: `Cộng Tác ${name}` });
      await givePayable(env, org.id, enrollment.id, 1_000_000n + BigInt(n) * 1_000_000n);
      people.push(enrollment.id);
    }
    const built = await env.services.db.transaction((tx) =>
      buildPayoutBatch(ctx, tx, { currency: 'VND', source: 'balances' }),
    );
    const approve = () => env.services.db.transaction((tx) => approvePayoutBatch(ctx, tx, built.batchId));
    const results = await Promise.allSettled([approve(), approve(), approve()]);
    const fulfilled = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    expect(fulfilled.filter((result) => !result.alreadyApproved)).toHaveLength(1);
    expect((await approve()).alreadyApproved).toBe(true);
    const moved = await env.services.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orgId, org.id), eq(ledgerEntries.bucket, 'in_payment')));
    expect(moved).toHaveLength(5);
    expect(moved.reduce((sum, row) => sum + row.amountMinor, 0n)).toBe(15_000_000n);
    // a second batch finds nothing left to pay
    await expect(
      env.services.db.transaction((tx) => buildPayoutBatch(ctx, tx, { currency: 'VND', source: 'balances' })),
    ).rejects.toThrow(/No partner can be paid/);
  });

  it('a crash in the middle of approval leaves the batch a draft; approving again pays everyone once', async () => {
    const { org, program, ctx } = await payoutProgram(env);
    for (const name of ['Hà', 'Khánh', 'Linh']) {
      const { enrollment } = await payee(env, org.id, program.id, { fullName: `Đại Lý ${name}` });
      await givePayable(env, org.id, enrollment.id, 3_000_000n);
    }
    const built = await env.services.db.transaction((tx) =>
      buildPayoutBatch(ctx, tx, { currency: 'VND', source: 'balances' }),
    );
    await expect(
      env.services.db.transaction((tx) =>
        approvePayoutBatch(ctx, tx, built.batchId, {
          afterChunk: () => {
            throw new Error('process killed');
          },
        }),
      ),
    ).rejects.toThrow('process killed');
    const inPayment = () =>
      env.services.db
        .select()
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.orgId, org.id), eq(ledgerEntries.bucket, 'in_payment')));
    expect(await inPayment()).toHaveLength(0);
    await env.services.db.transaction((tx) => approvePayoutBatch(ctx, tx, built.batchId));
    expect(await inPayment()).toHaveLength(3);
  });
});

describe('bank statement import and statements', () => {
  it('matches payouts by the reference in the memo and the net amount', async () => {
    expect(referencesIn('CK KENH B7 P12 hoa hong thang 11')).toEqual(['KENH B7 P12']);
    expect(referencesIn('kenh b7 p1')).toEqual(['KENH B7 P1']);
    const { org, program, ctx } = await payoutProgram(env);
    const a = await payee(env, org.id, program.id, { fullName: 'Lê Văn An' });
    const b = await payee(env, org.id, program.id, { fullName: 'Phạm Thị Bình' });
    await givePayable(env, org.id, a.enrollment.id, 2_450_000n);
    await givePayable(env, org.id, b.enrollment.id, 800_000n);
    const built = await env.services.db.transaction((tx) =>
      buildPayoutBatch(ctx, tx, { currency: 'VND', source: 'balances' }),
    );
    await env.services.db.transaction((tx) => approvePayoutBatch(ctx, tx, built.batchId));
    const rows = await env.services.db
      .select()
      .from(payouts)
      .where(eq(payouts.batchId, built.batchId))
      .orderBy(payouts.reference);
    const [first, second] = rows;
    const report = await env.services.db.transaction((tx) =>
      importBankStatement(ctx, tx, [
        { line: 2, memo: `IBFT ${first!.reference} CTV`, amountText: withDots(first!.netMinor) },
        { line: 3, memo: `IBFT ${second!.reference}`, amountText: '1' },
        { line: 4, memo: 'Chuyen tien khac', amountText: '50.000' },
      ]),
    );
    expect(report).toEqual([
      { line: 2, reference: first!.reference, outcome: 'paid' },
      { line: 3, reference: second!.reference, outcome: 'amount_mismatch' },
      { line: 4, reference: null, outcome: 'no_match' },
    ]);
  });

  it('a monthly statement adds up to the ledger: opening, earnings, payouts with tax, closing', async () => {
    const { org, program, ctx } = await payoutProgram(env);
    const { enrollment } = await payee(env, org.id, program.id);
    // October: 1,000,000 earned; November: 2,450,000 more, paid out (245,000 withheld), then a 90,000 return
    await givePayable(env, org.id, enrollment.id, 1_000_000n, new Date('2026-10-10T05:00:00Z'));
    await givePayable(env, org.id, enrollment.id, 2_450_000n, new Date('2026-11-01T05:00:00Z'));
    const built = await env.services.db.transaction((tx) =>
      buildPayoutBatch(ctx, tx, { currency: 'VND', source: 'balances' }),
    );
    await env.services.db.transaction((tx) => approvePayoutBatch(ctx, tx, built.batchId));
    const [payout] = await env.services.db.select().from(payouts).where(eq(payouts.batchId, built.batchId));
    expect(payout).toMatchObject({ grossMinor: 3_450_000n, taxMinor: 345_000n, netMinor: 3_105_000n });
    await env.services.db.transaction((tx) => markPayoutsPaid(ctx, tx, [payout!.id]));
    await givePayable(env, org.id, enrollment.id, -90_000n);
    const statement = await monthlyStatement(ctx, env.services.db, {
      enrollmentId: enrollment.id,
      month: '2026-11',
      currency: 'VND',
    });
    expect(statement.openingMinor).toBe(1_000_000n);
    expect(statement.totals).toEqual({
      earnings: 0n,
      reversals: 0n,
      adjustments: 2_360_000n,
      payouts: -3_450_000n,
      taxWithheld: 345_000n,
      netPaid: 3_105_000n,
      storeCredit: 0n,
    });
    expect(statement.closingMinor).toBe(-90_000n);
    const all = (await balancesOf(ctx, env.services.db, enrollment.id)).get('VND')!;
    expect(statement.closingMinor).toBe(all.payable + all.in_payment);
  });
});

describe('payout settings and store credit', () => {
  it('a program offering store credit with a 5% bonus turns 1.000.000 ₫ payable into 1.050.000 ₫ of credit, once', async () => {
    const { org, program, ctx } = await payoutProgram(env);
    const { enrollment } = await payee(env, org.id, program.id);
    await givePayable(env, org.id, enrollment.id, 1_500_000n);
    const { secret } = await createTestApiKey(env, org.id, 'accountant');
    const call = apiCall(env, secret);
    const settings = {
      schedule: 'monthly',
      methods: ['vietqr', 'store_credit'],
      storeCreditBonusPpm: 50_000,
      depositAlertMinor: null,
      depositBlocksOrders: false,
      bankFileTemplate: null,
    };
    const bad = await call('PUT', `/api/v1/programs/${program.id}/payout-settings`, {
      ...settings,
      bankFileTemplate: { name: 'x', columns: [{ header: 'A', field: 'nope' }] },
    });
    expect(bad.status).toBe(400);
    const saved = await call('PUT', `/api/v1/programs/${program.id}/payout-settings`, settings);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual(settings);
    const convert = () =>
      convertToStoreCredit(ctx, env.services.db, {
        enrollmentId: enrollment.id,
        amountMinor: 1_000_000n,
        clientRequestId: 'credit-tap-0001',
      });
    expect(await convert()).toEqual({ amountMinor: 1_050_000n, currency: 'VND', alreadyDone: false });
    expect((await convert()).alreadyDone).toBe(true);
    const balances = (await balancesOf(ctx, env.services.db, enrollment.id)).get('VND')!;
    expect(balances).toMatchObject({ payable: 500_000n, store_credit: 1_050_000n });
    await expect(
      convertToStoreCredit(ctx, env.services.db, {
        enrollmentId: enrollment.id,
        amountMinor: 500_001n,
        clientRequestId: 'credit-tap-0002',
      }),
    ).rejects.toThrow(/payable balance/);
  });
});

describe('payout schedules', () => {
  it('a weekly program gets one draft batch on Monday (Vietnam time), none again that day nor on Tuesday', async () => {
    const { org, program } = await payoutProgram(env);
    const { enrollment } = await payee(env, org.id, program.id);
    await givePayable(env, org.id, enrollment.id, 700_000n, new Date('2026-11-27T03:00:00Z'));
    await env.services.db
      .insert(payoutSettings)
      .values({ orgId: org.id, programId: program.id, schedule: 'weekly' });
    const batchesOf = () =>
      env.services.db
        .select({ status: payoutBatches.status, filters: payoutBatches.filters })
        .from(payoutBatches)
        .where(eq(payoutBatches.orgId, org.id));
    const saved = env.clock.now();
    try {
      // Sunday 23:30 in Hồ Chí Minh City: not yet
      env.clock.set(new Date('2026-11-29T16:30:00Z'));
      await buildScheduledBatches(env.services);
      expect(await batchesOf()).toEqual([]);
      // Monday 02:00 in Hồ Chí Minh City (Sunday 19:00 UTC)
      env.clock.set(new Date('2026-11-29T19:00:00Z'));
      await buildScheduledBatches(env.services);
      await buildScheduledBatches(env.services);
      const [batch, ...more] = await batchesOf();
      expect(more).toEqual([]);
      expect(batch).toMatchObject({
        status: 'draft',
        filters: { scheduledFor: '2026-11-30', source: 'balances' },
      });
      env.clock.set(new Date('2026-12-01T03:00:00Z'));
      await buildScheduledBatches(env.services);
      expect(await batchesOf()).toHaveLength(1);
    } finally {
      env.clock.set(saved);
    }
  });
});
