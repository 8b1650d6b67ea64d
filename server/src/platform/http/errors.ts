import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorDetail } from '../errors';
import type { AppEnv } from './env';

export type ErrorBody = {
  error: { code: string; message: string; details: ErrorDetail[] };
  requestId: string;
};

/** Every error leaves the API in one shape; unknown errors become a generic 500 and are logged in full. */
export function errorResponse(c: Context<AppEnv>, thrown: unknown) {
  const requestId = c.get('requestId') ?? 'unknown';
  // Hono's own 4xx (e.g. 415 from the body validator for a non-JSON body) are the caller's mistake
  const error =
    thrown instanceof HTTPException && thrown.status < 500
      ? new AppError(
          'bad_request',
          thrown.status === 415 ? 'Send the body as JSON (Content-Type: application/json)' : thrown.message,
          { cause: thrown },
        )
      : thrown;
  if (error instanceof AppError) {
    if (error.status >= 500) c.get('services')?.log.error({ err: error, requestId }, error.message);
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    const body: ErrorBody = {
      error: { code: error.code, message: error.message, details: error.details },
      requestId,
    };
    return c.json(body, error.status as ContentfulStatusCode);
  }
  c.get('services')?.log.error({ err: error, requestId }, 'unexpected error');
  const body: ErrorBody = {
    error: {
      code: 'internal',
      message: 'Something went wrong. Quote the request id when reporting it.',
      details: [],
    },
    requestId,
  };
  return c.json(body, 500);
}

type ZodIssueLike = { path: PropertyKey[]; message: string };

/** Turns zod issues into the API's validation error with field paths. */
export function validationError(issues: readonly ZodIssueLike[], where: string): AppError {
  return new AppError('validation_failed', 'Some fields are not valid', {
    details: issues.map((issue) => ({
      path: [where === 'json' ? 'body' : where, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  });
}
