import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { escapeLike } from '../../../platform/name-search';

const MARKED =
  'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ' +
  'ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ';
const PLAIN =
  'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd' +
  'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';

/** Lower case without Vietnamese marks, the way `foldSql` folds a column ("Sữa Rửa" → "sua rua"). */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/**
 * The same folding in SQL with `translate`, which both PostgreSQL and PGlite have without the
 * unaccent extension; stored names are NFC (as people type them), which is what the table covers.
 */
export function foldSql(column: SQLWrapper): SQL {
  return sql`lower(translate(${column}, ${MARKED}, ${PLAIN}))`;
}

/** A SKU that starts with the query, or a name with a word that starts with it. */
export function productSearchCondition(q: string, sku: SQLWrapper, name: SQLWrapper): SQL {
  const folded = escapeLike(foldText(q.normalize('NFC')));
  const upper = escapeLike(q.toUpperCase());
  return sql`(upper(${sku}) like ${`${upper}%`} or ${foldSql(name)} like ${`${folded}%`} or ${foldSql(name)} like ${`% ${folded}%`})`;
}
