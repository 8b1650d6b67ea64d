import { getTableColumns, getTableName, type SQL, type SQLWrapper, sql, type Table } from 'drizzle-orm';
import type { Executor } from '../../platform/db';

type ColumnType = 'text' | 'int' | 'bigint' | 'timestamptz' | 'jsonb' | 'bool';

type ColumnSpec<Row> = [name: string, type: ColumnType, value: (row: Row) => unknown];

/** The `insert … select from unnest(…)` statement of one table. */
function unnestInsert<Row>(table: string, columns: Array<ColumnSpec<Row>>, rows: Row[], filter?: SQL): SQL {
  const names = columns.map(([name]) => name).join(', ');
  const arrays = columns.map(([, type, value]) => {
    const values = rows.map((row) => toParam(value(row), type));
    return sql`${sql.param(values)}::${sql.raw(type === 'jsonb' ? 'text' : type)}[]`;
  });
  const select = columns
    .map(([name, type]) => (type === 'jsonb' ? `u.${name}::jsonb` : `u.${name}`))
    .join(', ');
  return sql`insert into ${sql.raw(table)} (${sql.raw(names)}) select ${sql.raw(select)} from unnest(${sql.join(
    arrays,
    sql`, `,
  )}) as u(${sql.raw(names)})${filter ? sql` ${filter}` : sql``}`;
}

/**
 * One INSERT of many rows as one array parameter per column (`insert … select from unnest(…)`):
 * a constant number of parameters whatever the row count, and none of the per-value work of
 * building a VALUES list, which is what keeps bulk ingestion fast.
 */
export async function insertUnnest<Row>(
  executor: Executor,
  options: {
    table: string;
    columns: Array<ColumnSpec<Row>>;
    rows: Row[];
    onConflictDoNothing?: boolean;
    returning?: string;
  },
): Promise<Array<Record<string, unknown>>> {
  if (options.rows.length === 0) return [];
  const query = sql`${unnestInsert(options.table, options.columns, options.rows)}${sql.raw(
    options.onConflictDoNothing ? ' on conflict do nothing' : '',
  )}${sql.raw(options.returning ? ` returning ${options.returning}` : '')}`;
  return rowsOf(await executor.execute(query));
}

const SQL_TYPES: Record<string, ColumnType> = {
  text: 'text',
  integer: 'int',
  bigint: 'bigint',
  'timestamp with time zone': 'timestamptz',
  jsonb: 'jsonb',
  boolean: 'bool',
};

function columnsOf(table: Table): Array<ColumnSpec<Record<string, unknown>>> {
  // columns the database computes (generated) are left to it
  const written = Object.entries(getTableColumns(table)).filter(([, column]) => !column.generated);
  return written.map(([key, column]) => {
    const type = SQL_TYPES[column.getSQLType()];
    if (!type) throw new Error(`No unnest type for ${column.getSQLType()}`);
    return [column.name, type, (row: Record<string, unknown>) => row[key]];
  });
}

type FollowUp = { table: Table; rows: Array<Record<string, unknown>>; onlyFor: string };

/**
 * `insertUnnest` for complete rows of a Drizzle table: every column, named and typed from its
 * definition. `alsoInsert` inserts rows of further tables in the same statement, keeping only those
 * whose `onlyFor` column names a row this insert created (data-modifying CTEs): one round trip
 * for an order, its items and its events, and nothing for orders that already existed.
 */
export async function insertRows<T extends Table>(
  executor: Executor,
  table: T,
  rows: Array<T['$inferInsert']>,
  options: { onConflictDoNothing?: boolean; returning?: string; alsoInsert?: FollowUp[] } = {},
): Promise<Array<Record<string, unknown>>> {
  if (rows.length === 0) return [];
  const head = sql`${unnestInsert(getTableName(table), columnsOf(table), rows as Array<Record<string, unknown>>)}${sql.raw(
    options.onConflictDoNothing ? ' on conflict do nothing' : '',
  )}`;
  if (!options.alsoInsert?.length) {
    return rowsOf(
      await executor.execute(
        sql`${head}${sql.raw(options.returning ? ` returning ${options.returning}` : '')}`,
      ),
    );
  }
  const followUps = options.alsoInsert
    .filter((next) => next.rows.length > 0)
    .map(
      (next, index) =>
        sql`, f${sql.raw(String(index))} as (${unnestInsert(
          getTableName(next.table),
          columnsOf(next.table),
          next.rows,
          sql`where u.${sql.raw(next.onlyFor)} in (select id from head)`,
        )})`,
    );
  return rowsOf(
    await executor.execute(
      sql`with head as (${head} returning id)${sql.join(followUps, sql``)} select id from head`,
    ),
  );
}

function toParam(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (type === 'bigint') return String(value);
  if (type === 'jsonb') return JSON.stringify(value);
  return value;
}

/** `column = any($1)` with one array parameter instead of a list of parameters. */
export function anyOf(column: SQLWrapper | SQL, values: string[], type: 'text' = 'text'): SQL {
  return sql`${column} = any(${sql.param(values)}::${sql.raw(type)}[])`;
}

/** The rows of a raw `execute` on either driver. */
export function rowsOf(result: unknown): Array<Record<string, unknown>> {
  return (result as { rows: Array<Record<string, unknown>> }).rows;
}
