-- Thai names sort as a Thai dictionary sorts them: a leading vowel (เ แ โ ใ ไ), written before
-- its consonant but said after it, is placed after the consonant in the key, so "เกศินี" sorts
-- under ก, after "กมล" and before "ขวัญ". Vietnamese folding is unchanged.
CREATE OR REPLACE FUNCTION kenh_sort_key(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(
      translate(lower(coalesce(name, '')),
        'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ',
        'aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy'),
      '([เแโใไ])([ก-ฮ])', '\2\1', 'g')
    || chr(1) || lower(coalesce(name, ''))
$$;
--> statement-breakpoint
-- keys already stored with a leading vowel are made again
UPDATE enrollments e SET sort_name = kenh_sort_key(i.full_name)
  FROM partners p JOIN identities i ON i.id = p.identity_id
 WHERE p.id = e.partner_id AND i.full_name ~ '[เแโใไ]';
--> statement-breakpoint
UPDATE customers SET name = name WHERE name ~ '[เแโใไ]';
