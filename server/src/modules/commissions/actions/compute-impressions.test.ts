import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../../test/enrollment-fixtures';
import { createTestOrg, systemContext } from '../../../../../test/factories';
import { createTestEnv } from '../../../../../test/harness';
import { orgs } from '../../orgs/schema';
import { impressionStats } from '../../tracking';
import { checkLedger } from '../ledger';
import { publishDraftVersion, saveDraftVersion } from '../plans';
import { commissionLines } from '../schema';
import { startComputingClickCommissions } from './click-job';
import { computeImpressionCommissions } from './compute-impressions';

const DAY = 86_400_000;
const env = await createTestEnv();
// the harness clock: 2026-11-02T03:00Z, 10:00 on 2 November in Hồ Chí Minh City (UTC+7)
const { org } = await createTestOrg(env, { name: 'Quảng cáo Sông Hàn' });
await env.services.db.update(orgs).set({ timeZone: 'Asia/Ho_Chi_Minh' }).where(eq(orgs.id, org.id));
const ctx = systemContext(env, org.id);
const program = await createTestProgram(env, org.id);
const an = await createTestEnrollment(env, org.id, { programId: program.id, status: 'approved' });
const binh = await createTestEnrollment(env, org.id, { programId: program.id, status: 'approved' });

await saveDraftVersion(ctx, env.services.db, {
  programId: program.id,
  plan: {
    settings: {},
    // 25.500 ₫ per 1 000 impressions
    rules: [
      {
        id: 'cpm',
        name: 'Mỗi nghìn lượt hiển thị',
        kind: 'action',
        event: 'impression',
        amountMinor: '25500',
      },
    ],
  },
});
// in force from midnight of 30 October, local time
await publishDraftVersion(ctx, env.services.db, {
  programId: program.id,
  effectiveFrom: new Date('2026-10-29T17:00:00Z'),
});

async function impressions(enrollment: { id: string }, hour: string, count: number, bots = 0) {
  await env.services.db
    .insert(impressionStats)
    .values({
      orgId: org.id,
      linkId: `lnk_${enrollment.id}`,
      hour: new Date(hour),
      programId: program.id,
      enrollmentId: enrollment.id,
      impressions: count,
      botImpressions: bots,
    })
    .onConflictDoUpdate({
      target: [impressionStats.orgId, impressionStats.linkId, impressionStats.hour],
      set: { impressions: count },
    });
}

async function cpmLines() {
  const lines = await env.services.db
    .select()
    .from(commissionLines)
    .where(and(eq(commissionLines.orgId, org.id), like(commissionLines.sourceKey, 'cpm:%')))
    .orderBy(commissionLines.enrollmentId, commissionLines.earnedAt, commissionLines.amountMinor);
  return lines.map((line) => {
    const action = (line.explanation as { action: { day: string; impressions: string } }).action;
    return {
      who: line.enrollmentId === an.enrollment.id ? 'an' : 'binh',
      day: action.day,
      impressions: action.impressions,
      amountMinor: line.amountMinor,
    };
  });
}

// 29 October (before the plan): 23:00 local
await impressions(an.enrollment, '2026-10-29T16:00:00Z', 8000);
// 30 October, 00:00 and 23:00 local: 1 234 impressions (bots never paid)
await impressions(an.enrollment, '2026-10-29T17:00:00Z', 1000, 500);
await impressions(an.enrollment, '2026-10-30T16:00:00Z', 234);
// 31 October: 1 020 impressions → 26.010 ₫ exactly
await impressions(binh.enrollment, '2026-10-31T02:00:00Z', 1020);
// 1 November: 19 impressions → 484,5 ₫, rounded half up to 485 ₫
await impressions(binh.enrollment, '2026-11-01T02:00:00Z', 19);
// 2 November, today: not paid before the day ends
await impressions(an.enrollment, '2026-11-02T01:00:00Z', 5000);

