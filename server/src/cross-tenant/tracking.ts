import type { CrossTenantSetup } from './part';

const OWN_LINK = 'the signed-in partner’s own links only: the link’s enrollment must be theirs (others: 404)';

/** Records of organisation A for the tracking routes: its partner's default link and a coupon. */
export const setup: CrossTenantSetup = async ({ env, callA, enrollmentA }) => {
  const links = await callA('GET', `/api/v1/links?enrollmentId=${enrollmentA.id}`);
  const [link] = ((await links.json()) as { items: { id: string; code: string }[] }).items;
  if (!link) throw new Error('The approved enrollment of A has no default link');
  const created = await callA('POST', '/api/v1/coupons', { enrollmentId: enrollmentA.id, code: 'CUAA10' });
  if (created.status !== 201) throw new Error(`POST /api/v1/coupons answered ${created.status}`);
  const coupon = (await created.json()) as { id: string };
  return {
    records: { linkId: link.id, couponId: coupon.id },
    ids: [link.code],
    bodies: {
      'PATCH /api/v1/links/{linkId}': { status: 'disabled' },
      'POST /api/v1/coupons': { enrollmentId: enrollmentA.id, code: 'CUAB10' },
      'PATCH /api/v1/coupons/{couponId}': { status: 'disabled' },
      'POST /api/v1/impressions': {
        reports: [
          {
            externalId: 'cross-1',
            linkCode: link.code,
            hour: env.clock.now().toISOString(),
            impressions: 10,
          },
        ],
      },
    },
    notTenantScoped: {
      'GET /api/me/links': 'the signed-in partner’s own enrollment names the organisation (others: 404)',
      'POST /api/me/links': 'creates a link only on the signed-in partner’s own approved enrollment',
      'PATCH /api/me/links/{linkId}': OWN_LINK,
      'GET /api/me/links/{linkId}/qr.png': OWN_LINK,
      'GET /api/me/links/{linkId}/qr.svg': OWN_LINK,
      'GET /api/me/clicks': 'the signed-in partner’s own enrollment names the organisation (others: 404)',
      'POST /api/public/track/{pageCode}':
        'the shop snippet’s report: public by design (rate-limited, validated); records an order or conversion only in the program’s own organisation',
    },
    publicParams: { linkId: link.id },
  };
};
