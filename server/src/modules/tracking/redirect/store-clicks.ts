import { copyText, type Database, type RawSession } from '../../../platform/db';
import type { DeviceType } from '../schema';

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

const COPY_CLICKS = `copy clicks (${COLUMNS}) from stdin`;

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

// Inserts the clicks not stored yet and adds exactly those to the roll-up, in one statement.
const INSERT_NEW_CLICKS = `
  with stored as (
    insert into clicks (${COLUMNS})
    select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],
                         $7::text[], $8::text[], $9::text[], $10::text[], $11::boolean[], $12::boolean[])
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

const HOUR = 3_600_000;

/**
 * Writes a batch of clicks the fast way: one COPY of the rows and one upsert of their hourly roll-up
 * (counted here), in one transaction. COPY refuses the whole batch if any click id is already
 * stored, so a batch whose earlier write may have gone through must use `storeClicksOnce` instead.
 */
export async function copyClicks(database: Database, rows: ClickRow[]): Promise<void> {
  if (rows.length === 0) return;
  let data = '';
  for (const row of rows)
    data += `${row.orgId}\t${row.id}\t${row.linkId}\t${row.programId}\t${row.enrollmentId}\t${row.createdAt.toISOString()}\t${row.ipHash}\t${copyText(row.userAgent)}\t${copyText(row.referrer)}\t${row.deviceType}\t${row.isBot ? 't' : 'f'}\t${row.isUnique ? 't' : 'f'}\n`;
  await database.transaction(async (session) => {
    await session.copyFrom(COPY_CLICKS, data);
    await addStats(session, rows);
  });
}

/**
 * Writes the clicks whose ids are not stored yet and adds only those to the roll-up: safe to repeat
 * with the same rows (a retry after an unclear failure), at the price of a slower insert.
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

type Stat = {
  org_id: string;
  link_id: string;
  hour: string;
  device_type: DeviceType;
  program_id: string;
  enrollment_id: string;
  clicks: number;
  unique_clicks: number;
  bot_clicks: number;
};

async function addStats(session: RawSession, rows: ClickRow[]) {
  const stats = new Map<string, Stat>();
  for (const row of rows) {
    const hour = row.createdAt.getTime() - (row.createdAt.getTime() % HOUR);
    const key = `${row.linkId}\n${hour}\n${row.deviceType}`;
    let stat = stats.get(key);
    if (!stat) {
      stat = {
        org_id: row.orgId,
        link_id: row.linkId,
        hour: new Date(hour).toISOString(),
        device_type: row.deviceType,
        program_id: row.programId,
        enrollment_id: row.enrollmentId,
        clicks: 0,
        unique_clicks: 0,
        bot_clicks: 0,
      };
      stats.set(key, stat);
    }
    stat.clicks++;
    if (row.isBot) stat.bot_clicks++;
    else if (row.isUnique) stat.unique_clicks++;
  }
  await session.query(ADD_STATS, [JSON.stringify([...stats.values()])]);
}
