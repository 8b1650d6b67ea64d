import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { SUPPORTED_CURRENCIES } from '../../platform/money';
import type { TenantContext } from '../../platform/services';
import { requestConversionCommission } from '../commissions';
import { hashClientIp } from '../tracking';
import { attributeAll } from './attribution/load-attribution';
import { normaliseCode, normaliseCustomerEmail, normaliseCustomerPhone } from './contact';
import { matchCustomers } from './customers/match-customers';
import type { CustomerInput } from './ingest-order';
import type { ConversionView, CreditedPartnerView } from './order-view';
import { loadCreditedPartners } from './order-views';
import { CONVERSION_KINDS, conversions } from './schema';

export type ConversionInput = {
  kind: 'lead' | 'signup' | 'custom';
  /** The custom conversion's name; defaults to the kind. */
  name?: string;
  source: string;
  externalId: string;
  programId?: string;
  customer?: CustomerInput;
  partnerCode?: string;
  couponCode?: string;
  clickId?: string;
  clientIp?: string;
  currency?: string;
  valueMinor?: bigint;
  metadata?: Record<string, string>;
  occurredAt?: Date;
};

export type ConversionRow = typeof conversions.$inferSelect;

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', `${path}: ${message}`, { details: [{ path, message }] });

/**
 * Records a lead, sign-up or custom conversion once per (source, externalId), attributed like
 * orders (partner code, coupon, click in its window, customer ownership). A second delivery answers
 * the stored conversion and changes nothing.
 */
export async function recordConversion(
  ctx: TenantContext,
  executor: Executor,
  input: ConversionInput,
): Promise<{ conversion: ConversionView; created: boolean }> {
  const source = input.source?.trim();
  const externalId = input.externalId?.trim();
  if (!CONVERSION_KINDS.includes(input.kind)) throw invalid('kind', `One of ${CONVERSION_KINDS.join(', ')}`);
  if (!source || source.length > 50) throw invalid('source', 'Required, at most 50 characters');
  if (!externalId || externalId.length > 200) throw invalid('externalId', 'Required, at most 200 characters');
  if (input.valueMinor !== undefined) {
    if (input.valueMinor < 0n) throw invalid('valueMinor', 'Not negative');
    if (!input.currency) throw invalid('currency', 'Required with a value');
  }
  if (input.currency && !SUPPORTED_CURRENCIES.includes(input.currency)) {
    throw invalid('currency', `Not a supported currency (${SUPPORTED_CURRENCIES.join(', ')})`);
  }

  return executor.transaction(async (tx) => {
    const stored = await findStored(ctx, tx, source, externalId);
    if (stored) return { conversion: await viewOf(ctx, tx, stored), created: false };
    const now = ctx.services.clock.now();
    const at = input.occurredAt ?? now;
    const phone = normaliseCustomerPhone(input.customer?.phone);
    const email = normaliseCustomerEmail(input.customer?.email);
    const [customer] = await matchCustomers(ctx, tx, [
      {
        source,
        externalId: input.customer?.externalId?.trim() || null,
        name: input.customer?.name?.trim() ?? '',
        phone,
        email,
      },
    ]);
    const partnerCode = normaliseCode(input.partnerCode);
    const couponCode = normaliseCode(input.couponCode);
    const clickId = input.clickId?.trim() || null;
    const [decision] = await attributeAll(ctx, tx, [
      {
        at,
        currency: input.currency ?? null,
        partnerCode,
        couponCode,
        clickId,
        customer: customer ?? null,
        contact: { phone, email },
        clientIpHash: input.clientIp?.trim() ? hashClientIp(ctx.services, input.clientIp) : null,
      },
    ]);
    const row: ConversionRow = {
      orgId: ctx.orgId,
      id: newId('conversion', now.getTime()),
      kind: input.kind,
      name: input.name?.trim() || input.kind,
      source,
      externalId,
      programId: decision!.programId ?? input.programId ?? null,
      enrollmentId: decision!.enrollmentId,
      attributionMethod: decision!.method,
      attributionEvidence: decision!.evidence,
      flags: decision!.flags,
      customerId: customer?.id ?? null,
      partnerCode,
      couponCode,
      clickId,
      currency: input.currency ?? null,
      valueMinor: input.valueMinor ?? null,
      metadata: input.metadata ?? {},
      occurredAt: at,
      createdAt: now,
    };
    const inserted = await tx
      .insert(conversions)
      .values(row)
      .onConflictDoNothing()
      .returning({ id: conversions.id });
    if (inserted.length === 0) {
      return {
        conversion: await viewOf(ctx, tx, (await findStored(ctx, tx, source, externalId))!),
        created: false,
      };
    }
    if (row.enrollmentId) await requestConversionCommission(ctx, tx, [row.id]);
    return { conversion: await viewOf(ctx, tx, row), created: true };
  });
}

async function findStored(ctx: TenantContext, executor: Executor, source: string, externalId: string) {
  const [row] = await executor
    .select()
    .from(conversions)
    .where(
      and(
        eq(conversions.orgId, ctx.orgId),
        eq(conversions.source, source),
        eq(conversions.externalId, externalId),
      ),
    );
  return row;
}

async function viewOf(ctx: TenantContext, executor: Executor, row: ConversionRow) {
  const partners = await loadCreditedPartners(ctx, executor, [row.enrollmentId]);
  return toConversionView(row, row.enrollmentId ? (partners.get(row.enrollmentId) ?? null) : null);
}

/** A conversion as the API shows it. */
export function toConversionView(row: ConversionRow, partner: CreditedPartnerView | null): ConversionView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    source: row.source,
    externalId: row.externalId,
    programId: row.programId,
    enrollmentId: row.enrollmentId,
    partner,
    attributionMethod: row.attributionMethod,
    attributionEvidence: row.attributionEvidence,
    flags: row.flags,
    customerId: row.customerId,
    partnerCode: row.partnerCode,
    couponCode: row.couponCode,
    clickId: row.clickId,
    currency: row.currency,
    valueMinor: row.valueMinor?.toString() ?? null,
    metadata: row.metadata,
    occurredAt: row.occurredAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}
