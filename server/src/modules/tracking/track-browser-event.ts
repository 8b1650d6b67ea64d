import { AppError } from '../../platform/errors';
import type { Services, TenantContext } from '../../platform/services';
import { ingestOrder, recordConversion } from '../orders';
import { unsafeGetActiveProgramByPageCode } from '../programs';
import type { TrackEvent } from './schemas';

/**
 * A lead, sign-up or sale reported by the snippet from the shopper's browser. Anyone can send
 * one, so it is only evidence: a sale becomes an order from source 'browser' (staff confirm it like
 * any pending order), attributed from the click id, referral code or coupon it carries.
 */
export async function trackBrowserEvent(
  services: Services,
  pageCode: string,
  event: TrackEvent,
  visitor: { ip: string; userAgent: string },
) {
  const { program } = await unsafeGetActiveProgramByPageCode(services.db, pageCode);
  const ctx: TenantContext = {
    orgId: program.orgId,
    services,
    actor: { type: 'system', label: 'Browser snippet' },
  };
  const evidence = {
    programId: program.id,
    customer: event.customer,
    partnerCode: event.ref ?? undefined,
    couponCode: event.coupon,
    clickId: event.clickId ?? undefined,
    clientIp: visitor.ip,
  };
  if (event.kind === 'sale') {
    const items =
      event.items?.map((item) => ({
        sku: item.sku,
        quantity: item.quantity,
        unitPriceMinor: BigInt(item.unitPriceMinor),
      })) ??
      (event.amountMinor
        ? [{ sku: 'ORDER', name: 'Order total', quantity: 1, unitPriceMinor: BigInt(event.amountMinor) }]
        : undefined);
    if (!items)
      throw new AppError('validation_failed', 'A sale needs its items or its amount', {
        details: [{ path: 'body.amountMinor', message: 'Give items or amountMinor' }],
      });
    const { order, created } = await ingestOrder(ctx, services.db, {
      ...evidence,
      source: 'browser',
      externalId: event.id,
      currency: event.currency ?? program.currency,
      items,
      userAgent: visitor.userAgent,
    });
    return { kind: event.kind, id: order.id, created };
  }
  const { conversion, created } = await recordConversion(ctx, services.db, {
    ...evidence,
    kind: event.kind,
    source: 'browser',
    externalId: event.id,
    currency: event.currency ?? program.currency,
    valueMinor: event.amountMinor === undefined ? undefined : BigInt(event.amountMinor),
  });
  return { kind: event.kind, id: conversion.id, created };
}
