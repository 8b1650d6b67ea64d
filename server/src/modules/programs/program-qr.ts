import QRCode from 'qrcode';

export type QrFormat = 'png' | 'svg';

/**
 * The QR code of a URL, as PNG bytes or SVG text. Error correction M survives a creased poster;
 * the quiet zone (margin 2) keeps phone cameras reading it.
 */
export async function renderQr(url: string, format: QrFormat, size: number): Promise<Buffer | string> {
  const options = { errorCorrectionLevel: 'M' as const, margin: 2, width: size };
  if (format === 'png') return QRCode.toBuffer(url, { ...options, type: 'png' });
  return QRCode.toString(url, { ...options, type: 'svg' });
}
