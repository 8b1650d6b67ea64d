import { AppError } from '../../platform/errors';

/** A body field naming a record the organisation does not have (422 with the field's path). */
export function invalidReference(path: string, message: string) {
  return new AppError('unprocessable', message, { details: [{ path, message }] });
}
