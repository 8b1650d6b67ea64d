import { and, asc, desc, eq, ilike, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { afterCursor, decodeCursor, type Page, toPage } from '../../platform/http/paging';
import type { RoleName } from '../../platform/permissions';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth';
import { orgMembers } from '../orgs';
import { apiKeys } from './schema';
import type { ApiKeyQuery } from './schemas';

export type ApiKeyView = {
  id: string;
  name: string;
  role: RoleName;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: string | null;
  createdByName: string | null;
};

const creatorKey = alias(apiKeys, 'creator_key');

function selectKeys(executor: Executor) {
  return executor
    .select({
      key: apiKeys,
      memberName: identities.fullName,
      keyName: creatorKey.name,
    })
    .from(apiKeys)
    .leftJoin(orgMembers, and(eq(orgMembers.orgId, apiKeys.orgId), eq(orgMembers.id, apiKeys.createdBy)))
    .leftJoin(identities, eq(identities.id, orgMembers.identityId))
    .leftJoin(creatorKey, and(eq(creatorKey.orgId, apiKeys.orgId), eq(creatorKey.id, apiKeys.createdBy)));
}

type Row = Awaited<ReturnType<typeof selectKeys>>[number];

function toView({ key, memberName, keyName }: Row): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    createdBy: key.createdBy,
    createdByName: memberName ?? keyName ?? null,
  };
}

/** API keys of the organisation (never their secrets), newest first by default. */
export async function findApiKeys(ctx: TenantContext, query: ApiKeyQuery): Promise<Page<ApiKeyView>> {
  const cursor = decodeCursor(query.cursor);
  const byName = query.sort === 'name';
  const sortColumn = byName ? apiKeys.name : apiKeys.createdAt;
  const conditions: (SQL | undefined)[] = [
    eq(apiKeys.orgId, ctx.orgId),
    query.status === 'active' ? isNull(apiKeys.revokedAt) : undefined,
    query.status === 'revoked' ? isNotNull(apiKeys.revokedAt) : undefined,
    query.q ? ilike(apiKeys.name, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    afterCursor({
      sortColumn,
      idColumn: apiKeys.id,
      cursor,
      order: query.order,
      cast: byName ? 'text' : 'timestamptz',
    }),
  ];
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await selectKeys(ctx.services.db)
    .where(and(...conditions))
    .orderBy(direction(sortColumn), direction(apiKeys.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: byName ? row.key.name : row.key.createdAt.toISOString(), id: row.key.id }),
    toView,
  );
}

/** One API key of the organisation; not-found for any other. */
export async function getApiKeyById(
  ctx: TenantContext,
  apiKeyId: string,
  executor: Executor = ctx.services.db,
) {
  const [row] = await selectKeys(executor).where(and(eq(apiKeys.orgId, ctx.orgId), eq(apiKeys.id, apiKeyId)));
  if (!row) throw notFound('API key');
  return toView(row);
}
