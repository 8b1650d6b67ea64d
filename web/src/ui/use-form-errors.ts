import { useCallback, useState } from 'react';
import { i18n } from '../i18n';
import { ApiError } from '../lib/api';

/**
 * Keeps an API error for a form: a translated summary above it, and a hint under each field the
 * error's details name (by path).
 */
export function useFormErrors() {
  const [error, setError] = useState<unknown>(null);
  const clear = useCallback(() => setError(null), []);
  const fields = error instanceof ApiError ? error.fieldErrors() : {};
  return {
    error,
    /** Shown above the form always: field hints alone could point at a field the form lacks. */
    general: error,
    /** The API's field messages are English; the user sees a translated hint under the field. */
    field: (name: string): string | undefined => (fields[name] ? i18n.t('errors.field_invalid') : undefined),
    set: setError,
    clear,
  };
}