describe('CPM: impressions of closed days', () => {
  it('pays impressions × the amount per 1 000, rounded per day, only for days that ended', async () => {
    await startComputingClickCommissions(env.services);
    await env.services.jobs.drain();
    const anLines = [
      // 1 234 × 25.500 / 1 000 = 31.467 ₫
      { who: 'an', day: '2026-10-30', impressions: '1234', amountMinor: 31_467n },
    ];
    const binhLines = [
      { who: 'binh', day: '2026-10-31', impressions: '1020', amountMinor: 26_010n },
      { who: 'binh', day: '2026-11-01', impressions: '19', amountMinor: 485n },
    ];
    expect(await cpmLines()).toEqual(
      an.enrollment.id < binh.enrollment.id ? [...anLines, ...binhLines] : [...binhLines, ...anLines],
    );

    const [line] = await env.services.db
      .select()
      .from(commissionLines)
      .where(
        and(
          eq(commissionLines.orgId, org.id),
          eq(commissionLines.sourceKey, `cpm:cpm:${binh.enrollment.id}:2026-11-01:19`),
        ),
      );
    expect(line).toMatchObject({
      kind: 'action',
      ruleId: 'cpm',
      status: 'on_hold',
      amountMinor: 485n,
      rounding: 'half_up',
      earnedAt: new Date('2026-10-31T17:00:00Z'),
      holdUntil: new Date(new Date('2026-11-01T17:00:00Z').getTime() + 30 * DAY),
      explanation: {
        rule: { id: 'cpm', name: 'Mỗi nghìn lượt hiển thị', kind: 'action' },
        action: { event: 'impression', day: '2026-11-01', timeZone: 'Asia/Ho_Chi_Minh', impressions: '19' },
        calc: { type: 'per_mille', amountMinor: '25500', quantity: '19' },
        exact: '484500/1000',
        rounding: 'half_up',
      },
    });
    expect(await checkLedger(ctx, env.services.db)).toEqual([]);
  });

  it('a rerun writes nothing', async () => {
    const before = await cpmLines();
    expect(await computeImpressionCommissions(env.services)).toBe(0);
    expect(await cpmLines()).toEqual(before);
  });

  it('impressions reported after the day was paid add a line for exactly the difference', async () => {
    // 1 November grows from 19 to 40 impressions: the day is now worth 1.020 ₫, 485 ₫ were paid
    await impressions(binh.enrollment, '2026-11-01T02:00:00Z', 40);
    expect(await computeImpressionCommissions(env.services)).toBe(1);
    const day = (await cpmLines()).filter((line) => line.day === '2026-11-01');
    expect(day).toEqual([
      { who: 'binh', day: '2026-11-01', impressions: '19', amountMinor: 485n },
      { who: 'binh', day: '2026-11-01', impressions: '40', amountMinor: 535n },
    ]);
    expect(day.reduce((sum, line) => sum + line.amountMinor, 0n)).toBe(1_020n);
    const [correction] = await env.services.db
      .select()
      .from(commissionLines)
      .where(eq(commissionLines.sourceKey, `cpm:cpm:${binh.enrollment.id}:2026-11-01:40`));
    expect(correction!.explanation).toMatchObject({
      action: { impressions: '40', paidBefore: { impressions: '19', amountMinor: '485' } },
      calc: { type: 'per_mille', amountMinor: '25500', quantity: '40' },
      exact: '1020000/1000',
    });
    expect(await computeImpressionCommissions(env.services)).toBe(0);
    expect(await checkLedger(ctx, env.services.db)).toEqual([]);
  });

  it('today is paid once it ends at local midnight (17:00 UTC), not before', async () => {
    env.clock.set(new Date('2026-11-02T16:59:59Z'));
    expect(await computeImpressionCommissions(env.services)).toBe(0);
    env.clock.set(new Date('2026-11-02T17:00:00Z'));
    expect(await computeImpressionCommissions(env.services)).toBe(1);
    expect((await cpmLines()).filter((line) => line.day === '2026-11-02')).toEqual([
      { who: 'an', day: '2026-11-02', impressions: '5000', amountMinor: 127_500n },
    ]);
  });

  it('a plan fix in force from 1 November corrects the days since; later impressions add the rest', async () => {
    await saveDraftVersion(ctx, env.services.db, {
      programId: program.id,
      plan: {
        settings: {},
        rules: [
          {
            id: 'cpm',
            name: 'Mỗi nghìn lượt hiển thị',
            kind: 'action',
            event: 'impression',
            amountMinor: '30000',
          },
        ],
      },
    });
    const v2 = await publishDraftVersion(ctx, env.services.db, {
      programId: program.id,
      effectiveFrom: new Date('2026-10-31T17:00:00Z'),
    });
    await env.services.jobs.drain();
    const corrections = await env.services.db
      .select()
      .from(commissionLines)
      .where(and(eq(commissionLines.orgId, org.id), eq(commissionLines.kind, 'correction')))
      .orderBy(commissionLines.sourceKey);
    expect(
      corrections
        .map((c) => ({ key: c.sourceKey, amountMinor: c.amountMinor, version: c.planVersionId }))
        .sort((a, b) => (a.key < b.key ? -1 : 1)),
    ).toEqual(
      [
        // 40 impressions: 1.020 ₫ paid, 1.200 ₫ owed at 30.000 ₫ per 1 000
        { key: `cpm:cpm:${binh.enrollment.id}:2026-11-01:c1`, amountMinor: 180n, version: v2.id },
        // 5 000 impressions: 127.500 ₫ paid, 150.000 ₫ owed
        { key: `cpm:cpm:${an.enrollment.id}:2026-11-02:c1`, amountMinor: 22_500n, version: v2.id },
      ].sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
    // 31 October stays under the first version
    expect(corrections.some((c) => c.sourceKey.includes('2026-10-31'))).toBe(false);
    expect(await computeImpressionCommissions(env.services)).toBe(0);
    // 10 more impressions on 1 November: the day is worth 1.500 ₫, 1.200 ₫ were paid
    await impressions(binh.enrollment, '2026-11-01T02:00:00Z', 50);
    expect(await computeImpressionCommissions(env.services)).toBe(1);
    const [more] = await env.services.db
      .select()
      .from(commissionLines)
      .where(eq(commissionLines.sourceKey, `cpm:cpm:${binh.enrollment.id}:2026-11-01:50`));
    expect(more!.amountMinor).toBe(300n);
    expect(await computeImpressionCommissions(env.services)).toBe(0);
    expect(await checkLedger(ctx, env.services.db)).toEqual([]);
  });
});
