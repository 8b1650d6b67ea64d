import { systemContext } from '../../../test/factories';
import { savePartnerKyc, verifyPartnerBank } from '../modules/partners';
import { requestWithdrawal } from '../modules/payouts';
import { givePayable } from '../modules/payouts/test-fixtures';
import type { CrossTenantSetup } from './part';

/** Records of organisation A for the payout routes: a draft batch with one payout, and a withdrawal request. */
export const setup: CrossTenantSetup = async ({ env, orgAId, callA, programA, enrollmentA }) => {
  const ctx = systemContext(env, orgAId);
  await savePartnerKyc(ctx, enrollmentA.partnerId, {
    bankBin: '970436',
    bankAccount: '0071000123456',
    bankHolder: 'Nguyen Van A',
  });
  await verifyPartnerBank(ctx, enrollmentA.partnerId);
  await givePayable(env, orgAId, enrollmentA.id, 3_000_000n, undefined, programA.currency);
  const built = await (
    await callA('POST', '/api/v1/payout-batches', { currency: programA.currency, source: 'balances' })
  ).json();
  const payout = built.batch.payouts[0];
  const request = await requestWithdrawal(ctx, env.services.db, {
    enrollmentId: enrollmentA.id,
    amountMinor: 100_000n,
    method: 'vietqr',
    clientRequestId: 'cross-tenant-request',
  });
  return {
    records: { batchId: built.batch.id, payoutId: payout.id, withdrawalRequestId: request.id },
    ids: [payout.reference],
    bodies: {
      'POST /api/v1/payout-batches': { currency: 'VND', source: 'balances' },
      'POST /api/v1/payouts/mark-paid': { payoutIds: [payout.id] },
      'POST /api/v1/payouts/{payoutId}/fail': { reason: 'Của B' },
      'POST /api/v1/payouts/statement-import': {
        fileName: 'sao-ke.csv',
        contentBase64: Buffer.from(`Nội dung,Số tiền\n${payout.reference},${payout.netMinor}\n`).toString(
          'base64',
        ),
      },
      'POST /api/v1/withdrawal-requests/{withdrawalRequestId}/reject': { reason: 'Của B' },
      'PUT /api/v1/programs/{programId}/payout-settings': {
        schedule: 'monthly',
        methods: ['cash'],
        storeCreditBonusPpm: 0,
        depositAlertMinor: null,
        depositBlocksOrders: false,
        bankFileTemplate: null,
      },
      'POST /api/v1/deposits': {
        enrollmentId: enrollmentA.id,
        amountMinor: '1000',
        memo: 'Của B',
        reference: 'cross-tenant',
      },
      'POST /api/v1/partners/{partnerId}/kyc/verify-bank': {},
      'PUT /api/v1/tax-rules': { enabled: true, currency: 'VND', ratePpm: 50000, thresholdMinor: '1000000' },
    },
    publicParams: { withdrawalRequestId: request.id },
    notTenantScoped: {
      'GET /api/me/payouts': 'the signed-in partner’s own payouts (another’s enrollment: 404)',
      'POST /api/me/withdrawal-requests': 'a request of the signed-in partner’s own enrollment',
      'POST /api/me/withdrawal-requests/{withdrawalRequestId}/cancel':
        'cancels only a request of the signed-in partner’s own enrollment',
      'POST /api/me/store-credit': 'the signed-in partner’s own balance',
      'GET /api/me/statements': 'the signed-in partner’s own statement (another’s enrollment: 404)',
    },
  };
};
