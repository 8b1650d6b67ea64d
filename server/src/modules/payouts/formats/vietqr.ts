import QRCode from 'qrcode';
import { AppError, type ErrorDetail } from '../../../platform/errors';
import { findBankByBin } from '../../partners';
import { cutAtWord, toBankMemo } from './ascii-text';

/**
 * VietQR: the NAPAS profile of the EMVCo merchant-presented QR, which every Vietnamese banking
 * app scans to prefill an interbank (NAPAS 247) transfer. Each data object is ID (2 digits),
 * length (2 digits) and value; the payload ends with the CRC object "6304" + 4 hex digits.
 */
export const NAPAS_GUID = 'A000000727';
/** Service code of a 24/7 interbank transfer to an account (QRIBFTTC would be to a card). */
export const SERVICE_TO_ACCOUNT = 'QRIBFTTA';
/** Purpose of transaction (tag 62, sub-tag 08): EMVCo and NAPAS allow up to 25 characters. */
export const VIETQR_MEMO_MAX = 25;
export const VIETQR_AMOUNT_MAX = 9_999_999_999_999n;

export type VietQrInput = {
  /** The beneficiary bank's NAPAS BIN, 6 digits (e.g. 970436 for Vietcombank). */
  bankBin: string;
  /** 1–19 letters or digits. */
  accountNumber: string;
  /** đồng; a payout QR always carries its amount. */
  amountMinor: bigint;
  /** Kept whole at the end of the memo so the transfer can be matched to its payout. */
  reference?: string;
  /** Free text before the reference; stripped to ASCII and shortened to fit. */
  memo?: string;
};

export type ParsedVietQr = {
  payloadFormat: string;
  /** "11" static (reusable), "12" dynamic (one transfer). */
  pointOfInitiation: string | null;
  guid: string;
  bankBin: string;
  accountNumber: string;
  serviceCode: string | null;
  currency: string | null;
  amountMinor: bigint | null;
  countryCode: string | null;
  memo: string | null;
  crc: string;
  /** Whether the CRC in the payload is the one computed over the rest of it. */
  crcValid: boolean;
};

const CRC_TABLE = Array.from({ length: 256 }, (_, byte) => {
  let crc = byte << 8;
  for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  return crc;
});

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection) as 4 uppercase hex digits. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8'))
    crc = ((crc << 8) & 0xffff) ^ CRC_TABLE[((crc >> 8) ^ byte) & 0xff]!;
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

function tlv(id: string, value: string): string {
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** The memo a VietQR carries: ASCII text cut to fit, then the reference whole. */
export function vietQrMemo(memo: string | undefined, reference: string | undefined): string {
  const ref = reference?.trim() ?? '';
  const room = ref ? VIETQR_MEMO_MAX - ref.length - 1 : VIETQR_MEMO_MAX;
  const text = room > 0 ? cutAtWord(toBankMemo(memo ?? ''), room) : '';
  return [text, ref].filter(Boolean).join(' ');
}

function validate(input: VietQrInput): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (!/^\d{6}$/.test(input.bankBin)) details.push({ path: 'bankBin', message: 'A bank BIN is 6 digits' });
  else if (!findBankByBin(input.bankBin))
    details.push({ path: 'bankBin', message: `Unknown bank BIN ${input.bankBin}` });
  if (!/^[A-Za-z0-9]{1,19}$/.test(input.accountNumber)) {
    details.push({ path: 'accountNumber', message: 'An account number is 1 to 19 letters or digits' });
  }
  if (input.amountMinor <= 0n)
    details.push({ path: 'amountMinor', message: 'The amount must be more than 0 ₫' });
  else if (input.amountMinor > VIETQR_AMOUNT_MAX) {
    details.push({ path: 'amountMinor', message: 'The amount has more than 13 digits' });
  }
  const reference = input.reference?.trim();
  if (reference !== undefined && !/^[A-Za-z0-9 -]{1,25}$/.test(reference)) {
    details.push({
      path: 'reference',
      message: `A reference is 1 to ${VIETQR_MEMO_MAX} ASCII letters, digits, spaces or hyphens`,
    });
  }
  return details;
}

