/**
 * One CSV field (RFC 4180). Text a spreadsheet would run as a formula ("=…", "@…", "+A1") gets a
 * leading apostrophe; phone numbers such as "+84901234567" stay as they are.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=@\t\r]/.test(text) || /^[+-](?![\d\s]*$)/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
