const DOT = '•';

/** "+84901234567" → "+8490•••4567": enough to recognise a number, not to call it. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  if (phone.length <= 7) return DOT.repeat(phone.length);
  return `${phone.slice(0, 5)}${DOT.repeat(Math.max(phone.length - 9, 3))}${phone.slice(-4)}`;
}

/** Dots for all but the last four characters: "012345678901" → "••••••••8901". */
export function maskKeepLast4(value: string | null, last4?: string | null): string | null {
  if (value === null && !last4) return null;
  const tail = last4 ?? value!.slice(-4);
  const length = value?.length ?? 12;
  return `${DOT.repeat(Math.max(length - tail.length, 4))}${tail}`;
}

/** "NGUYEN VAN AN" → "N••••• V•• A•": initials of a name as printed on a card. */
export function maskName(name: string | null): string | null {
  if (!name) return null;
  return name
    .split(' ')
    .map((word) => `${word.slice(0, 1)}${DOT.repeat(Math.max(word.length - 1, 1))}`)
    .join(' ');
}
