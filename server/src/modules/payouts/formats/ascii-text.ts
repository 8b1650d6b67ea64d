/**
 * Vietnamese text as the ASCII that banks accept in transfer memos and bulk files: "đ" → "d",
 * "Đ" → "D", other diacritics dropped (NFD, then the Latin combining marks U+0300–U+036F
 * removed; the vowel and tone marks of Thai, which are combining marks too, stay).
 */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]+/g, '')
    .replaceAll('đ', 'd')
    .replaceAll('Đ', 'D')
    .normalize('NFC');
}

/**
 * A memo banks accept: diacritics stripped, only ASCII letters, digits, spaces and hyphens (a
 * payout reference such as "PO-123" keeps its hyphen); anything else becomes a space, and runs of
 * spaces collapse to one.
 */
export function toBankMemo(text: string): string {
  return stripDiacritics(text)
    .replace(/[^A-Za-z0-9 -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cuts text to at most `max` characters, at a word boundary when one is left in the kept part. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const kept = text.slice(0, max);
  const boundary = text[max] === ' ' ? max : kept.lastIndexOf(' ');
  return (boundary > 0 ? kept.slice(0, boundary) : kept).trimEnd();
}
