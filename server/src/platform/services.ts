import type { Clock } from './clock';
import type { Config } from './config';
import type { Keyring } from './crypto';
import type { Database, Db } from './db';
import type { JobQueue } from './jobs/queue';
import type { Logger } from './logger';
import type { RoleName } from './permissions';

/** What the running server gives every use case: database, clock, keys, queue, logs. */
export type Services = {
  database: Database;
  db: Db;
  config: Config;
  clock: Clock;
  keys: Keyring;
  jobs: JobQueue;
  log: Logger;
};

/** Who is acting. Staff act as a member of the organisation; integrations act as an API key. */
export type Actor =
  | { type: 'member'; id: string; identityId: string; role: RoleName; label: string }
  | { type: 'api_key'; id: string; role: RoleName; label: string }
  | { type: 'system'; label: string };

/** The first argument of every tenant use case: the organisation and who acts in it. */
export type TenantContext = {
  orgId: string;
  actor: Actor;
  requestId?: string;
  services: Services;
};