/** Builds the VietQR payload of a dynamic QR for one transfer to a bank account. */
export function buildVietQr(input: VietQrInput): string {
  const details = validate(input);
  if (details.length > 0) throw new AppError('validation_failed', details[0]!.message, { details });
  const beneficiary = tlv('00', input.bankBin) + tlv('01', input.accountNumber);
  const memo = vietQrMemo(input.memo, input.reference);
  const body = [
    tlv('00', '01'),
    tlv('01', '12'),
    tlv('38', tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', SERVICE_TO_ACCOUNT)),
    tlv('53', '704'),
    tlv('54', input.amountMinor.toString()),
    tlv('58', 'VN'),
    memo ? tlv('62', tlv('08', memo)) : '',
  ].join('');
  const withCrcTag = `${body}6304`;
  return withCrcTag + crc16CcittFalse(withCrcTag);
}

function invalid(message: string, path = 'payload'): AppError {
  return new AppError('validation_failed', message, { details: [{ path, message }] });
}

/** Splits ID-length-value data objects; `path` names the template for errors. */
function readObjects(text: string, path: string): Map<string, string> {
  const objects = new Map<string, string>();
  let at = 0;
  while (at < text.length) {
    const head = text.slice(at, at + 4);
    if (!/^\d{4}$/.test(head)) throw invalid(`Malformed data object at character ${at}`, path);
    const id = head.slice(0, 2);
    const length = Number(head.slice(2));
    const value = text.slice(at + 4, at + 4 + length);
    if (value.length !== length) throw invalid(`Data object ${id} is cut short`, `${path}.${id}`);
    objects.set(id, value);
    at += 4 + length;
  }
  return objects;
}

/** Reads a VietQR payload back into its fields, and checks its CRC. */
export function parseVietQr(payload: string): ParsedVietQr {
  const text = payload.trim();
  if (!/6304[0-9A-Fa-f]{4}$/.test(text))
    throw invalid('The payload does not end with a CRC (6304 and 4 hex digits)');
  const root = readObjects(text, 'payload');
  const account = root.get('38');
  if (!account) throw invalid('No VietQR account information (tag 38)', 'payload.38');
  const accountObjects = readObjects(account, 'payload.38');
  const guid = accountObjects.get('00') ?? '';
  if (guid !== NAPAS_GUID) throw invalid(`Not a NAPAS VietQR (GUID ${guid || 'missing'})`, 'payload.38.00');
  const beneficiary = readObjects(accountObjects.get('01') ?? '', 'payload.38.01');
  const bankBin = beneficiary.get('00');
  const accountNumber = beneficiary.get('01');
  if (!bankBin || !accountNumber) throw invalid('No bank BIN or account number', 'payload.38.01');
  const amount = root.get('54');
  if (amount !== undefined && !/^\d{1,13}$/.test(amount))
    throw invalid(`Not an amount of đồng: ${amount}`, 'payload.54');
  const additional = root.get('62');
  const crc = text.slice(-4).toUpperCase();
  return {
    payloadFormat: root.get('00') ?? '',
    pointOfInitiation: root.get('01') ?? null,
    guid,
    bankBin,
    accountNumber,
    serviceCode: accountObjects.get('02') ?? null,
    currency: root.get('53') ?? null,
    amountMinor: amount === undefined ? null : BigInt(amount),
    countryCode: root.get('58') ?? null,
    memo: additional ? (readObjects(additional, 'payload.62').get('08') ?? null) : null,
    crc,
    crcValid: crc16CcittFalse(text.slice(0, -4)) === crc,
  };
}

/** Error correction M and a 4-module quiet zone, as the QR standard asks for reliable scanning. */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** The QR as a PNG image (8 pixels a module). */
export function vietQrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { ...QR_OPTIONS, type: 'png', scale: 8 });
}

/** The QR as an SVG document. */
export function vietQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { ...QR_OPTIONS, type: 'svg' });
}
