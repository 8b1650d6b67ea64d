import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors';
import { stripDiacritics, toBankMemo } from './ascii-text';
import { buildVietQr, crc16CcittFalse, parseVietQr, vietQrMemo, vietQrPng, vietQrSvg } from './vietqr';

/** A second CRC-16/CCITT-FALSE, bit by bit, to check the table-driven one. */
function bitwiseCrc(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** A dynamic QR that Kienlongbank's payment gateway returned in its published API example. */
const KIENLONGBANK_SAMPLE =
  '00020101021238610010A000000727013100069704520117103722120867470840208QRIBFTTA530370454031235802VN62220818TT Don hang 12345663046352';
/** The sample of an open-source VietQR generator: 120 000 ₫ to VietinBank, memo "ủng hộ lũ lụt". */
const VIETINBANK_SAMPLE =
  '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';

function validationDetails(work: () => unknown) {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
    return (error as AppError).details;
  }
  throw new Error('expected a validation error');
}

describe('VietQR payload', () => {
  it('computes the CRC of published samples, agreeing with a bitwise implementation', () => {
    for (const sample of [KIENLONGBANK_SAMPLE, VIETINBANK_SAMPLE]) {
      expect(crc16CcittFalse(sample.slice(0, -4))).toBe(sample.slice(-4));
      expect(bitwiseCrc(sample.slice(0, -4))).toBe(sample.slice(-4));
    }
    expect(crc16CcittFalse('123456789')).toBe('29B1');
    for (const text of ['', 'a', '6304', 'Nguyễn Thị Hồng Nhung', 'x'.repeat(300)]) {
      expect(crc16CcittFalse(text)).toBe(bitwiseCrc(text));
    }
  });

  it('builds exactly the published samples', () => {
    expect(
      buildVietQr({
        bankBin: '970452',
        accountNumber: '10372212086747084',
        amountMinor: 123n,
        memo: 'TT Đơn hàng 123456',
      }),
    ).toBe(KIENLONGBANK_SAMPLE);
    expect(
      buildVietQr({
        bankBin: '970415',
        accountNumber: '0011001932418',
        amountMinor: 120_000n,
        memo: 'ủng hộ lũ lụt',
      }),
    ).toBe(VIETINBANK_SAMPLE);
  });

  it('decodes published samples', () => {
    expect(parseVietQr(KIENLONGBANK_SAMPLE)).toEqual({
      payloadFormat: '01',
      pointOfInitiation: '12',
      guid: 'A000000727',
      bankBin: '970452',
      accountNumber: '10372212086747084',
      serviceCode: 'QRIBFTTA',
      currency: '704',
      amountMinor: 123n,
      countryCode: 'VN',
      memo: 'TT Don hang 123456',
      crc: '6352',
      crcValid: true,
    });
    const tampered = KIENLONGBANK_SAMPLE.replace('54031235802', '54039995802');
    expect(parseVietQr(tampered)).toMatchObject({ amountMinor: 999n, crcValid: false });
  });

  it('round-trips a payout with the reference kept whole at the end of the memo', () => {
    const payload = buildVietQr({
      bankBin: '970436',
      accountNumber: '0123456789',
      amountMinor: 2_450_000n,
      memo: 'Thanh toán hoa hồng tháng 11',
      reference: 'PO-123',
    });
    expect(payload.startsWith('000201010212')).toBe(true);
    expect(parseVietQr(payload)).toEqual({
      payloadFormat: '01',
      pointOfInitiation: '12',
      guid: 'A000000727',
      bankBin: '970436',
      accountNumber: '0123456789',
      serviceCode: 'QRIBFTTA',
      currency: '704',
      amountMinor: 2_450_000n,
      countryCode: 'VN',
      memo: 'Thanh toan hoa PO-123',
      crc: payload.slice(-4),
      crcValid: true,
    });
  });

  it('strips diacritics from memos and cuts them to 25 characters without losing the reference', () => {
    expect(toBankMemo('Thanh toán hoa hồng PO-123')).toBe('Thanh toan hoa hong PO-123');
    expect(toBankMemo('ĐẶNG VĂN ĐỨC: chi trả (kỳ 11/2026)!')).toBe('DANG VAN DUC chi tra ky 11 2026');
    expect(stripDiacritics('Nguyễn Thị Hồng Nhung, Đà Nẵng')).toBe('Nguyen Thi Hong Nhung, Da Nang');
    expect(stripDiacritics('สมชาย ใจดี')).toBe('สมชาย ใจดี');
    expect(vietQrMemo('Chi trả', 'KENH B7 P12')).toBe('Chi tra KENH B7 P12');
    expect(vietQrMemo('Thanh toán hoa hồng', 'PO-123')).toBe('Thanh toan hoa PO-123');
    expect(vietQrMemo('Hoa hồng T11', 'PO-123')).toBe('Hoa hong T11 PO-123');
    expect(vietQrMemo('Chi trả hoa hồng tháng mười một', 'PO-2026-000123')).toBe('Chi tra PO-2026-000123');
    expect(vietQrMemo(undefined, 'PO-123')).toBe('PO-123');
    expect(vietQrMemo('Hoa hồng', undefined)).toBe('Hoa hong');
    expect(vietQrMemo('Supercalifragilisticexpialidocious', 'PO-1')).toBe('Supercalifragilistic PO-1');
    expect(vietQrMemo('', undefined)).toBe('');
  });

  it('leaves out the additional data when there is no memo', () => {
    const payload = buildVietQr({ bankBin: '970436', accountNumber: 'A1', amountMinor: 1n });
    expect(payload).not.toContain('5802VN62');
    expect(parseVietQr(payload)).toMatchObject({
      accountNumber: 'A1',
      amountMinor: 1n,
      memo: null,
      crcValid: true,
    });
  });

  it('refuses bad input with one detail per field', () => {
    expect(
      validationDetails(() =>
        buildVietQr({ bankBin: '123456', accountNumber: '0123-456', amountMinor: 0n, reference: 'PO_1' }),
      ),
    ).toEqual([
      { path: 'bankBin', message: 'Unknown bank BIN 123456' },
      { path: 'accountNumber', message: 'An account number is 1 to 19 letters or digits' },
      { path: 'amountMinor', message: 'The amount must be more than 0 ₫' },
      { path: 'reference', message: 'A reference is 1 to 25 ASCII letters, digits, spaces or hyphens' },
    ]);
    expect(
      validationDetails(() =>
        buildVietQr({ bankBin: '97043', accountNumber: '1'.repeat(20), amountMinor: 10_000_000_000_000n }),
      ),
    ).toEqual([
      { path: 'bankBin', message: 'A bank BIN is 6 digits' },
      { path: 'accountNumber', message: 'An account number is 1 to 19 letters or digits' },
      { path: 'amountMinor', message: 'The amount has more than 13 digits' },
    ]);
    expect(
      buildVietQr({ bankBin: '970436', accountNumber: '1'.repeat(19), amountMinor: 9_999_999_999_999n }),
    ).toContain('54139999999999999');
  });

  it('refuses payloads that are not VietQR', () => {
    expect(validationDetails(() => parseVietQr('hello'))).toEqual([
      { path: 'payload', message: 'The payload does not end with a CRC (6304 and 4 hex digits)' },
    ]);
    const card =
      '00020101021126280010A000000775011001234567895204599953037045802VN5908MERCHANT6005HANOI6304ABCD';
    expect(validationDetails(() => parseVietQr(card))).toEqual([
      { path: 'payload.38', message: 'No VietQR account information (tag 38)' },
    ]);
    expect(validationDetails(() => parseVietQr('000201019912386304ABCD'))[0]!.path).toBe('payload.01');
  });

  it('renders a PNG that a QR reader decodes back to the payload', async () => {
    const payload = buildVietQr({
      bankBin: '970422',
      accountNumber: '0901234567',
      amountMinor: 1_500_000n,
      memo: 'Hoa hồng',
      reference: 'PO-77',
    });
    const png = await vietQrPng(payload);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const image = PNG.sync.read(png);
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(decoded?.data).toBe(payload);
    const svg = await vietQrSvg(payload);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('viewBox');
  });
});
