import { and, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import type { TenantContext } from '../../../platform/services';
import { identities, sessions } from '../../auth';
import { enrollments, partners } from '../../partners';
import { programs } from '../../programs';
import { clicks, coupons, findPendingClick } from '../../tracking';
import { anyOf } from '../bulk-sql';
import type { Customer } from '../customers/match-customers';
import { conversions, orders } from '../schema';
import {
  type AttributionDecision,
  type AttributionFacts,
  type CandidateClick,
  type CandidateEnrollment,
  type CandidateProgram,
  decideAttribution,
} from './decide-attribution';

/** Sign-ins older than this before the order no longer mark a device as the partner's own. */
const OWN_DEVICE_DAYS = 30;

/** What one order or conversion brings to attribution, already normalised. */
export type AttributionRequest = {
  at: Date;
  currency?: string | null;
  partnerCode?: string | null;
  couponCode?: string | null;
  clickId?: string | null;
  customer: Customer | null;
  enteredByEnrollmentId?: string | null;
  contact: { phone: string | null; email: string | null };
  clientIpHash?: string | null;
};

/** Attributes many orders or conversions at once (see `prepareAttribution`). */
export async function attributeAll(
  ctx: TenantContext,
  executor: Executor,
  requests: AttributionRequest[],
): Promise<AttributionDecision[]> {
  if (requests.length === 0) return [];
  const decide = await prepareAttribution(ctx, executor, requests);
  return requests.map(decide);
}

/**
 * Loads what attributing these requests needs, one query per kind for the whole batch (codes,
 * coupons, clicks, earlier clicks of the customers, enrollments, partners' contacts and sign-in
 * IPs), and answers a function deciding one request with the pure `decideAttribution`. The
 * function reads the request's customer when called, so a batch that gives a customer an owner
 * credits that customer's later orders of the same batch to the owner.
 */
export async function prepareAttribution(
  ctx: TenantContext,
  executor: Executor,
  requests: AttributionRequest[],
): Promise<(request: AttributionRequest) => AttributionDecision> {
  const org = ctx.orgId;
  const programRows = await executor
    .select({
      id: programs.id,
      currency: programs.currency,
      cookieDays: programs.cookieDays,
      attributionModel: programs.attributionModel,
      customerOwnershipDays: programs.customerOwnershipDays,
    })
    .from(programs)
    .where(eq(programs.orgId, org));
  const programMap = new Map<string, CandidateProgram>(programRows.map((p) => [p.id, p]));

  const codes = distinct(requests.map((r) => r.partnerCode));
  const codeRows = codes.length
    ? await executor
        .select(enrollmentColumns)
        .from(enrollments)
        .where(and(eq(enrollments.orgId, org), anyOf(sql`upper(${enrollments.referralCode})`, codes)))
    : [];
  const byCode = new Map(codeRows.map((row) => [row.referralCode.toUpperCase(), row]));

  const couponCodes = distinct(requests.map((r) => r.couponCode));
  const couponRows = couponCodes.length
    ? await executor
        .select({ code: coupons.code, status: coupons.status, enrollmentId: coupons.enrollmentId })
        .from(coupons)
        .where(and(eq(coupons.orgId, org), anyOf(sql`upper(${coupons.code})`, couponCodes)))
    : [];
  const byCoupon = new Map(couponRows.map((row) => [row.code.toUpperCase(), row]));

  const clickIds = distinct(
    requests.map((r) => r.clickId),
    false,
  );
  const clickRows = await loadClicks(ctx, executor, clickIds);
  const firstClickCustomers = distinct(
    requests
      .filter((r) => r.customer && r.clickId)
      .filter((r) => {
        const click = clickRows.get(r.clickId!);
        return click && programMap.get(click.programId)?.attributionModel === 'first_click';
      })
      .map((r) => r.customer!.id),
    false,
  );
  const customerClicks = await loadCustomerClicks(ctx, executor, firstClickCustomers);

  const enrollmentIds = distinct(
    [
      ...couponRows.map((row) => row.enrollmentId),
      ...[...clickRows.values()].map((row) => row.enrollmentId),
      ...[...customerClicks.values()].flat().map((row) => row.enrollmentId),
      ...requests.map((r) => r.customer?.ownerEnrollmentId),
      ...requests.map((r) => r.enteredByEnrollmentId),
    ],
    false,
  );
  const enrollmentRows = enrollmentIds.length
    ? await executor
        .select(enrollmentColumns)
        .from(enrollments)
        .where(and(eq(enrollments.orgId, org), anyOf(enrollments.id, enrollmentIds)))
    : [];
  const byEnrollment = new Map<string, CandidateEnrollment>(
    [...enrollmentRows, ...codeRows].map((row) => [row.id, row]),
  );

  const partnerIds = distinct(
    [...byEnrollment.values()].map((row) => row.partnerId),
    false,
  );
  const earliest = new Date(Math.min(...requests.map((r) => r.at.getTime())) - OWN_DEVICE_DAYS * 86_400_000);
  const { contacts, ipHashes } = await loadPartnerIdentities(executor, partnerIds, earliest);

  return (request) => {
    const click = request.clickId ? clickRows.get(request.clickId) : undefined;
    const coupon = request.couponCode ? byCoupon.get(request.couponCode.toUpperCase()) : undefined;
    const facts: AttributionFacts = {
      at: request.at,
      currency: request.currency ?? undefined,
      partnerCode: request.partnerCode
        ? { value: request.partnerCode, enrollment: byCode.get(request.partnerCode.toUpperCase()) }
        : undefined,
      coupon: request.couponCode
        ? {
            value: coupon?.code ?? request.couponCode,
            status: coupon?.status,
            enrollment: coupon ? byEnrollment.get(coupon.enrollmentId) : undefined,
          }
        : undefined,
      click: request.clickId
        ? {
            value: request.clickId,
            click,
            enrollment: click ? byEnrollment.get(click.enrollmentId) : undefined,
          }
        : undefined,
      customerClicks: request.customer
        ? (customerClicks.get(request.customer.id) ?? []).map((row) => ({
            click: row,
            enrollment: byEnrollment.get(row.enrollmentId),
          }))
        : undefined,
      customer: request.customer
        ? {
            ...request.customer,
            owner: request.customer.ownerEnrollmentId
              ? byEnrollment.get(request.customer.ownerEnrollmentId)
              : undefined,
          }
        : undefined,
      enteredBy: request.enteredByEnrollmentId
        ? {
            value: request.enteredByEnrollmentId,
            enrollment: byEnrollment.get(request.enteredByEnrollmentId),
          }
        : undefined,
      programs: programMap,
      contact: request.contact,
      partnerContacts: contacts,
      clientIpHash: request.clientIpHash,
      partnerIpHashes: ipHashes,
    };
    return decideAttribution(facts);
  };
}

const enrollmentColumns = {
  id: enrollments.id,
  programId: enrollments.programId,
  partnerId: enrollments.partnerId,
  status: enrollments.status,
  referralCode: enrollments.referralCode,
};

const clickColumns = {
  id: clicks.id,
  enrollmentId: clicks.enrollmentId,
  programId: clicks.programId,
  linkId: clicks.linkId,
  createdAt: clicks.createdAt,
  ipHash: clicks.ipHash,
  isBot: clicks.isBot,
};

/**
 * Clicks by id; the id alone names a click, so the organisation is checked here. A click redirected
 * a moment ago may still wait in the click writer's memory: it is looked for there first
 * (synchronously, so a click moving to the table meanwhile cannot be missed), then in the table.
 */
async function loadClicks(ctx: TenantContext, executor: Executor, ids: string[]) {
  const found = new Map<string, CandidateClick>();
  if (ids.length === 0) return found;
  for (const id of ids) {
    const pending = findPendingClick(id);
    if (pending && pending.orgId === ctx.orgId) {
      const {
        orgId: _org,
        userAgent: _ua,
        referrer: _ref,
        deviceType: _device,
        isUnique: _unique,
        ...click
      } = pending;
      found.set(id, click);
    }
  }
  const rest = ids.filter((id) => !found.has(id));
  if (rest.length === 0) return found;
  const rows = await executor
    .select(clickColumns)
    .from(clicks)
    .where(and(anyOf(clicks.id, rest), eq(clicks.orgId, ctx.orgId)));
  for (const row of rows) found.set(row.id, row);
  return found;
}

/** The clicks carried by each customer's earlier orders and conversions (first-click model). */
async function loadCustomerClicks(ctx: TenantContext, executor: Executor, customerIds: string[]) {
  const result = new Map<string, CandidateClick[]>();
  if (customerIds.length === 0) return result;
  const carried = await executor
    .select({ customerId: orders.customerId, clickId: orders.clickId })
    .from(orders)
    .where(and(eq(orders.orgId, ctx.orgId), anyOf(orders.customerId, customerIds), isNotNull(orders.clickId)))
    .unionAll(
      executor
        .select({ customerId: conversions.customerId, clickId: conversions.clickId })
        .from(conversions)
        .where(
          and(
            eq(conversions.orgId, ctx.orgId),
            anyOf(conversions.customerId, customerIds),
            isNotNull(conversions.clickId),
          ),
        ),
    );
  const found = await loadClicks(
    ctx,
    executor,
    distinct(
      carried.map((row) => row.clickId),
      false,
    ),
  );
  for (const row of carried) {
    const click = found.get(row.clickId!);
    if (!click || !row.customerId) continue;
    const list = result.get(row.customerId) ?? [];
    if (!list.some((known) => known.id === click.id)) list.push(click);
    result.set(row.customerId, list);
  }
  return result;
}

/** Each partner's own phone and email, and the IP hashes they signed in from since `since`. */
async function loadPartnerIdentities(executor: Executor, partnerIds: string[], since: Date) {
  const contacts = new Map<string, { phone: string | null; email: string | null }>();
  const ipHashes = new Map<string, Set<string>>();
  if (partnerIds.length === 0) return { contacts, ipHashes };
  const rows = await executor
    .select({ partnerId: partners.id, phone: identities.phone, email: identities.email })
    .from(partners)
    .innerJoin(identities, eq(identities.id, partners.identityId))
    .where(anyOf(partners.id, partnerIds));
  for (const row of rows)
    contacts.set(row.partnerId, { phone: row.phone, email: row.email?.toLowerCase() ?? null });
  const signIns = await executor
    .selectDistinct({ partnerId: partners.id, ipHash: sessions.ipHash })
    .from(partners)
    .innerJoin(sessions, eq(sessions.identityId, partners.identityId))
    .where(and(anyOf(partners.id, partnerIds), isNotNull(sessions.ipHash), gte(sessions.lastSeenAt, since)));
  for (const row of signIns) {
    const set = ipHashes.get(row.partnerId) ?? new Set<string>();
    set.add(row.ipHash!);
    ipHashes.set(row.partnerId, set);
  }
  return { contacts, ipHashes };
}

function distinct(values: Array<string | null | undefined>, upper = true): string[] {
  return [
    ...new Set(values.filter((v): v is string => Boolean(v)).map((v) => (upper ? v.toUpperCase() : v))),
  ];
}
