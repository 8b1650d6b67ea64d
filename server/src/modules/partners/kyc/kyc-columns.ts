import type { partnerProfiles } from '../schema-enrollments';
import type { KycField } from './schemas';

/** The sealed column holding each KYC field. */
export const SEALED_COLUMN = {
  citizenId: 'citizenIdEnc',
  dateOfBirth: 'dateOfBirthEnc',
  address: 'addressEnc',
  bankAccount: 'bankAccountEnc',
  bankHolder: 'bankHolderEnc',
} as const satisfies Record<KycField, keyof typeof partnerProfiles.$inferSelect>;

/** "Nguyễn Văn  Đức" → "NGUYEN VAN DUC": how Vietnamese banks print an account holder. */
export function toBankHolderName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}
