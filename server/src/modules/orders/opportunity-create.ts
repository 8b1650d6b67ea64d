import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { Services } from '../../platform/services';
import { normaliseEmail, normalisePhone } from '../auth';
import { toOpportunityView } from './opportunity-view';
import { getMySeat } from './partner-orders-access';
import { opportunities } from './schema';

export type MyOpportunityInput = {
  enrollmentId: string;
  customerName: string;
  customerPhone?: string | null;
  customerEmail?: string | null;
  need: string;
  estimatedValueMinor?: bigint | null;
};

/** A CTV records a customer and what they need; care staff take it from there. */
export async function createMyOpportunity(services: Services, identityId: string, input: MyOpportunityInput) {
  const phone = input.customerPhone ? normalisePhone(input.customerPhone) : null;
  if (input.customerPhone && !phone) {
    throw new AppError('validation_failed', 'The customer’s phone number is not valid', {
      details: [{ path: 'body.customerPhone', message: 'Enter a Vietnamese or Thai phone number' }],
    });
  }
  const seat = await getMySeat(services, identityId, input.enrollmentId, { approved: true });
  const now = services.clock.now();
  const [row] = await services.db
    .insert(opportunities)
    .values({
      orgId: seat.ctx.orgId,
      id: newId('opportunity', now.getTime()),
      programId: seat.program.id,
      enrollmentId: seat.enrollment.id,
      customerName: input.customerName,
      customerPhone: phone,
      customerEmail: input.customerEmail ? normaliseEmail(input.customerEmail) : null,
      need: input.need,
      currency: seat.program.currency,
      estimatedValueMinor: input.estimatedValueMinor ?? null,
      status: 'new',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return toOpportunityView(row!);
}
