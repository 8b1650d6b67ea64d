import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { parseDemoLogins } from './demo-logins';
import { expectText, openContext, PHONE, shot } from './pages';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('partner app', () => {
  it('signs the demo partner in on a 360 px phone, installs as a PWA and starts offline', async () => {
    const demo = parseDemoLogins(inject('serverOutput'));
    const baseUrl = inject('baseUrl');
    const { context, page, errors } = await openContext(browser, PHONE);

    await page.goto('/p/');
    await page.waitForURL(/\/p\/sign-in/);
    await shot(page, 'partner-sign-in-vi-360');
    await page.locator('input[name=login]').fill(demo.partnerLogin);
    await page.locator('input[name=password]').fill(demo.partnerPassword);
    await page.locator('form button[type=submit]').click();
    await expectText(page, 'partner-greeting', /^Chào Mai!$/);
    // the demo CTV sells in "CTV bán lẻ": their program card with link and QR code
    await page.getByTestId('my-enrollment').first().waitFor();
    expect(await page.getByTestId('my-enrollment').first().textContent()).toContain('CTV bán lẻ');
    await page.getByTestId('my-qr').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'partner-home-vi-360');

    // Installable: a manifest with the right scope and real PNG icons.
    const manifestHref = await page.locator('link[rel=manifest]').getAttribute('href');
    const manifest = (await (await fetch(new URL(manifestHref!, baseUrl))).json()) as {
      name: string;
      start_url: string;
      scope: string;
      display: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Kênh CTV',
      start_url: '/p/',
      scope: '/p/',
      display: 'standalone',
    });
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((item) => item.sizes === size && item.type === 'image/png');
      const response = await fetch(new URL(icon!.src, baseUrl));
      expect(response.headers.get('content-type')).toBe('image/png');
      expect([...new Uint8Array(await response.arrayBuffer()).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    }

    // The service worker is registered for /p/ and controls the page after a reload.
    const registration = await page.evaluate(async () => {
      const ready = await navigator.serviceWorker.ready;
      return { scope: ready.scope, script: ready.active?.scriptURL ?? '' };
    });
    expect(registration).toEqual({ scope: `${baseUrl}/p/`, script: `${baseUrl}/p/sw.js` });
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    // Offline, the app shell still starts from the cache.
    await context.setOffline(true);
    await page.reload();
    await page.locator('header').getByText('Kênh CTV').waitFor();
    await shot(page, 'partner-offline-vi-360');
    await context.setOffline(false);

    // My links: the banner embed code carries the impression pixel, which answers a GIF.
    await page.goto('/p/links');
    await page.getByTestId('default-link').waitFor();
    await page.getByTestId('default-link').getByRole('button', { name: 'Mã nhúng banner' }).click();
    const embed = await page.getByTestId('embed-code').inputValue();
    const pixel = embed.match(/<img src="([^"]+\/i\/[a-z0-9]+\.gif)"/)?.[1];
    expect(embed).toMatch(/<a href="[^"]+\/r\/[a-z0-9]+">/);
    expect(pixel).toBeDefined();
    const view = await fetch(pixel!);
    expect(view.headers.get('content-type')).toBe('image/gif');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'partner-links-embed-vi-360');

    // Thai, then sign out.
    await page.goto('/p/');
    await page.getByTestId('partner-greeting').waitFor();
    await page.getByTestId('language-switcher').click();
    await page.locator('[data-locale=th]').click();
    await expectText(page, 'partner-greeting', /^สวัสดี Mai!$/);
    expect(await page.getByTestId('my-enrollment').first().textContent()).toContain('CTV bán lẻ');
    await shot(page, 'partner-home-th-360');
    await page.getByTestId('language-switcher').click();
    await page.locator('[data-locale=vi]').click();
    await page.getByTestId('partner-sign-out').click();
    await page.waitForURL(/\/p\/sign-in/);
    expect(
      errors.filter((error) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|NetworkError/.test(error)),
    ).toEqual([]);
    await context.close();
  });
});
