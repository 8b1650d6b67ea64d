import type { Database } from '../../../platform/db';
import type { DeviceType } from '../schema';
import { BATCH_COLUMNS, type ClickBatch } from './click-batch';

/** One click as the redirect records it (the columns of `clicks`). */
export type ClickRow = {
  orgId: string;
  id: string;
  linkId: string;
  programId: string;
  enrollmentId: string;
  createdAt: Date;
  ipHash: string;
  userAgent: string;
  referrer: string | null;
  deviceType: DeviceType;
  isBot: boolean;
  isUnique: boolean;
};

const COLUMNS =
  'org_id, id, link_id, program_id, enrollment_id, created_at, ip_hash, user_agent, referrer, device_type, is_bot, is_unique';

const COPY_CLICKS = `copy clicks (${BATCH_COLUMNS}) from stdin with (format binary)`;

// the batch's roll-up as one JSON parameter (cheaper to send than nine arrays); rows are taken in
// one order by every writer, so two servers adding to the same rows cannot deadlock
const ADD_STATS = `
  insert into click_stats (org_id, link_id, hour, device_type, program_id, enrollment_id, clicks, unique_clicks, bot_clicks)
  select s.org_id, s.link_id, s.hour, s.device_type, s.program_id, s.enrollment_id, s.clicks, s.unique_clicks, s.bot_clicks
    from json_to_recordset($1::json) as s(org_id text, link_id text, hour timestamptz, device_type text,
                                          program_id text, enrollment_id text, clicks int, unique_clicks int,
                                          bot_clicks int)
   order by s.org_id collate "C", s.link_id collate "C", s.hour, s.device_type collate "C"
  on conflict (org_id, link_id, hour, device_type) do update
     set clicks = click_stats.clicks + excluded.clicks,
         unique_clicks = click_stats.unique_clicks + excluded.unique_clicks,
         bot_clicks = click_stats.bot_clicks + excluded.bot_clicks`;

// Inserts the clicks (from `source`) not stored yet and adds exactly those to the roll-up, in one
// statement.
const insertNewClicks = (source: string) => `
  with stored as (
    insert into clicks (${COLUMNS})
    ${source}
    on conflict (id) do nothing
    returning org_id, link_id, program_id, enrollment_id, created_at, device_type, is_bot, is_unique
  )
  insert into click_stats (org_id, link_id, hour, device_type, program_id, enrollment_id, clicks, unique_clicks, bot_clicks)
  select org_id, link_id, date_trunc('hour', created_at, 'UTC'), device_type, min(program_id), min(enrollment_id),
         count(*), count(*) filter (where is_unique and not is_bot), count(*) filter (where is_bot)
    from stored
   group by 1, 2, 3, 4
   order by 1, 2, 3, 4
  on conflict (org_id, link_id, hour, device_type) do update
     set clicks = click_stats.clicks + excluded.clicks,
         unique_clicks = click_stats.unique_clicks + excluded.unique_clicks,
         bot_clicks = click_stats.bot_clicks + excluded.bot_clicks`;

const INSERT_NEW_CLICKS = insertNewClicks(`
    select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],
                         $7::text[], $8::text[], $9::text[], $10::text[], $11::boolean[], $12::boolean[])`);

const INSERT_NEW_BATCH_CLICKS = insertNewClicks(`select ${COLUMNS} from click_batch`);

/**
 * Writes a batch of clicks the fast way: one COPY of the rows and one upsert of their hourly roll-up
 * (counted as the clicks came), in one transaction. COPY refuses the whole batch if any click id is
 * already stored, so a batch whose earlier write may have gone through must use `storeBatchOnce`.
 */
export async function copyClicks(database: Database, batch: ClickBatch): Promise<void> {
  if (batch.count === 0) return;
  await database.transaction(async (session) => {
    await session.copyFrom(COPY_CLICKS, batch.data());
    await session.query(ADD_STATS, [JSON.stringify(batch.stats())]);
  });
}

/**
 * Writes the clicks of a batch whose ids are not stored yet and adds only those to the roll-up:
 * safe to repeat (a retry after an unclear failure), at the price of a pass through a temporary
 * table.
 */
export async function storeBatchOnce(database: Database, batch: ClickBatch): Promise<void> {
  if (batch.count === 0) return;
  await database.transaction(async (session) => {
    await session.query('create temporary table click_batch (like clicks) on commit drop');
    await session.copyFrom(
      `copy click_batch (${BATCH_COLUMNS}) from stdin with (format binary)`,
      batch.data(),
    );
    await session.query(INSERT_NEW_BATCH_CLICKS);
  });
}

/**
 * Writes the clicks whose ids are not stored yet and adds only those to the roll-up: safe to repeat
 * with the same rows (demo data, tests).
 */
export async function storeClicksOnce(database: Pick<Database, 'query'>, rows: ClickRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <T>(pick: (row: ClickRow) => T) => rows.map(pick);
  await database.query(INSERT_NEW_CLICKS, [
    column((row) => row.orgId),
    column((row) => row.id),
    column((row) => row.linkId),
    column((row) => row.programId),
    column((row) => row.enrollmentId),
    column((row) => row.createdAt.toISOString()),
    column((row) => row.ipHash),
    column((row) => row.userAgent),
    column((row) => row.referrer),
    column((row) => row.deviceType),
    column((row) => row.isBot),
    column((row) => row.isUnique),
  ]);
}
