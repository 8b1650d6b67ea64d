import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/**
 * Searching people by name as Vietnamese users type it: marks optional ("nguyen" finds
 * "Nguyễn"), from the start of the name or of any word. Rows keep `kenh_sort_key(name)` (a
 * database function: the folded name, then the name as written) in a `sort_name` column.
 */

const MARKED = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ';
const PLAIN = 'aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy';

/** The same folding as the database's kenh_sort_key(): lower case without Vietnamese marks. */
export function foldName(text: string): string {
  return [...text.toLowerCase()].map((char) => PLAIN[MARKED.indexOf(char)] ?? char).join('');
}

/** Text taken literally by LIKE: its wildcards and escape character escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** LIKE patterns of a sort key for a typed name: the start of the name, the start of any word. */
export function namePatterns(q: string): [string, string] {
  const folded = escapeLike(foldName(q.trim()));
  return [`${folded}%`, `% ${folded}%`];
}

/** A sort-key column matching a typed name (see `namePatterns`). */
export function nameMatches(sortName: SQLWrapper, q: string): SQL {
  const [nameStart, wordStart] = namePatterns(q);
  return sql`(${sortName} like ${nameStart} or ${sortName} like ${wordStart})`;
}
