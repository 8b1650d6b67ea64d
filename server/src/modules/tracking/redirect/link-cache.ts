import type { Database } from '../../../platform/db';
import type { SubIds, UtmTags } from '../schema';

/** What the redirect needs of a code: where to send the visitor and what to record. */
export type RedirectTarget =
  | {
      kind: 'live';
      orgId: string;
      linkId: string;
      programId: string;
      enrollmentId: string;
      /** The destination with the link's UTM tags and sub-IDs, split around where `kclid` goes. */
      before: string;
      after: string;
    }
  | { kind: 'fallback'; location: string };

type Row = {
  org_id: string;
  id: string;
  program_id: string;
  enrollment_id: string;
  status: string;
  is_default: boolean;
  destination_url: string;
  utm: UtmTags | string;
  sub_ids: SubIds | string;
  enrollment_status: string | null;
  program_status: string;
  program_destination: string | null;
  fallback_url: string | null;
};

const LOOKUP = `
  select l.org_id, l.id, l.program_id, l.enrollment_id, l.status, l.is_default, l.destination_url, l.utm, l.sub_ids,
         e.status as enrollment_status, p.status as program_status, p.destination_url as program_destination,
         p.fallback_url
    from links l
    join programs p on p.org_id = l.org_id and p.id = l.program_id
    left join enrollments e on e.org_id = l.org_id and e.id = l.enrollment_id
   where upper(l.code) = upper($1)`;

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** The destination with the link's tags added (they win over the same names already there). */
export function taggedDestination(destination: string, utm: UtmTags, subIds: SubIds): URL {
  const url = new URL(destination);
  for (const [name, value] of Object.entries(utm)) if (value) url.searchParams.set(`utm_${name}`, value);
  for (const [name, value] of Object.entries(subIds)) if (value) url.searchParams.set(name, value);
  url.searchParams.delete('kclid');
  return url;
}

function toTarget(row: Row | undefined, landing: string): RedirectTarget {
  if (!row) return { kind: 'fallback', location: landing };
  const fallback = row.fallback_url ?? row.program_destination ?? landing;
  const live =
    row.status === 'active' && row.enrollment_status === 'approved' && row.program_status !== 'archived';
  if (!live) return { kind: 'fallback', location: fallback };
  const destination =
    row.is_default && row.program_destination ? row.program_destination : row.destination_url;
  let url: URL;
  try {
    url = taggedDestination(destination, json<UtmTags>(row.utm), json<SubIds>(row.sub_ids));
  } catch {
    return { kind: 'fallback', location: fallback };
  }
  const hash = url.hash;
  url.hash = '';
  const base = url.toString();
  return {
    kind: 'live',
    orgId: row.org_id,
    linkId: row.id,
    programId: row.program_id,
    enrollmentId: row.enrollment_id,
    before: `${base}${url.search ? '&' : '?'}kclid=`,
    after: hash,
  };
}

/**
 * Link look-ups of the redirect, kept in memory for `ttlMs` (unknown codes too), so the hot path
 * does not touch the database. Changes made through Kênh's own link routes evict their code at once;
 * other changes (an enrollment suspended, a program's destination) are seen within the TTL.
 */
export class LinkCache {
  private readonly entries = new Map<string, { target: RedirectTarget; expiresAt: number }>();
  private readonly loading = new Map<string, Promise<RedirectTarget>>();

  constructor(
    private readonly database: Database,
    private readonly landing: string,
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 100_000,
  ) {}

  /** The target of a code: synchronously when cached, else a promise of one database look-up. */
  get(code: string, nowMs: number): RedirectTarget | Promise<RedirectTarget> {
    const key = code.toLowerCase();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > nowMs) return entry.target;
    let loading = this.loading.get(key);
    if (!loading) {
      loading = this.load(key, nowMs).finally(() => this.loading.delete(key));
      this.loading.set(key, loading);
    }
    return loading;
  }

  evict(code: string): void {
    this.entries.delete(code.toLowerCase());
  }

  clear(): void {
    this.entries.clear();
  }

  private async load(key: string, nowMs: number): Promise<RedirectTarget> {
    const [row] = await this.database.query<Row>(LOOKUP, [key]);
    const target = toTarget(row, this.landing);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { target, expiresAt: nowMs + this.ttlMs });
    return target;
  }
}
