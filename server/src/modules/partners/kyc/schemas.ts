import { z } from '@hono/zod-openapi';
import { isKnownBankBin } from '../banks/vn-banks';

export const KYC_FIELDS = ['citizenId', 'dateOfBirth', 'address', 'bankAccount', 'bankHolder'] as const;
export type KycField = (typeof KYC_FIELDS)[number];

const isCalendarDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/** Know-your-partner data. Omitted fields stay as they are; null clears one. */
export const kycInputSchema = z
  .object({
    citizenId: z
      .string()
      .trim()
      .regex(/^\d{12}$/, 'A citizen id (CCCD) is exactly 12 digits')
      .nullable()
      .optional()
      .openapi({ example: '079203001234' }),
    dateOfBirth: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')
      .refine(isCalendarDate, 'Not a calendar date')
      .nullable()
      .optional()
      .openapi({ example: '1998-04-30' }),
    address: z.string().trim().min(5).max(300).nullable().optional(),
    bankBin: z
      .string()
      .trim()
      .refine(isKnownBankBin, 'Not a bank of the Vietnamese bank list (GET /api/v1/banks)')
      .nullable()
      .optional()
      .openapi({ example: '970436' }),
    bankAccount: z
      .string()
      .trim()
      .regex(/^\d{6,20}$/, 'An account number is 6–20 digits')
      .nullable()
      .optional()
      .openapi({ example: '0071000123456' }),
    bankHolder: z.string().trim().min(2).max(100).nullable().optional().openapi({
      description: 'Printed upper case without marks; "Nguyễn Văn An" is stored as "NGUYEN VAN AN"',
    }),
  })
  .strict();
export type KycInput = z.infer<typeof kycInputSchema>;

const bankSchema = z.object({ bin: z.string(), code: z.string(), shortName: z.string(), name: z.string() });

export const kycViewSchema = z
  .object({
    partnerId: z.string(),
    citizenId: z.string().nullable().openapi({ example: '••••••••1234' }),
    dateOfBirth: z.string().nullable(),
    address: z.string().nullable(),
    bank: bankSchema.nullable(),
    bankAccount: z.string().nullable().openapi({ example: '•••••••••3456' }),
    bankHolder: z.string().nullable().openapi({ example: 'N••••• V•• A•' }),
    bankVerifiedAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi('PartnerKyc');

export const kycRevealSchema = z
  .object({
    fields: z
      .array(z.enum(KYC_FIELDS))
      .min(1)
      .max(KYC_FIELDS.length)
      .refine((fields) => new Set(fields).size === fields.length, 'Each field only once'),
  })
  .strict();

export const kycRevealedSchema = z
  .object({
    partnerId: z.string(),
    values: z.record(z.string(), z.string().nullable()),
  })
  .openapi('PartnerKycRevealed');

export const banksSchema = z.object({ items: z.array(bankSchema) }).openapi('BankList');
