/** The fields of an incidental import row. */
export const INCIDENTAL_IMPORT_FIELDS = [
  'partnerCode',
  'enrollmentId',
  'amount',
  'reason',
  'program',
] as const;
export type IncidentalImportField = (typeof INCIDENTAL_IMPORT_FIELDS)[number] | 'row';

/** Column titles people use for each field, in Vietnamese, English and Thai (compared normalised). */
const TITLES: Record<(typeof INCIDENTAL_IMPORT_FIELDS)[number], string[]> = {
  partnerCode: [
    'mã giới thiệu',
    'mã ctv',
    'mã cộng tác viên',
    'mã đối tác',
    'mã ref',
    'referral code',
    'partner code',
    'partner referral code',
    'code',
    'รหัสแนะนำ',
    'รหัสพาร์ทเนอร์',
    'รหัสตัวแทน',
  ],
  enrollmentId: ['enrollment id', 'enrollmentid', 'enrollment', 'mã tham gia', 'รหัสการสมัคร'],
  amount: ['số tiền', 'tiền', 'giá trị', 'amount', 'จำนวนเงิน', 'ยอดเงิน'],
  reason: ['lý do', 'nội dung', 'ghi chú', 'reason', 'note', 'เหตุผล'],
  program: ['chương trình', 'program', 'programme', 'โปรแกรม'],
};

/** Lower case, Latin accents and đ dropped, spaces and punctuation squeezed: "Mã CTV" → "ma ctv". */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_\-:*()]+/g, ' ')
    .trim();
}

const LOOKUP = new Map(
  Object.entries(TITLES).flatMap(([field, titles]) => titles.map((title) => [normaliseTitle(title), field])),
);

/** Which column holds each field (the first one whose title is recognised). */
export function mapColumns(
  columns: string[],
): Partial<Record<(typeof INCIDENTAL_IMPORT_FIELDS)[number], string>> {
  const mapping: Partial<Record<(typeof INCIDENTAL_IMPORT_FIELDS)[number], string>> = {};
  for (const column of columns) {
    const field = LOOKUP.get(normaliseTitle(column)) as (typeof INCIDENTAL_IMPORT_FIELDS)[number] | undefined;
    if (field && !mapping[field]) mapping[field] = column;
  }
  return mapping;
}

/**
 * The template's header and two example rows: a bonus and a penalty, amounts in major units. It
 * starts with a byte order mark so spreadsheet programs read the Vietnamese titles as UTF-8.
 */
export function incidentalTemplateCsv(): string {
  return `\uFEFF${[
    'Mã giới thiệu,Số tiền,Lý do,Chương trình',
    'CTV0001,150.000,Thưởng vượt chỉ tiêu tháng 11,',
    'CTV0002,-50.000,Phạt giao hàng trễ,',
    '',
  ].join('\r\n')}`;
}
