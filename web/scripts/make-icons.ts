/**
 * Renders web/public/p/icons/icon.svg to the PNG sizes the PWA manifest names, with the same
 * Chromium the browser tests use: `npx tsx web/scripts/make-icons.ts`. The PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../e2e/browser';

const dir = join(import.meta.dirname, '../public/p/icons');
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');
const browser = await launchBrowser();
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({ path: join(dir, `icon-${size}.png`), omitBackground: false });
    await page.close();
  }
} finally {
  await browser.close();
}
