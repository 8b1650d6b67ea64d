import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { defineRoute } from '../../platform/http/route';
import { VN_BANKS } from './banks/vn-banks';
import { partnerParams } from './enrollment-schemas';
import { getPartnerKyc } from './kyc/get-partner-kyc';
import { revealPartnerKyc } from './kyc/reveal-partner-kyc';
import { savePartnerKyc } from './kyc/save-partner-kyc';
import {
  banksSchema,
  kycInputSchema,
  kycRevealedSchema,
  kycRevealSchema,
  kycViewSchema,
} from './kyc/schemas';
import { verifyPartnerBank } from './kyc/verify-partner-bank';
import { body, json } from './routes-helpers';

const tags = ['Know your partner'];

const banksRoute = defineRoute({
  method: 'get',
  path: '/api/v1/banks',
  tags,
  summary: 'Vietnamese banks with their NAPAS BIN codes',
  access: { public: true },
  responses: { 200: json(banksSchema, 'The banks, by short name') },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/partners/{partnerId}/kyc',
  tags,
  summary: 'A partner’s know-your-partner data, masked',
  access: { permission: 'partners.read' },
  request: { params: partnerParams },
  responses: { 200: json(kycViewSchema, 'Masked values') },
});

const putRoute = defineRoute({
  method: 'put',
  path: '/api/v1/partners/{partnerId}/kyc',
  tags,
  summary: 'Set a partner’s citizen id, date of birth, address and bank account',
  description: 'Stored encrypted with the organisation’s key. Omitted fields stay; null clears one.',
  access: { permission: 'partners.manage' },
  request: { params: partnerParams, body: body(kycInputSchema) },
  responses: { 200: json(kycViewSchema, 'Masked values') },
});

const revealRoute = defineRoute({
  method: 'post',
  path: '/api/v1/partners/{partnerId}/kyc/reveal',
  tags,
  summary: 'Clear values of chosen know-your-partner fields (audited)',
  access: { permission: 'partners.kyc_reveal' },
  request: { params: partnerParams, body: body(kycRevealSchema) },
  responses: { 200: json(kycRevealedSchema, 'Clear values') },
});

const verifyBankRoute = defineRoute({
  method: 'post',
  path: '/api/v1/partners/{partnerId}/kyc/verify-bank',
  tags,
  summary: 'Mark the partner’s bank account verified: bank transfers pay only verified accounts',
  description: 'Changing the account later clears the verification.',
  access: { permission: 'payouts.manage' },
  request: { params: partnerParams },
  responses: { 200: json(z.object({ bankVerifiedAt: z.string() }), 'When it was verified') },
});

export const kycRoutes = createRouter()
  .openapi(verifyBankRoute, async (c) =>
    c.json(await verifyPartnerBank(c.get('tenant')!, c.req.valid('param').partnerId), 200),
  )
  .openapi(banksRoute, (c) => {
    c.header('cache-control', 'public, max-age=3600');
    return c.json({ items: [...VN_BANKS] }, 200);
  })
  .openapi(getRoute, async (c) =>
    c.json(await getPartnerKyc(c.get('tenant')!, c.req.valid('param').partnerId), 200),
  )
  .openapi(putRoute, async (c) => {
    const { partnerId } = c.req.valid('param');
    await savePartnerKyc(c.get('tenant')!, partnerId, c.req.valid('json'));
    return c.json(await getPartnerKyc(c.get('tenant')!, partnerId), 200);
  })
  .openapi(revealRoute, async (c) =>
    c.json(
      await revealPartnerKyc(c.get('tenant')!, c.req.valid('param').partnerId, c.req.valid('json').fields),
      200,
    ),
  );
