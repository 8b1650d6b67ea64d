import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { parseDemoLogins } from './demo-logins';
import { openContext, shot, signInStaff } from './pages';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('API keys', () => {
  it('creates a key, calls the API with it, then revokes it', async () => {
    const demo = parseDemoLogins(inject('serverOutput'));
    const baseUrl = inject('baseUrl');
    const name = `Đồng bộ cửa hàng ${Date.now()}`;
    const { context, page, errors } = await openContext(browser);
    await signInStaff(page, demo.staffEmail, demo.staffPassword);
    await page.goto('/api-keys');
    await page.getByTestId('create-api-key').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name=name]').fill(name);
    await dialog.locator('button[type=submit]').click();
    const secret = ((await page.getByTestId('api-key-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^\S{20,}$/);
    await shot(page, 'api-key-created-vi');

    const response = await fetch(`${baseUrl}/api/v1/org`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(response.status).toBe(200);
    const org = (await response.json()) as { name: string; currency: string };
    expect(org).toMatchObject({ name: 'Mỹ phẩm Hoa Sen', currency: 'VND' });

    // The secret is shown once: after closing, the list shows only its prefix.
    await dialog.getByRole('button', { name: 'Xong' }).click();
    const row = page.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    expect(await page.locator('body').textContent()).not.toContain(secret);
    await shot(page, 'api-keys-list-vi');

    await row.getByRole('button', { name: `Thu hồi khoá ${name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Thu hồi' }).click();
    await row.getByText(/Thu hồi ngày/).waitFor();
    const afterRevoke = await fetch(`${baseUrl}/api/v1/org`, {
      headers: { Authorization: `Bearer ${secret}` },
    });
    expect(afterRevoke.status).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });
});
