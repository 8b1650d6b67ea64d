import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/**
 * Searching people by name or phone, and sorting them by name as Vietnamese and Thai users expect: Vietnamese marks
 * optional ("nguyen" finds "Nguyễn"), Thai leading vowels after their consonant (as a Thai
 * dictionary sorts), from the start of the name or of any word. Rows keep `kenh_sort_key(name)`
 * (a database function: the folded name, then the name as written) in a `sort_name` column.
 */

const MARKED = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ';
const PLAIN = 'aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy';

/** Thai vowels written before the consonant they follow when spoken. */
const THAI_LEADING = '[เแโใไ]';
const THAI_LEADING_VOWEL = new RegExp(`(${THAI_LEADING})([ก-ฮ])`, 'g');
const THAI_LEADING_LAST = new RegExp(`${THAI_LEADING}$`);

/**
 * The same folding as the database's kenh_sort_key(): lower case without Vietnamese marks, each
 * Thai leading vowel moved after its consonant ("เกศ" → "กเศ").
 */
export function foldName(text: string): string {
  return [...text.toLowerCase()]
    .map((char) => PLAIN[MARKED.indexOf(char)] ?? char)
    .join('')
    .replace(THAI_LEADING_VOWEL, '$2$1');
}

/** Text taken literally by LIKE: its wildcards and escape character escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** LIKE patterns of a sort key for a typed name: the start of the name, the start of any word. */
export function namePatterns(q: string): [string, string] {
  const typed = q.trim();
  // a Thai leading vowel typed last, its consonant not typed yet, stands after any one consonant
  const pending = THAI_LEADING_LAST.test(typed) ? `_${typed.slice(-1)}` : '';
  const folded = escapeLike(foldName(pending ? typed.slice(0, -1) : typed)) + pending;
  return [`${folded}%`, `% ${folded}%`];
}

/** A sort-key column matching a typed name (see `namePatterns`). */
export function nameMatches(sortName: SQLWrapper, q: string): SQL {
  const [nameStart, wordStart] = namePatterns(q);
  return sql`(${sortName} like ${nameStart} or ${sortName} like ${wordStart})`;
}

/**
 * E.164 prefixes a typed phone fragment may stand for: "090 12" → +8490 12…, "+66 81" → +6681…,
 * "84912" → +84912…. Undefined when the text is not phone-like.
 */
export function phonePrefixes(text: string): string[] | undefined {
  if (!/^\+?[\d\s.\-()]+$/.test(text)) return undefined;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 3) return undefined;
  if (text.trim().startsWith('+')) return [`+${digits}`];
  if (digits.startsWith('00')) return [`+${digits.slice(2)}`];
  if (digits.startsWith('0')) return [`+84${digits.slice(1)}`, `+66${digits.slice(1)}`];
  if (digits.startsWith('84') || digits.startsWith('66')) return [`+${digits}`];
  return [`+84${digits}`];
}
