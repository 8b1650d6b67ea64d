import { z } from '@hono/zod-openapi';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { AppError } from '../errors';

export const MAX_PAGE_SIZE = 100;

/** The shared query schema for lists: cursor paging with a bounded page size. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25).openapi({ example: 25 }),
  cursor: z
    .string()
    .max(500)
    .optional()
    .openapi({ description: 'Opaque cursor from `nextCursor` of the previous page' }),
  order: z.enum(['asc', 'desc']).default('desc'),
});

export type PageQuery = z.infer<typeof pageQuerySchema>;

export const pageInfoSchema = z.object({ nextCursor: z.string().nullable() });

export type Page<T> = { items: T[]; nextCursor: string | null };

/** A cursor names the sort value and id of the last row of a page. */
export type Cursor = { value: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof value === 'string' && typeof id === 'string') return { value, id };
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'The cursor is not valid', {
    details: [{ path: 'query.cursor', message: 'Use nextCursor from the previous page' }],
  });
}

/** Builds a page from `limit + 1` fetched rows. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  cursorOf: (row: Row) => Cursor,
  map: (row: Row) => Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { items: pageRows.map(map), nextCursor: hasMore && last ? encodeCursor(cursorOf(last)) : null };
}

/**
 * The keyset condition for the page after `cursor` when sorting by `sortColumn` then `idColumn`
 * (`(sort, id) > (value, id)` ascending, `<` descending). `cast` names the SQL type of the sort value
 * (e.g. 'timestamptz') when it is not text.
 */
export function afterCursor(options: {
  sortColumn: SQLWrapper;
  idColumn: SQLWrapper;
  cursor: Cursor | undefined;
  order: 'asc' | 'desc';
  cast?: 'timestamptz' | 'text';
}): SQL | undefined {
  const { cursor } = options;
  if (!cursor) return undefined;
  const value = options.cast === 'timestamptz' ? sql`${cursor.value}::timestamptz` : sql`${cursor.value}`;
  return options.order === 'asc'
    ? sql`(${options.sortColumn}, ${options.idColumn}) > (${value}, ${cursor.id})`
    : sql`(${options.sortColumn}, ${options.idColumn}) < (${value}, ${cursor.id})`;
}
