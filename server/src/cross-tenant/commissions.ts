import type { CrossTenantSetup } from './part';

/** Records of organisation A for the commission routes: a published plan and an incidental line. */
export const setup: CrossTenantSetup = async ({ callA, programA, enrollmentA }) => {
  const plan = await (await callA('POST', '/api/v1/commission-plans', { programId: programA.id })).json();
  await callA('PUT', `/api/v1/commission-plans/${plan.id}/draft`, {
    plan: {
      settings: {},
      rules: [
        { id: 'base', kind: 'basic', scope: { kind: 'all' }, calc: { type: 'percent', ratePpm: '100000' } },
      ],
    },
  });
  await callA('POST', `/api/v1/commission-plans/${plan.id}/publish`, {
    effectiveFrom: '2026-01-01T00:00:00Z',
  });
  const line = await (
    await callA('POST', '/api/v1/commissions/incidental', {
      enrollmentId: enrollmentA.id,
      amountMinor: '50000',
      reason: 'Thưởng A',
    })
  ).json();
  return {
    records: { planId: plan.id, commissionLineId: line.id },
    bodies: {
      'POST /api/v1/commission-plans': { programId: programA.id },
      'PUT /api/v1/commission-plans/{planId}/draft': { plan: { settings: {}, rules: [] } },
      'POST /api/v1/commission-plans/{planId}/publish': { effectiveFrom: '2026-02-01T00:00:00Z' },
      'POST /api/v1/commission-plans/{planId}/simulate': {
        items: [{ quantity: 1, unitPriceMinor: '100000' }],
      },
      'POST /api/v1/commission-plans/{planId}/replay': {
        from: '2026-01-01T00:00:00Z',
        to: '2026-12-01T00:00:00Z',
      },
      'POST /api/v1/commissions/decisions': { decision: 'approve', filter: { enrollmentId: enrollmentA.id } },
      'POST /api/v1/commissions/incidental': {
        enrollmentId: enrollmentA.id,
        amountMinor: '1000',
        reason: 'Của B',
      },
      'POST /api/v1/commissions/incidental/import': {
        fileName: 'ck-b.csv',
        // A's referral code and enrollment id: rows of B name no partner, nothing is written
        contentBase64: Buffer.from(
          `Mã giới thiệu,Enrollment id,Số tiền,Lý do\n${enrollmentA.referralCode},,1.000,Của B\n,${enrollmentA.id},1.000,Của B\n`,
        ).toString('base64'),
      },
    },
    notTenantScoped: {
      'GET /api/me/earnings': 'the signed-in partner’s own earnings (another’s enrollment: 404)',
      'GET /api/me/commissions': 'the signed-in partner’s own commission lines (another’s enrollment: 404)',
      'GET /api/me/catalog-commission':
        'what the signed-in partner earns per product of their own program (another’s enrollment: 404)',
    },
  };
};
