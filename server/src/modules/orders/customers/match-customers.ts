import { and, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import type { TenantContext } from '../../../platform/services';
import { identities } from '../../auth';
import { enrollments, partners } from '../../partners';
import { anyOf, insertRows } from '../bulk-sql';
import { customerRefs, customers } from '../schema';

/** A customer as the app reads it (the sort key is the database's). */
export type Customer = Omit<typeof customers.$inferSelect, 'sortName'>;

/** One buyer as an order or conversion names them, already normalised. */
export type CustomerClaim = {
  source: string;
  externalId: string | null;
  name: string;
  phone: string | null;
  email: string | null;
};

/**
 * Finds or creates the customer of each claim, matching by the shop's customer id (per source),
 * then normalised phone, then email. Claims with none of the three have no customer (null). New
 * customers made by earlier claims of the same batch are matched by later ones. Creation is safe
 * against a concurrent batch creating the same person: the loser reads the winner's row.
 */
export async function matchCustomers(
  ctx: TenantContext,
  executor: Executor,
  claims: CustomerClaim[],
): Promise<Array<Customer | null>> {
  const refKeys = unique(claims.filter((c) => c.externalId).map((c) => refKey(c.source, c.externalId!)));
  const phones = unique(claims.map((c) => c.phone));
  const emails = unique(claims.map((c) => c.email));
  if (refKeys.length + phones.length + emails.length === 0) return claims.map(() => null);

  const index = new CustomerIndex();
  await index.load(ctx, executor, { refKeys, phones, emails });
  const partnerIds = await findPartnerIdsByContact(ctx, executor, phones, emails);

  const now = ctx.services.clock.now();
  const created: Customer[] = [];
  const newRefs = new Map<string, { source: string; externalId: string; customerId: string }>();
  const matched = claims.map((claim) => {
    if (!claim.externalId && !claim.phone && !claim.email) return null;
    let customer = index.find(claim);
    if (!customer) {
      customer = {
        orgId: ctx.orgId,
        id: newId('customer', now.getTime()),
        name: claim.name,
        phone: claim.phone,
        email: claim.email,
        partnerId:
          (claim.phone && partnerIds.byPhone.get(claim.phone)) ||
          (claim.email && partnerIds.byEmail.get(claim.email)) ||
          null,
        ownerEnrollmentId: null,
        ownedSince: null,
        ownedUntil: null,
        firstOrderAt: null,
        createdAt: now,
        updatedAt: now,
      };
      created.push(customer);
      index.add(customer);
    }
    if (claim.externalId) {
      const key = refKey(claim.source, claim.externalId);
      if (!index.refs.has(key)) {
        index.refs.set(key, customer);
        newRefs.set(key, { source: claim.source, externalId: claim.externalId, customerId: customer.id });
      }
    }
    return customer;
  });

  if (created.length > 0) {
    const inserted = await insertRows(executor, customers, created, {
      onConflictDoNothing: true,
      returning: 'id',
    });
    if (inserted.length < created.length) {
      // A concurrent delivery created some of these people first: use its rows instead.
      const insertedIds = new Set(inserted.map((row) => row.id as string));
      const lost = created.filter((customer) => !insertedIds.has(customer.id));
      const winners = new CustomerIndex();
      await winners.load(ctx, executor, {
        refKeys: [],
        phones: unique(lost.map((c) => c.phone)),
        emails: unique(lost.map((c) => c.email)),
      });
      const replace = new Map(lost.map((c) => [c.id, winners.find({ ...c, source: '', externalId: null })]));
      for (const [i, customer] of matched.entries()) {
        if (customer && replace.has(customer.id)) matched[i] = replace.get(customer.id) ?? null;
      }
      for (const ref of newRefs.values()) {
        const winner = replace.get(ref.customerId);
        if (winner) ref.customerId = winner.id;
      }
    }
  }
  const refRows = [...newRefs.values()].map((ref) => ({ orgId: ctx.orgId, ...ref }));
  await insertRows(executor, customerRefs, refRows, { onConflictDoNothing: true });
  return matched;
}

class CustomerIndex {
  refs = new Map<string, Customer>();
  phones = new Map<string, Customer>();
  emails = new Map<string, Customer>();

  async load(
    ctx: TenantContext,
    executor: Executor,
    keys: { refKeys: string[]; phones: string[]; emails: string[] },
  ) {
    const refRows =
      keys.refKeys.length === 0
        ? []
        : await executor
            .select({
              source: customerRefs.source,
              externalId: customerRefs.externalId,
              customerId: customerRefs.customerId,
            })
            .from(customerRefs)
            .where(
              and(
                eq(customerRefs.orgId, ctx.orgId),
                sql`(${customerRefs.source}, ${customerRefs.externalId}) in (select * from unnest(${sql.param(
                  keys.refKeys.map((key) => splitRefKey(key)[0]),
                )}::text[], ${sql.param(keys.refKeys.map((key) => splitRefKey(key)[1]))}::text[]))`,
              ),
            );
    const refIds = unique(refRows.map((row) => row.customerId));
    const conditions = [
      refIds.length ? anyOf(customers.id, refIds) : undefined,
      keys.phones.length ? anyOf(customers.phone, keys.phones) : undefined,
      keys.emails.length ? anyOf(customers.email, keys.emails) : undefined,
    ].filter(Boolean);
    if (conditions.length === 0) return;
    const rows = await executor
      .select()
      .from(customers)
      .where(and(eq(customers.orgId, ctx.orgId), or(...conditions)));
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const row of rows) this.add(row);
    for (const ref of refRows) {
      const customer = byId.get(ref.customerId);
      if (customer) this.refs.set(refKey(ref.source, ref.externalId), customer);
    }
  }

  add(customer: Customer) {
    if (customer.phone && !this.phones.has(customer.phone)) this.phones.set(customer.phone, customer);
    if (customer.email && !this.emails.has(customer.email)) this.emails.set(customer.email, customer);
  }

  find(claim: CustomerClaim): Customer | undefined {
    return (
      (claim.externalId ? this.refs.get(refKey(claim.source, claim.externalId)) : undefined) ??
      (claim.phone ? this.phones.get(claim.phone) : undefined) ??
      (claim.email ? this.emails.get(claim.email) : undefined)
    );
  }
}

