import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../../test/enrollment-fixtures';
import { createTestOrg, systemContext } from '../../../../../test/factories';
import { createTestEnv } from '../../../../../test/harness';
import { recordConversion } from '../../orders';
import { conversions } from '../../orders/schema';
import { programs } from '../../programs/schema';
import { balancesOf, checkLedger } from '../ledger';
import { publishDraftVersion, saveDraftVersion } from '../plans';
import { releaseHeldLines } from '../release-held';
import { commissionLines, ledgerEntries } from '../schema';

const DAY = 86_400_000;
const env = await createTestEnv();
const { org } = await createTestOrg(env, { name: 'Bảo hiểm Sen Vàng' });
const ctx = systemContext(env, org.id);
const program = await createTestProgram(env, org.id);
await env.services.db
  .update(programs)
  .set({ holdDays: 14 })
  .where(and(eq(programs.orgId, org.id), eq(programs.id, program.id)));
const partnerEmail = 'ctv.lan@example.vn';
const partner = await createTestEnrollment(env, org.id, {
  programId: program.id,
  status: 'approved',
  fullName: 'Phạm Thị Lan',
  email: partnerEmail,
});
const code = partner.enrollment.referralCode;

await saveDraftVersion(ctx, env.services.db, {
  programId: program.id,
  plan: {
    settings: {},
    rules: [
      { id: 'base', kind: 'basic', scope: { kind: 'all' }, calc: { type: 'percent', ratePpm: '100000' } },
      { id: 'cpl', name: 'Khách tiềm năng', kind: 'action', event: 'lead', amountMinor: '25000' },
      {
        id: 'trial',
        name: 'Dùng thử',
        kind: 'action',
        event: 'custom',
        customName: 'trial_started',
        amountMinor: '60000',
      },
    ],
  },
});
const planStart = new Date(env.clock.now().getTime() - 30 * DAY);
const version = await publishDraftVersion(ctx, env.services.db, {
  programId: program.id,
  effectiveFrom: planStart,
});

async function linesOfConversion(conversionId: string) {
  return env.services.db
    .select()
    .from(commissionLines)
    .where(and(eq(commissionLines.orgId, org.id), eq(commissionLines.conversionId, conversionId)));
}

async function countOf(table: typeof commissionLines | typeof ledgerEntries) {
  const [row] = await env.services.db
    .select({ count: sql<number>`count(*)::int` })
    .from(table)
    .where(eq(table.orgId, org.id));
  return row!.count;
}

