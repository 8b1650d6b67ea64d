/**
 * The one error type of Kênh. Codes form a closed list; each maps to one HTTP status.
 * `message` is for people and is safe to show; `internal` stays in the logs.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  two_factor_required: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  idempotency_conflict: 409,
  idempotency_mismatch: 422,
  unprocessable: 422,
  too_many_attempts: 429,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorDetail = { path: string; message: string };

export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  readonly internal: string | undefined;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      details?: ErrorDetail[];
      internal?: string;
      headers?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.details = options.details ?? [];
    this.internal = options.internal;
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = 'Record') => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this') =>
  new AppError('forbidden', message);
export const conflict = (message: string, details?: ErrorDetail[]) =>
  new AppError('conflict', message, { details });
export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new AppError('bad_request', message, { details });

type PgErrorLike = { code?: string; constraint?: string; detail?: string; cause?: unknown };

/** Finds the PostgreSQL error under the wrappers that drivers and Drizzle put around it. */
function findPgError(error: unknown): PgErrorLike | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const candidate = current as PgErrorLike;
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
}

/**
 * Turns database constraint violations into domain errors. `constraintMessages` names, per
 * constraint, the message users see (e.g. `{ org_members_org_identity_uq: 'Already a member' }`).
 */
export function mapDatabaseError(error: unknown, constraintMessages: Record<string, string> = {}): unknown {
  if (error instanceof AppError) return error;
  const pg = findPgError(error);
  if (!pg) return error;
  const known = pg.constraint ? constraintMessages[pg.constraint] : undefined;
  switch (pg.code) {
    case '23505':
      return new AppError('conflict', known ?? 'This record already exists', {
        internal: pg.detail,
        cause: error,
      });
    case '23503':
      return new AppError('unprocessable', known ?? 'A referenced record does not exist', {
        internal: pg.detail,
        cause: error,
      });
    case '23514':
    case '23502':
      return new AppError('validation_failed', known ?? 'A value breaks a rule of the data', {
        internal: pg.detail,
        cause: error,
      });
    default:
      return error;
  }
}
