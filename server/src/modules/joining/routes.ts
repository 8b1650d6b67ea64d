import { addProgramPartner } from '../../flows/add-program-partner';
import { getJoinPage } from '../../flows/get-join-page';
import { joinProgram } from '../../flows/join-program';
import { sendJoinCode } from '../../flows/send-join-code';
import { createRouter } from '../../platform/http/app';
import { body, json } from '../../platform/http/openapi';
import { clientIp } from '../../platform/http/rate-limit';
import { defineRoute } from '../../platform/http/route';
import { openPartnerSession } from '../auth';
import { programIdParams } from '../programs/schemas';
import {
  codeRequestSchema,
  codeSentSchema,
  joinBodySchema,
  joinPageQuerySchema,
  joinPageSchema,
  joinResultSchema,
  newProgramPartnerSchema,
  pageCodeParams,
  programPartnerSchema,
} from './schemas';

const tags = ['Joining'];

/** Public join pages (sign-up of partners) and staff adding partners to a program. */
export const routes = createRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/public/join/{pageCode}',
      tags,
      summary: 'A program’s public join page: program, organisation, referrer of ?ref=',
      access: { public: true },
      request: { params: pageCodeParams, query: joinPageQuerySchema },
      responses: { 200: json(joinPageSchema, 'The join page') },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await getJoinPage(c.get('services'), {
        pageCode: c.req.valid('param').pageCode,
        ...query,
      });
      return c.json(page, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/public/join/{pageCode}/code',
      tags,
      summary: 'Send a 6-digit code to the phone or email joining (10 min, 5 tries, resend after 60 s)',
      description:
        'Without an SMS gateway, a development server writes SMS codes to the dev outbox as mail to `sms:+84…`.',
      access: { public: true },
      request: { params: pageCodeParams, body: body(codeRequestSchema) },
      responses: { 202: json(codeSentSchema, 'The code is on its way') },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const sent = await sendJoinCode(c.get('services'), {
        pageCode: c.req.valid('param').pageCode,
        phone: input.phone,
        email: input.email,
        ip: clientIp(c),
      });
      return c.json(sent, 202);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/public/join/{pageCode}',
      tags,
      summary: 'Join a program: the form’s answers, the code, and a password for a new account',
      description:
        'Signs the partner in (session cookie) when the account is new or its password was given. ' +
        'An existing account proven by the code joins without its password but is not signed in.',
      access: { public: true },
      request: { params: pageCodeParams, body: body(joinBodySchema) },
      responses: { 201: json(joinResultSchema, 'Joined') },
    }),
    async (c) => {
      const services = c.get('services');
      const outcome = await joinProgram(services, {
        pageCode: c.req.valid('param').pageCode,
        body: c.req.valid('json'),
        ip: clientIp(c),
      });
      const session = outcome.mayOpenSession ? await openPartnerSession(c, outcome.identityId) : undefined;
      return c.json(
        {
          status: outcome.status,
          referralCode: outcome.referralCode,
          signedIn: Boolean(session),
          csrfToken: session?.csrfToken ?? null,
        },
        201,
      );
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/v1/programs/{programId}/partners',
      tags,
      summary: 'Add a partner to a program by hand (approved unless status says otherwise)',
      access: { permission: 'partners.manage' },
      request: { params: programIdParams, body: body(newProgramPartnerSchema) },
      responses: { 201: json(programPartnerSchema, 'The enrollment') },
    }),
    async (c) =>
      c.json(
        await addProgramPartner(c.get('tenant')!, c.req.valid('param').programId, c.req.valid('json')),
        201,
      ),
  );
