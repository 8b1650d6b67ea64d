import { and, eq, like, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../../test/enrollment-fixtures';
import { createTestOrg, systemContext } from '../../../../../test/factories';
import { createTestEnv } from '../../../../../test/harness';
import { orgs } from '../../orgs/schema';
import { clickStats } from '../../tracking';
import { checkLedger } from '../ledger';
import { publishDraftVersion, saveDraftVersion } from '../plans';
import { commissionLines, ledgerEntries } from '../schema';
import { startComputingClickCommissions } from './click-job';
import { computeClickCommissions } from './compute-clicks';

const DAY = 86_400_000;
const env = await createTestEnv();
// the harness clock: 2026-11-02T03:00Z, 10:00 on 2 November in Hồ Chí Minh City (UTC+7)
const { org } = await createTestOrg(env, { name: 'Du lịch Biển Xanh' });
await env.services.db.update(orgs).set({ timeZone: 'Asia/Ho_Chi_Minh' }).where(eq(orgs.id, org.id));
const ctx = systemContext(env, org.id);
const program = await createTestProgram(env, org.id);
const an = await createTestEnrollment(env, org.id, { programId: program.id, status: 'approved' });
const binh = await createTestEnrollment(env, org.id, { programId: program.id, status: 'approved' });

await saveDraftVersion(ctx, env.services.db, {
  programId: program.id,
  plan: {
    settings: {},
    rules: [{ id: 'cpc', name: 'Mỗi lượt nhấp', kind: 'action', event: 'click', amountMinor: '500' }],
  },
});
// in force from midnight of 30 October, local time
await publishDraftVersion(ctx, env.services.db, {
  programId: program.id,
  effectiveFrom: new Date('2026-10-29T17:00:00Z'),
});

async function clicks(
  enrollment: { id: string },
  hour: string,
  unique: number,
  options: { device?: 'desktop' | 'mobile' | 'bot'; bots?: number } = {},
) {
  await env.services.db.insert(clickStats).values({
    orgId: org.id,
    linkId: `lnk_${enrollment.id}`,
    hour: new Date(hour),
    deviceType: options.device ?? 'mobile',
    programId: program.id,
    enrollmentId: enrollment.id,
    clicks: unique + (options.bots ?? 0) + 1,
    uniqueClicks: unique,
    botClicks: options.bots ?? 0,
  });
}

// 29 October (before the plan): 23:00 local
await clicks(an.enrollment, '2026-10-29T16:00:00Z', 8);
// 30 October: 00:00 and 23:00 local
await clicks(an.enrollment, '2026-10-29T17:00:00Z', 3);
await clicks(an.enrollment, '2026-10-29T17:00:00Z', 2, { device: 'desktop' });
await clicks(an.enrollment, '2026-10-30T16:00:00Z', 4);
await clicks(binh.enrollment, '2026-10-30T05:00:00Z', 6);
await clicks(binh.enrollment, '2026-10-30T06:00:00Z', 0, { device: 'bot', bots: 40 });
// 31 October: 00:00 local (still 30 October in UTC)
await clicks(an.enrollment, '2026-10-30T17:00:00Z', 5);
// 1 November: 23:00 local
await clicks(binh.enrollment, '2026-11-01T16:00:00Z', 1);
// 2 November, today: 08:00 local and 23:00 local
await clicks(an.enrollment, '2026-11-02T01:00:00Z', 10);
await clicks(an.enrollment, '2026-11-02T16:00:00Z', 2);

async function clickLines() {
  const lines = await env.services.db
    .select()
    .from(commissionLines)
    .where(and(eq(commissionLines.orgId, org.id), like(commissionLines.sourceKey, 'cpc:%')))
    .orderBy(commissionLines.sourceKey);
  return lines.map((line) => ({
    enrollmentId: line.enrollmentId,
    day: (line.explanation as { action: { day: string } }).action.day,
    uniqueClicks: (line.explanation as { action: { uniqueClicks: number } }).action.uniqueClicks,
    amountMinor: line.amountMinor,
    status: line.status,
  }));
}

async function countOf(table: typeof commissionLines | typeof ledgerEntries) {
  const [row] = await env.services.db
    .select({ count: sql<number>`count(*)::int` })
    .from(table)
    .where(eq(table.orgId, org.id));
  return row!.count;
}

const line = (enrollmentId: string, day: string, uniqueClicks: number) => ({
  enrollmentId,
  day,
  uniqueClicks,
  amountMinor: BigInt(uniqueClicks) * 500n,
  status: 'on_hold',
});

describe('CPC: unique clicks of closed days', () => {
  it('pays each partner’s unique clicks per local day, only for days that ended', async () => {
    await startComputingClickCommissions(env.services);
    await env.services.jobs.drain();
    const expected = [
      line(an.enrollment.id, '2026-10-30', 9),
      line(an.enrollment.id, '2026-10-31', 5),
      line(binh.enrollment.id, '2026-10-30', 6),
      line(binh.enrollment.id, '2026-11-01', 1),
    ].sort((a, b) =>
      `cpc:cpc:${a.enrollmentId}:${a.day}`.localeCompare(`cpc:cpc:${b.enrollmentId}:${b.day}`),
    );
    expect(await clickLines()).toEqual(expected);

    const [first] = await env.services.db
      .select()
      .from(commissionLines)
      .where(
        and(
          eq(commissionLines.orgId, org.id),
          eq(commissionLines.sourceKey, `cpc:cpc:${an.enrollment.id}:2026-10-30`),
        ),
      );
    expect(first).toMatchObject({
      kind: 'action',
      ruleId: 'cpc',
      amountMinor: 4_500n,
      earnedAt: new Date('2026-10-29T17:00:00Z'),
      // the program holds 30 days from the end of the day
      holdUntil: new Date(new Date('2026-10-30T17:00:00Z').getTime() + 30 * DAY),
      explanation: {
        rule: { id: 'cpc', name: 'Mỗi lượt nhấp', kind: 'action' },
        action: { event: 'click', day: '2026-10-30', timeZone: 'Asia/Ho_Chi_Minh', uniqueClicks: 9 },
        calc: { type: 'per_click', amountMinor: '500', quantity: 9 },
        exact: '4500/1',
      },
    });
    expect(await checkLedger(ctx, env.services.db)).toEqual([]);
  });

  it('a rerun writes nothing', async () => {
    const lines = await countOf(commissionLines);
    const entries = await countOf(ledgerEntries);
    expect(await computeClickCommissions(env.services)).toBe(0);
    expect(await countOf(commissionLines)).toBe(lines);
    expect(await countOf(ledgerEntries)).toBe(entries);
  });

  it('today is computed once it ends at local midnight (17:00 UTC), not before', async () => {
    env.clock.set(new Date('2026-11-02T16:59:59Z'));
    expect(await computeClickCommissions(env.services)).toBe(0);
    env.clock.set(new Date('2026-11-02T17:00:00Z'));
    expect(await computeClickCommissions(env.services)).toBe(1);
    expect((await clickLines()).filter((l) => l.day === '2026-11-02')).toEqual([
      line(an.enrollment.id, '2026-11-02', 12),
    ]);
    expect(await computeClickCommissions(env.services)).toBe(0);
  });

  it('the daily job books its next run, once per day', async () => {
    await startComputingClickCommissions(env.services);
    await startComputingClickCommissions(env.services);
    const rows = await env.services.database.query<{ count: number }>(
      `select count(*)::int as count from jobs where name = 'commissions.click-commissions' and status = 'queued'`,
    );
    expect(rows[0]!.count).toBe(1);
  });
});

describe('CPC: a plan fix settles the days already paid', () => {
  const correctionsOf = () =>
    env.services.db
      .select()
      .from(commissionLines)
      .where(and(eq(commissionLines.orgId, org.id), eq(commissionLines.kind, 'correction')))
      .orderBy(commissionLines.createdAt, commissionLines.sourceKey);
  const originalOf = async (enrollmentId: string, day: string) => {
    const [original] = await env.services.db
      .select()
      .from(commissionLines)
      .where(
        and(
          eq(commissionLines.orgId, org.id),
          eq(commissionLines.sourceKey, `cpc:cpc:${enrollmentId}:${day}`),
        ),
      );
    return original!;
  };

  it('a higher amount per click from 1 November corrects the days since, and only those', async () => {
    // now: 3 November 00:00 local; paid so far at 500 ₫ a click
    await saveDraftVersion(ctx, env.services.db, {
      programId: program.id,
      plan: {
        settings: {},
        rules: [{ id: 'cpc', name: 'Mỗi lượt nhấp', kind: 'action', event: 'click', amountMinor: '800' }],
      },
    });
    const v2 = await publishDraftVersion(ctx, env.services.db, {
      programId: program.id,
      effectiveFrom: new Date('2026-10-31T17:00:00Z'),
    });
    await env.services.jobs.drain();
    const binhDay = await originalOf(binh.enrollment.id, '2026-11-01');
    const anDay = await originalOf(an.enrollment.id, '2026-11-02');
    const corrections = (await correctionsOf()).sort((a, b) =>
      a.reversesLineId! < b.reversesLineId! ? -1 : 1,
    );
    expect(
      corrections.map((c) => ({
        enrollmentId: c.enrollmentId,
        reversesLineId: c.reversesLineId,
        planVersionId: c.planVersionId,
        amountMinor: c.amountMinor,
        status: c.status,
        earnedAt: c.earnedAt,
        explanation: c.explanation,
      })),
    ).toEqual(
      [
        // 1 click: 500 → 800 ₫
        {
          enrollmentId: binh.enrollment.id,
          reversesLineId: binhDay.id,
          planVersionId: v2.id,
          amountMinor: 300n,
          status: 'on_hold',
          earnedAt: binhDay.earnedAt,
          explanation: { correction: { ofLineId: binhDay.id, previousMinor: '500', newMinor: '800' } },
        },
        // 12 clicks: 6.000 → 9.600 ₫
        {
          enrollmentId: an.enrollment.id,
          reversesLineId: anDay.id,
          planVersionId: v2.id,
          amountMinor: 3_600n,
          status: 'on_hold',
          earnedAt: anDay.earnedAt,
          explanation: { correction: { ofLineId: anDay.id, previousMinor: '6000', newMinor: '9600' } },
        },
      ].sort((a, b) => (a.reversesLineId < b.reversesLineId ? -1 : 1)),
    );
    // the days before the fix stay as paid, and the lines paid are never edited
    expect((await originalOf(an.enrollment.id, '2026-10-31')).amountMinor).toBe(2_500n);
    expect(anDay.amountMinor).toBe(6_000n);
    expect(await checkLedger(ctx, env.services.db)).toEqual([]);
    const lines = await countOf(commissionLines);
    expect(await computeClickCommissions(env.services)).toBe(0);
    expect(await countOf(commissionLines)).toBe(lines);
  });

  it('a fix that drops the click rule takes back the days since, down to zero', async () => {
    await saveDraftVersion(ctx, env.services.db, {
      programId: program.id,
      plan: {
        settings: {},
        rules: [
          { id: 'base', kind: 'basic', scope: { kind: 'all' }, calc: { type: 'percent', ratePpm: '100000' } },
        ],
      },
    });
    // in force from 2 November, local time
    await publishDraftVersion(ctx, env.services.db, {
      programId: program.id,
      effectiveFrom: new Date('2026-11-01T17:00:00Z'),
    });
    await env.services.jobs.drain();
    const anDay = await originalOf(an.enrollment.id, '2026-11-02');
    const taken = (await correctionsOf()).filter((c) => c.reversesLineId === anDay.id);
    expect(taken.map((c) => c.amountMinor)).toEqual([3_600n, -9_600n]);
    expect(taken[1]!.explanation).toEqual({
      correction: { ofLineId: anDay.id, previousMinor: '9600', newMinor: '0' },
      reason: 'no_longer_earned',
    });
    // 1 November stays under the version of 31 October
    const binhDay = await originalOf(binh.enrollment.id, '2026-11-01');
    expect((await correctionsOf()).filter((c) => c.reversesLineId === binhDay.id)).toHaveLength(1);
    expect(await checkLedger(ctx, env.services.db)).toEqual([]);
    expect(await computeClickCommissions(env.services)).toBe(0);
  });
});
