import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../test/enrollment-fixtures';
import { apiCall, createTestApiKey, createTestOrg } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { programs } from '../programs';
import { enrollmentEvents, enrollments } from './schema-enrollments';
import { findUplineChain } from './upline';

const env = await createTestEnv();

async function setUp(maxUplineDepth = 3) {
  const { org } = await createTestOrg(env);
  const program = await createTestProgram(env, org.id, { maxUplineDepth });
  const call = apiCall(env, (await createTestApiKey(env, org.id, 'manager')).secret);
  const enroll = async (fullName: string, upline?: { referralCode: string }) =>
    (
      await createTestEnrollment(env, org.id, {
        programId: program.id,
        fullName,
        status: 'approved',
        uplineReferralCode: upline?.referralCode,
      })
    ).enrollment;
  const move = (enrollment: { id: string }, uplineReferralCode: string | null, reason = 'Sắp xếp lại') =>
    call('POST', `/api/v1/enrollments/${enrollment.id}/upline`, { uplineReferralCode, reason });
  return { org, program, call, enroll, move };
}

describe('upline rules', () => {
  it('refuses a cycle: with A → B → C, C cannot become the upline of A', async () => {
    const { enroll, move } = await setUp();
    const a = await enroll('An');
    const b = await enroll('Bình', a);
    const c = await enroll('Cường', b);
    const response = await move(a, c.referralCode.toLowerCase());
    expect(response.status).toBe(422);
    expect((await response.json()).error.details[0].path).toBe('body.uplineReferralCode');
    expect((await move(a, a.referralCode)).status).toBe(422);
    const [row] = await env.services.db.select().from(enrollments).where(eq(enrollments.id, a.id));
    expect(row!.uplineEnrollmentId).toBeNull();
  });

  it('refuses at creation a chain deeper than the program allows', async () => {
    const { org, program, enroll } = await setUp(2);
    const a = await enroll('An');
    const b = await enroll('Bình', a);
    await expect(
      createTestEnrollment(env, org.id, { programId: program.id, uplineReferralCode: b.referralCode }),
    ).resolves.toBeDefined();
    const c = (
      await env.services.db.select().from(enrollments).where(eq(enrollments.uplineEnrollmentId, b.id))
    )[0]!;
    await expect(
      createTestEnrollment(env, org.id, { programId: program.id, uplineReferralCode: c.referralCode }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('checks the depth of the whole moved subtree and keeps the history', async () => {
    const { org, enroll, move } = await setUp(3);
    // X → Y (depth 1 below X); P → Q → R (a subtree two levels deep under P)
    const x = await enroll('Xuân');
    const y = await enroll('Yến', x);
    const p = await enroll('Phúc');
    const q = await enroll('Quang', p);
    await enroll('Rạng', q);
    // P under Y: R's chain would be Q, P, Y, X = 4 > 3
    const tooDeep = await move(p, y.referralCode);
    expect(tooDeep.status).toBe(422);
    expect((await tooDeep.json()).error.message).toContain('2 level(s) below');
    // P under X: R's chain is Q, P, X = 3
    env.clock.advance(1000);
    const moved = await move(p, x.referralCode, 'Chuyển nhóm kinh doanh');
    expect(moved.status).toBe(200);
    expect((await moved.json()).uplineEnrollmentId).toBe(x.id);
    const chain = await findUplineChain(env.services.db, org.id, (await enroll('Sơn', q)).id);
    expect(chain.map((link) => link.enrollmentId)).toEqual([q.id, p.id, x.id]);

    const [event] = await env.services.db
      .select()
      .from(enrollmentEvents)
      .where(and(eq(enrollmentEvents.enrollmentId, p.id), eq(enrollmentEvents.type, 'upline_changed')));
    expect(event).toMatchObject({ fromValue: null, toValue: x.id, reason: 'Chuyển nhóm kinh doanh' });
    // back to the top
    expect((await move(p, null)).status).toBe(200);
    expect((await move(p, null)).status).toBe(422);
  });

  it('lets a move that makes no chain deeper pass even when the program limit was lowered', async () => {
    const { org, program, enroll, move } = await setUp(3);
    const a = await enroll('An');
    const b = await enroll('Bình', a);
    const c = await enroll('Cường', b);
    const d = await enroll('Dũng', c);
    await env.services.db
      .update(programs)
      .set({ maxUplineDepth: 1 })
      .where(and(eq(programs.orgId, org.id), eq(programs.id, program.id)));
    const e = await enroll('Em');
    await enroll('Phương', e);
    // E's recruit would be two levels deep: refused under the new limit of 1
    expect((await move(e, a.referralCode)).status).toBe(422);
    // D goes up from four levels to two: allowed although still above the limit
    expect((await move(d, a.referralCode)).status).toBe(200);
  });

  it('needs a reason and a known code', async () => {
    const { call, enroll, move } = await setUp();
    const a = await enroll('An');
    const noReason = await call('POST', `/api/v1/enrollments/${a.id}/upline`, { uplineReferralCode: null });
    expect(noReason.status).toBe(400);
    const unknown = await move(a, 'KHONGCO');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.details[0].path).toBe('body.uplineReferralCode');
  });
});

describe('referral tree', () => {
  it('counts partners per level and pages one level at a time', async () => {
    const { call, enroll } = await setUp(5);
    const root = await enroll('Gốc');
    const level1 = [];
    for (const name of ['Một', 'Hai', 'Ba']) {
      env.clock.advance(1000);
      level1.push(await enroll(name, root));
    }
    const level2 = [
      await enroll('Bốn', level1[0]!),
      await enroll('Năm', level1[0]!),
      await enroll('Sáu', level1[2]!),
    ];
    await enroll('Bảy', level2[1]!);

    const page = await (await call('GET', `/api/v1/enrollments/${root.id}/downline?limit=2`)).json();
    expect(page.levels).toEqual([
      { level: 1, count: 3 },
      { level: 2, count: 3 },
      { level: 3, count: 1 },
    ]);
    expect(page.total).toBe(7);
    expect(page.items.map((item: { id: string }) => item.id)).toEqual([level1[0]!.id, level1[1]!.id]);
    expect(page.items[0]).toMatchObject({ fullName: 'Một', level: 1, directCount: 2 });
    const next = await (
      await call('GET', `/api/v1/enrollments/${root.id}/downline?limit=2&cursor=${page.nextCursor}`)
    ).json();
    expect(next.items.map((item: { id: string }) => item.id)).toEqual([level1[2]!.id]);
    const second = await (
      await call('GET', `/api/v1/enrollments/${root.id}/downline?level=2&limit=10`)
    ).json();
    expect(second.items.map((item: { id: string }) => item.id).sort()).toEqual(
      level2.map((e) => e.id).sort(),
    );

    const chain = await (await call('GET', `/api/v1/enrollments/${level2[1]!.id}/upline`)).json();
    expect(
      chain.items.map((item: { depth: number; fullName: string }) => [item.depth, item.fullName]),
    ).toEqual([
      [1, 'Một'],
      [2, 'Gốc'],
    ]);
  });
});