describe('action commission of conversions (CPL/CPA)', () => {
  it('a lead earns the fixed amount of the lead rule, held for the program’s hold days', async () => {
    const occurredAt = new Date(env.clock.now().getTime() - 2 * DAY);
    const { conversion } = await recordConversion(ctx, env.services.db, {
      kind: 'lead',
      source: 'form',
      externalId: 'LEAD-1',
      partnerCode: code,
      customer: { email: 'khach.moi@example.vn' },
      occurredAt,
    });
    expect(conversion.enrollmentId).toBe(partner.enrollment.id);
    await env.services.jobs.drain();
    const lines = await linesOfConversion(conversion.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      kind: 'action',
      enrollmentId: partner.enrollment.id,
      programId: program.id,
      planVersionId: version.id,
      ruleId: 'cpl',
      conversionId: conversion.id,
      sourceKey: `cv:${conversion.id}:cpl`,
      amountMinor: 25_000n,
      currency: 'VND',
      status: 'on_hold',
      holdUntil: new Date(occurredAt.getTime() + 14 * DAY),
      earnedAt: occurredAt,
      explanation: {
        rule: { id: 'cpl', name: 'Khách tiềm năng', kind: 'action' },
        action: {
          event: 'lead',
          name: 'lead',
          conversionId: conversion.id,
          occurredAt: occurredAt.toISOString(),
        },
        calc: { type: 'fixed_per_action', amountMinor: '25000' },
        exact: '25000/1',
        rounding: 'half_up',
      },
    });
    const balances = (await balancesOf(ctx, env.services.db, partner.enrollment.id)).get('VND');
    expect(balances?.on_hold).toBe(25_000n);

    // after the hold, the release job makes it payable
    env.clock.advance(13 * DAY);
    await releaseHeldLines(env.services);
    const [released] = await linesOfConversion(conversion.id);
    expect(released!.status).toBe('approved');
    const after = (await balancesOf(ctx, env.services.db, partner.enrollment.id)).get('VND');
    expect(after?.payable).toBe(25_000n);
    expect(after?.on_hold).toBe(0n);
    expect(await checkLedger(ctx, env.services.db)).toEqual([]);
  });

  it('a custom conversion earns the rule of its name; other names and kinds earn nothing', async () => {
    const occurredAt = env.clock.now();
    const trial = await recordConversion(ctx, env.services.db, {
      kind: 'custom',
      name: 'trial_started',
      source: 'app',
      externalId: 'TRIAL-1',
      partnerCode: code,
      occurredAt,
    });
    const other = await recordConversion(ctx, env.services.db, {
      kind: 'custom',
      name: 'newsletter',
      source: 'app',
      externalId: 'NEWS-1',
      partnerCode: code,
    });
    const signup = await recordConversion(ctx, env.services.db, {
      kind: 'signup',
      source: 'app',
      externalId: 'SIGNUP-1',
      partnerCode: code,
    });
    await env.services.jobs.drain();
    const lines = await linesOfConversion(trial.conversion.id);
    expect(lines.map((line) => [line.ruleId, line.amountMinor, line.status])).toEqual([
      ['trial', 60_000n, 'on_hold'],
    ]);
    expect(lines[0]!.explanation).toMatchObject({
      action: { event: 'custom', name: 'trial_started' },
      calc: { type: 'fixed_per_action', amountMinor: '60000' },
    });
    expect(await linesOfConversion(other.conversion.id)).toEqual([]);
    expect(await linesOfConversion(signup.conversion.id)).toEqual([]);
  });

  it('a second delivery of the same conversion writes nothing', async () => {
    const input = {
      kind: 'lead' as const,
      source: 'form',
      externalId: 'LEAD-TWICE',
      partnerCode: code,
    };
    const first = await recordConversion(ctx, env.services.db, input);
    await env.services.jobs.drain();
    const lines = await countOf(commissionLines);
    const entries = await countOf(ledgerEntries);
    const second = await recordConversion(ctx, env.services.db, input);
    expect(second).toMatchObject({ created: false, conversion: { id: first.conversion.id } });
    await env.services.jobs.drain();
    expect(await countOf(commissionLines)).toBe(lines);
    expect(await countOf(ledgerEntries)).toBe(entries);
    expect(await linesOfConversion(first.conversion.id)).toHaveLength(1);
    // the job delivered twice writes nothing either
    const { computeConversionCommission } = await import('./compute-conversion');
    await env.services.db.transaction((tx) => computeConversionCommission(ctx, tx, first.conversion.id));
    expect(await countOf(commissionLines)).toBe(lines);
    expect(await countOf(ledgerEntries)).toBe(entries);
  });

  it('a flagged conversion (the partner referring themselves) waits in review', async () => {
    const { conversion } = await recordConversion(ctx, env.services.db, {
      kind: 'lead',
      source: 'form',
      externalId: 'LEAD-SELF',
      partnerCode: code,
      customer: { email: partnerEmail },
    });
    expect(conversion.flags).toEqual(['self_referral']);
    await env.services.jobs.drain();
    const lines = await linesOfConversion(conversion.id);
    expect(lines.map((line) => [line.amountMinor, line.status, line.holdUntil])).toEqual([
      [25_000n, 'review', null],
    ]);
    const [entry] = await env.services.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orgId, org.id), eq(ledgerEntries.commissionLineId, lines[0]!.id)));
    expect(entry).toMatchObject({ bucket: 'on_hold', amountMinor: 25_000n });
  });

  it('a conversion before the plan took effect, or credited to no one, earns nothing', async () => {
    const early = await recordConversion(ctx, env.services.db, {
      kind: 'lead',
      source: 'form',
      externalId: 'LEAD-EARLY',
      partnerCode: code,
      occurredAt: new Date(planStart.getTime() - DAY),
    });
    const nobody = await recordConversion(ctx, env.services.db, {
      kind: 'lead',
      source: 'form',
      externalId: 'LEAD-NOBODY',
      programId: program.id,
    });
    await env.services.jobs.drain();
    expect(await linesOfConversion(early.conversion.id)).toEqual([]);
    expect(await linesOfConversion(nobody.conversion.id)).toEqual([]);
  });

  it('a plan fix in force from before a conversion corrects its lines: new amounts, dropped rules taken back', async () => {
    const occurredAt = new Date(env.clock.now().getTime() - DAY);
    const lead = await recordConversion(ctx, env.services.db, {
      kind: 'lead',
      source: 'form',
      externalId: 'LEAD-FIX',
      partnerCode: code,
      occurredAt,
    });
    const trial = await recordConversion(ctx, env.services.db, {
      kind: 'custom',
      name: 'trial_started',
      source: 'app',
      externalId: 'TRIAL-FIX',
      partnerCode: code,
      occurredAt,
    });
    await env.services.jobs.drain();
    const linesBefore = await countOf(commissionLines);

    await saveDraftVersion(ctx, env.services.db, {
      programId: program.id,
      plan: {
        settings: {},
        rules: [
          { id: 'base', kind: 'basic', scope: { kind: 'all' }, calc: { type: 'percent', ratePpm: '100000' } },
          { id: 'cpl', name: 'Khách tiềm năng', kind: 'action', event: 'lead', amountMinor: '30000' },
        ],
      },
    });
    const fixed = await publishDraftVersion(ctx, env.services.db, {
      programId: program.id,
      effectiveFrom: new Date(occurredAt.getTime() - DAY),
    });
    await env.services.jobs.drain();

    const leadLines = await linesOfConversion(lead.conversion.id);
    expect(leadLines.map((line) => [line.kind, line.amountMinor, line.planVersionId])).toEqual([
      ['action', 25_000n, version.id],
      ['correction', 5_000n, fixed.id],
    ]);
    expect(leadLines[1]!.explanation).toMatchObject({
      correction: { ofLineId: leadLines[0]!.id, previousMinor: '25000', newMinor: '30000' },
    });
    const trialLines = await linesOfConversion(trial.conversion.id);
    expect(trialLines.map((line) => [line.kind, line.amountMinor])).toEqual([
      ['action', 60_000n],
      ['correction', -60_000n],
    ]);
    expect(trialLines[1]!.explanation).toMatchObject({ reason: 'no_longer_earned' });
    // a lead from before the fix took effect keeps its line alone
    const [first] = await env.services.db
      .select({ id: conversions.id })
      .from(conversions)
      .where(and(eq(conversions.orgId, org.id), eq(conversions.externalId, 'LEAD-1')));
    expect((await linesOfConversion(first!.id)).map((line) => line.kind)).toEqual(['action']);
    // computing again corrects nothing twice
    const corrected = await countOf(commissionLines);
    expect(corrected).toBeGreaterThan(linesBefore);
    const { computeConversionCommission } = await import('./compute-conversion');
    await env.services.db.transaction((tx) => computeConversionCommission(ctx, tx, lead.conversion.id));
    await env.services.db.transaction((tx) => computeConversionCommission(ctx, tx, trial.conversion.id));
    expect(await countOf(commissionLines)).toBe(corrected);
    expect(await checkLedger(ctx, env.services.db)).toEqual([]);
  });
});
