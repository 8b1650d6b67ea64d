import { parseJsonExact } from '../mapping/parse-json-exact';
import { MalformedPayload } from '../mapping/plan';

/**
 * A postback's fields from its stored body: JSON, or `key=value&…` (a form body, or the query
 * string of a GET, stored without its token).
 */
export function postbackPayloadOf(body: string, contentType: string | undefined): unknown {
  const text = body.trim();
  if (text.startsWith('{') || /json/i.test(contentType ?? '')) {
    try {
      return parseJsonExact(text);
    } catch (error) {
      throw new MalformedPayload(`The body is not JSON: ${(error as Error).message}`);
    }
  }
  const params = new URLSearchParams(text);
  const fields: Record<string, string> = {};
  for (const [key, value] of params) if (key !== 'token') fields[key] = value;
  return fields;
}