/** Partners of the organisation whose own identity has one of these phones or emails. */
async function findPartnerIdsByContact(
  ctx: TenantContext,
  executor: Executor,
  phones: string[],
  emails: string[],
) {
  const byPhone = new Map<string, string>();
  const byEmail = new Map<string, string>();
  const contact = [
    phones.length ? anyOf(identities.phone, phones) : undefined,
    emails.length ? anyOf(sql`lower(${identities.email})`, emails) : undefined,
  ].filter(Boolean);
  if (contact.length === 0) return { byPhone, byEmail };
  const rows = await executor
    .selectDistinct({ partnerId: partners.id, phone: identities.phone, email: identities.email })
    .from(identities)
    .innerJoin(partners, eq(partners.identityId, identities.id))
    .innerJoin(enrollments, and(eq(enrollments.partnerId, partners.id), eq(enrollments.orgId, ctx.orgId)))
    .where(or(...contact));
  for (const row of rows) {
    if (row.phone) byPhone.set(row.phone, row.partnerId);
    if (row.email) byEmail.set(row.email.toLowerCase(), row.partnerId);
  }
  return { byPhone, byEmail };
}

function unique(values: Array<string | null | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => Boolean(value)))];
}

const SEPARATOR = '\u001f';
const refKey = (source: string, externalId: string) => `${source}${SEPARATOR}${externalId}`;
const splitRefKey = (key: string) => {
  const at = key.indexOf(SEPARATOR);
  return [key.slice(0, at), key.slice(at + 1)] as const;
};
