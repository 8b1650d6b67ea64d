import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Normalises a Vietnamese or Thai phone number to E.164. Local forms (0901234567, 081 234 5678),
 * international forms (+84 90…, 0084…, 66…) are accepted; anything else gives undefined.
 */
export function normalisePhone(input: string, defaultCountry: 'VN' | 'TH' = 'VN'): string | undefined {
  const cleaned = input.trim().replace(/^00/, '+');
  const candidates = cleaned.startsWith('+')
    ? [parsePhoneNumberFromString(cleaned)]
    : [
        parsePhoneNumberFromString(cleaned, defaultCountry),
        parsePhoneNumberFromString(cleaned, defaultCountry === 'VN' ? 'TH' : 'VN'),
        /^(84|66)\d{8,10}$/.test(cleaned.replace(/\D/g, ''))
          ? parsePhoneNumberFromString(`+${cleaned.replace(/\D/g, '')}`)
          : undefined,
      ];
  for (const phone of candidates) {
    if (phone?.isValid() && (phone.country === 'VN' || phone.country === 'TH')) return phone.number;
  }
  return undefined;
}

export function normaliseEmail(input: string): string {
  return input.trim().toLowerCase();
}
