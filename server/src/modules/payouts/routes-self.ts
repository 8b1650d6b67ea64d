import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { body, json, pathId } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { getMyEnrollment } from '../tracking/my-enrollment';
import { myPayouts } from './my-payouts';
import { toWithdrawalView } from './queries';
import { statementSchema, withdrawalSchema } from './routes';
import { statementView } from './statement-view';
import { closeWithdrawal, convertToStoreCredit, requestWithdrawal } from './withdrawals';

const tags = ['Partner app'];
const access = { session: 'partner' } as const;
const minor = z
  .string()
  .regex(/^\d{1,18}$/, 'Minor units as a whole number')
  .openapi({ example: '2450000' });
const enrollmentId = z
  .string()
  .min(1)
  .max(60)
  .openapi({ example: 'enr_01jc8x0000abcdefghjkmnpqrs', description: 'One of my enrollments' });
const clientRequestId = z
  .string()
  .trim()
  .min(8)
  .max(80)
  .openapi({ description: 'A fresh id per tap: sending the same one again answers the first result' });

const myPayoutSchema = z.object({
  id: z.string(),
  currency: z.string(),
  grossMinor: minor,
  taxMinor: minor,
  netMinor: minor,
  taxReason: z.string(),
  method: z.string(),
  status: z.string(),
  reference: z.string(),
  bank: z.object({ shortName: z.string().nullable(), accountLast4: z.string().nullable() }).nullable(),
  failureReason: z.string().nullable(),
  paidAt: z.string().nullable(),
  createdAt: z.string(),
});

const overviewSchema = z
  .object({
    enrollmentId: z.string(),
    currency: z.string(),
    balances: z.object({
      payableMinor: z
        .string()
        .openapi({ description: 'May be negative after a return; later earnings net it off' }),
      inPaymentMinor: z.string(),
      paidMinor: z.string(),
      withheldMinor: z.string(),
      storeCreditMinor: z.string(),
      depositMinor: z.string().openapi({ description: 'Deposit (ký quỹ) left, in programs that take one' }),
    }),
    settings: z.object({
      minimumMinor: minor,
      methods: z.array(z.string()),
      schedule: z.string(),
      storeCreditBonusPpm: z.number().int(),
      bankAccount: z
        .object({ shortName: z.string().nullable(), accountLast4: z.string().nullable() })
        .nullable(),
      taxRatePpm: z.number().int(),
      taxThresholdMinor: minor,
      taxExempt: z.boolean().openapi({ description: 'A company, or a filed commitment' }),
    }),
    requests: z.array(withdrawalSchema),
    payouts: z.array(myPayoutSchema),
  })
  .openapi('MyPayouts');

const routes = {
  overview: defineRoute({
    method: 'get',
    path: '/api/me/payouts',
    tags,
    summary: 'My balances, payout settings, withdrawal requests and payouts in one program',
    access,
    request: { query: z.object({ enrollmentId }) },
    responses: { 200: json(overviewSchema, 'My payouts') },
  }),
  request: defineRoute({
    method: 'post',
    path: '/api/me/withdrawal-requests',
    tags,
    summary: 'Ask to be paid (at most the payable balance, at least the program’s minimum)',
    access,
    request: {
      body: body(
        z
          .object({
            enrollmentId,
            amountMinor: minor,
            method: z.enum(['vietqr', 'bank_file', 'ewallet', 'cash']),
            clientRequestId,
          })
          .strict(),
      ),
    },
    responses: { 201: json(withdrawalSchema, 'The request') },
  }),
  cancel: defineRoute({
    method: 'post',
    path: '/api/me/withdrawal-requests/{withdrawalRequestId}/cancel',
    tags,
    summary: 'Withdraw my request while it is not in a batch yet',
    access,
    request: {
      params: z.object({
        withdrawalRequestId: pathId('withdrawalRequestId', 'wdr_01jc8x0000abcdefghjkmnpqrs'),
      }),
      body: body(z.object({ enrollmentId }).strict()),
    },
    responses: { 200: json(withdrawalSchema, 'The cancelled request') },
  }),
  storeCredit: defineRoute({
    method: 'post',
    path: '/api/me/store-credit',
    tags,
    summary: 'Turn payable balance into store credit (with the program’s bonus) to spend on my orders',
    access,
    request: { body: body(z.object({ enrollmentId, amountMinor: minor, clientRequestId }).strict()) },
    responses: {
      200: json(
        z.object({ amountMinor: z.string(), currency: z.string(), alreadyDone: z.boolean() }),
        'The store credit added',
      ),
    },
  }),
  statement: defineRoute({
    method: 'get',
    path: '/api/me/statements',
    tags,
    summary: 'My monthly statement (JSON, or PDF in my language)',
    access,
    request: {
      query: z.object({
        enrollmentId,
        month: z.string().regex(/^\d{4}-\d{2}$/),
        format: z.enum(['json', 'pdf']).default('json'),
        locale: z.enum(['vi', 'en', 'th']).default('vi'),
      }),
    },
    responses: {
      200: {
        description: 'The statement',
        content: {
          'application/json': { schema: statementSchema },
          'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
    },
  }),
};

const identityOf = (c: { get: (key: 'session') => { identityId: string } | undefined }) =>
  c.get('session')!.identityId;

export const payoutSelfRoutes = createRouter()
  .openapi(routes.overview, async (c) => {
    const mine = await getMyEnrollment(c.get('services'), identityOf(c), c.req.valid('query').enrollmentId);
    return c.json(await myPayouts(mine.ctx, c.get('services').db, mine.enrollment.id), 200);
  })
  .openapi(routes.request, async (c) => {
    const input = c.req.valid('json');
    const mine = await getMyEnrollment(c.get('services'), identityOf(c), input.enrollmentId);
    const created = await c.get('services').db.transaction((tx) =>
      requestWithdrawal(mine.ctx, tx, {
        enrollmentId: mine.enrollment.id,
        amountMinor: BigInt(input.amountMinor),
        method: input.method,
        clientRequestId: input.clientRequestId,
      }),
    );
    return c.json(toWithdrawalView(created), 201);
  })
  .openapi(routes.cancel, async (c) => {
    const mine = await getMyEnrollment(c.get('services'), identityOf(c), c.req.valid('json').enrollmentId);
    const closed = await c.get('services').db.transaction((tx) =>
      closeWithdrawal(mine.ctx, tx, c.req.valid('param').withdrawalRequestId, {
        status: 'cancelled',
        enrollmentId: mine.enrollment.id,
      }),
    );
    return c.json(toWithdrawalView(closed), 200);
  })
  .openapi(routes.storeCredit, async (c) => {
    const input = c.req.valid('json');
    const mine = await getMyEnrollment(c.get('services'), identityOf(c), input.enrollmentId);
    const result = await c.get('services').db.transaction((tx) =>
      convertToStoreCredit(mine.ctx, tx, {
        enrollmentId: mine.enrollment.id,
        amountMinor: BigInt(input.amountMinor),
        clientRequestId: input.clientRequestId,
      }),
    );
    return c.json({ ...result, amountMinor: result.amountMinor.toString() }, 200);
  })
  .openapi(routes.statement, async (c) => {
    const query = c.req.valid('query');
    const mine = await getMyEnrollment(c.get('services'), identityOf(c), query.enrollmentId);
    const view = await statementView(mine.ctx, c.get('services').db, {
      ...query,
      enrollmentId: mine.enrollment.id,
    });
    if (view.kind === 'json') return c.json(view.body, 200);
    return c.body(new Uint8Array(view.bytes), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${view.fileName}"`,
    });
  });
