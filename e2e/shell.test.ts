import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('web apps', () => {
  it('serves the staff app and the partner app', async () => {
    const page = await browser.newPage();
    await page.goto(inject('baseUrl'));
    await expect(page.locator('h1').textContent()).resolves.toContain('Kênh');
    await page.goto(`${inject('baseUrl')}/p/`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Kênh CTV');
    await page.close();
  });
});
