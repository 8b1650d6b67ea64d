import { z } from '@hono/zod-openapi';
import QRCode from 'qrcode';
import { createRouter } from '../../platform/http/app';
import { body, json } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { kycInputSchema } from './kyc/schemas';
import { eraseMe } from './self/erase-me';
import { exportMyData } from './self/export-my-data';
import { findMyEnrollments, getMyReferralLink } from './self/find-my-enrollments';
import { findMyRecruits } from './self/find-my-recruits';
import { setMyBank } from './self/set-my-bank';
import { getMyProfile, updateMyProfile } from './self/update-my-profile';

const tags = ['Partner app'];
const access = { session: 'partner' } as const;
const enrollmentParams = z.object({
  enrollmentId: z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name: 'enrollmentId', in: 'path' }, example: 'enr_01jc8x0000abcdefghjkmnpqrs' }),
});

const myEnrollmentSchema = z
  .object({
    id: z.string(),
    organisation: z.object({ id: z.string(), name: z.string() }),
    program: z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      terms: z.string(),
      currency: z.string(),
    }),
    status: z.string(),
    statusReason: z.string().nullable(),
    referralCode: z.string(),
    referralLink: z.string(),
    joinedAt: z.string(),
    approvedAt: z.string().nullable(),
  })
  .openapi('MyEnrollment');
const profileSchema = z
  .object({
    partnerId: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    emailVerified: z.boolean(),
    phone: z.string().nullable(),
    province: z.string().nullable(),
    socialLinks: z.array(z.string()),
  })
  .openapi('MyProfile');
const profilePatch = z
  .object({
    fullName: z.string().trim().min(1).max(120).optional(),
    email: z.email().max(254).nullable().optional(),
    province: z.string().trim().min(1).max(80).nullable().optional(),
    socialLinks: z.array(z.url().max(300)).max(10).optional(),
  })
  .strict();
const bankBody = z
  .object({
    bankBin: kycInputSchema.shape.bankBin.unwrap().unwrap(),
    bankAccount: kycInputSchema.shape.bankAccount.unwrap().unwrap(),
    bankHolder: kycInputSchema.shape.bankHolder.unwrap().unwrap(),
  })
  .strict();

const enrollmentsRoute = defineRoute({
  method: 'get',
  path: '/api/me/enrollments',
  tags,
  summary: 'My programs',
  description: 'Status, terms, referral code and link in every organisation.',
  access,
  responses: { 200: json(z.object({ items: z.array(myEnrollmentSchema) }), 'Enrollments') },
});
const qrRoute = (format: 'png' | 'svg') =>
  defineRoute({
    method: 'get',
    path: `/api/me/enrollments/{enrollmentId}/qr.${format}`,
    tags,
    summary: `QR code of my referral link (${format.toUpperCase()})`,
    access,
    request: { params: enrollmentParams },
    responses: {
      200: {
        description: 'QR code',
        content: { [format === 'png' ? 'image/png' : 'image/svg+xml']: { schema: z.string() } },
      },
    },
  });
const pngRoute = qrRoute('png');
const svgRoute = qrRoute('svg');
const recruitsRoute = defineRoute({
  method: 'get',
  path: '/api/me/recruits',
  tags,
  summary: 'Partners I recruited',
  access,
  responses: {
    200: json(
      z.object({
        levels: z.array(z.object({ level: z.number().int(), count: z.number().int() })),
        items: z.array(
          z.object({
            enrollmentId: z.string(),
            name: z.string(),
            program: z.string(),
            status: z.string(),
            joinedAt: z.string(),
          }),
        ),
      }),
      'Direct recruits and counts per level',
    ),
  },
});
const profileRoute = defineRoute({
  method: 'get',
  path: '/api/me/profile',
  tags,
  summary: 'My profile',
  access,
  responses: { 200: json(profileSchema, 'Profile') },
});
const patchProfileRoute = defineRoute({
  method: 'patch',
  path: '/api/me/profile',
  tags,
  summary: 'Change my profile',
  access,
  request: { body: body(profilePatch) },
  responses: { 200: json(profileSchema, 'Profile') },
});
const bankRoute = defineRoute({
  method: 'put',
  path: '/api/me/bank',
  tags,
  summary: 'Set my bank account',
  description: 'Stored sealed with the key of each organisation I am enrolled in.',
  access,
  request: { body: body(bankBody) },
  responses: {
    200: json(z.object({ organisations: z.number().int(), bankAccountLast4: z.string() }), 'Saved'),
  },
});
const dataExportRoute = defineRoute({
  method: 'get',
  path: '/api/me/data-export',
  tags,
  summary: 'Download my personal data (JSON)',
  access,
  responses: { 200: json(z.record(z.string(), z.unknown()), 'All my data') },
});
const erasureRoute = defineRoute({
  method: 'post',
  path: '/api/me/erasure',
  tags,
  summary: 'Erase my account',
  description: 'Personal data is anonymised; enrollments stay for accounting. Signs out everywhere.',
  access,
  request: { body: body(z.object({ confirm: z.literal('DELETE') }).strict()) },
  responses: { 200: json(z.object({ erased: z.literal(true) }), 'Erased') },
});

const identityOf = (c: { get: (key: 'session') => { identityId: string } | undefined }) =>
  c.get('session')!.identityId;

/** The partner app's own data: programs, links and QR codes, recruits, profile, bank, export, erasure. */
export const selfRoutes = createRouter()
  .openapi(enrollmentsRoute, async (c) =>
    c.json(await findMyEnrollments(c.get('services'), identityOf(c)), 200),
  )
  .openapi(pngRoute, async (c) => {
    const link = await getMyReferralLink(c.get('services'), identityOf(c), c.req.valid('param').enrollmentId);
    const png = await QRCode.toBuffer(link, {
      type: 'png',
      width: 512,
      margin: 2,
      errorCorrectionLevel: 'M',
    });
    return c.body(new Uint8Array(png), 200, {
      'content-type': 'image/png',
      'cache-control': 'private, max-age=300',
    });
  })
  .openapi(svgRoute, async (c) => {
    const link = await getMyReferralLink(c.get('services'), identityOf(c), c.req.valid('param').enrollmentId);
    const svg = await QRCode.toString(link, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    return c.body(svg, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'private, max-age=300' });
  })
  .openapi(recruitsRoute, async (c) => c.json(await findMyRecruits(c.get('services'), identityOf(c)), 200))
  .openapi(profileRoute, async (c) => c.json(await getMyProfile(c.get('services'), identityOf(c)), 200))
  .openapi(patchProfileRoute, async (c) =>
    c.json(await updateMyProfile(c.get('services'), identityOf(c), c.req.valid('json')), 200),
  )
  .openapi(bankRoute, async (c) =>
    c.json(await setMyBank(c.get('services'), identityOf(c), c.req.valid('json')), 200),
  )
  .openapi(dataExportRoute, async (c) => {
    const data = await exportMyData(c.get('services'), identityOf(c));
    c.header(
      'content-disposition',
      `attachment; filename="kenh-my-data-${data.exportedAt.slice(0, 10)}.json"`,
    );
    return c.json(data as Record<string, unknown>, 200);
  })
  .openapi(erasureRoute, async (c) => c.json(await eraseMe(c.get('services'), identityOf(c)), 200));
