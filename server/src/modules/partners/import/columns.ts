import { z } from '@hono/zod-openapi';

export const IMPORT_FIELDS = [
  'fullName',
  'phone',
  'email',
  'externalId',
  'province',
  'uplineReferralCode',
  'groupName',
  'tags',
  'referralCode',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ImportMapping = Partial<Record<ImportField, string>>;

/** Column titles people use for each field, in Vietnamese, English and Thai (compared without marks). */
const SYNONYMS: Record<ImportField, string[]> = {
  fullName: ['ho ten', 'ho va ten', 'ten', 'full name', 'name', 'ten ctv', 'ชื่อ', 'ชื่อ-นามสกุล'],
  phone: ['sdt', 'so dien thoai', 'dien thoai', 'phone', 'mobile', 'dt', 'เบอร์โทร', 'โทรศัพท์'],
  email: ['email', 'e-mail', 'thu dien tu', 'อีเมล'],
  externalId: ['ma ctv', 'ma doi tac', 'external id', 'partner id', 'id', 'ma', 'รหัส'],
  province: ['tinh', 'tinh thanh', 'tinh/thanh pho', 'province', 'city', 'จังหวัด'],
  uplineReferralCode: ['ma gioi thieu', 'nguoi gioi thieu', 'upline', 'ma upline', 'referrer', 'ผู้แนะนำ'],
  groupName: ['nhom', 'hang', 'cap', 'group', 'tier', 'กลุ่ม'],
  tags: ['the', 'nhan', 'tags', 'tag', 'แท็ก'],
  referralCode: ['ma rieng', 'ma ctv rieng', 'referral code', 'code', 'รหัสแนะนำ'],
};

export function foldTitle(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[_.:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A first guess of the mapping from the file's column titles; people confirm it in the UI. */
export function suggestMapping(columns: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  for (const field of IMPORT_FIELDS) {
    const column = columns.find((title) => !used.has(title) && SYNONYMS[field].includes(foldTitle(title)));
    if (column) {
      mapping[field] = column;
      used.add(column);
    }
  }
  return mapping;
}

export const mappingSchema = z
  .object(Object.fromEntries(IMPORT_FIELDS.map((field) => [field, z.string().min(1).max(200).optional()])))
  .strict()
  .openapi('PartnerImportMapping', {
    example: { fullName: 'Họ tên', phone: 'SĐT', email: 'Email', uplineReferralCode: 'Mã giới thiệu' },
  }) as unknown as z.ZodType<ImportMapping>;
