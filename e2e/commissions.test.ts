import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { parseDemoLogins } from './demo-logins';
import { DESKTOP, openContext, shot, signInStaff } from './pages';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Picks, in a searchable partner field, the partner's enrollment in the demo program "CTV bán lẻ"
 * (other browser tests add programs whose names start the same).
 */
async function pickPartner(page: Page, field: ReturnType<Page['getByLabel']>, search: string, code: string) {
  await field.click();
  await field.fill(search);
  await page
    .getByRole('option', { name: `(${code}) · CTV bán lẻ`, exact: false })
    .filter({ hasText: /· CTV bán lẻ$/ })
    .click();
}

describe('commission lines for accountants', () => {
  it('staff add a bonus by searching the partner, and find it by filtering on the partner’s name', async () => {
    const demo = parseDemoLogins(inject('serverOutput'));
    const reason = `Thưởng livestream ${randomBytes(3).toString('hex')}`;
    const { context, page, errors } = await openContext(browser, DESKTOP);
    await signInStaff(page, demo.staffEmail, demo.staffPassword);
    await page.goto('/commissions');
    await page.getByRole('button', { name: 'Thêm thưởng/phạt' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Chương trình').click();
    await page.getByRole('option', { name: 'CTV bán lẻ', exact: true }).click();
    await pickPartner(page, dialog.getByLabel('CTV'), 'Hạnh', 'HANH2026');
    expect(await dialog.getByLabel('CTV').inputValue()).toBe('Đỗ Thị Hạnh (HANH2026) · CTV bán lẻ');
    await dialog.getByLabel('Số tiền').fill('50.000');
    await dialog.getByLabel('Lý do').fill(reason);
    await shot(page, 'commissions-incidental-vi');
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    // the list names partners and orders; filtered on Hạnh, the new bonus is there, waiting for review
    await pickPartner(page, page.getByLabel('CTV').first(), 'HANH2026', 'HANH2026');
    const row = page.locator('tr', { hasText: '50.000' }).filter({ hasText: 'Đỗ Thị Hạnh' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('HANH2026');
    const partners = await page.locator('tbody tr td:nth-child(2) p:first-child').allTextContents();
    expect(partners.length).toBeGreaterThan(0);
    expect(new Set(partners)).toEqual(new Set(['Đỗ Thị Hạnh']));
    expect(await page.locator('tbody').textContent()).not.toContain('enr_');
    await row.click();
    await page.getByText(reason).first().waitFor();
    await shot(page, 'commissions-filtered-vi');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the home page’s “waiting for review” card opens the lines waiting for review, filtered', async () => {
    const demo = parseDemoLogins(inject('serverOutput'));
    const { context, page, errors } = await openContext(browser, DESKTOP);
    await signInStaff(page, demo.staffEmail, demo.staffPassword);
    await page.getByTestId('dashboard-waiting-inReview').click();
    await page.waitForURL(/\/commissions\?status=review$/);
    await page.locator('tbody tr').first().waitFor();
    const statuses = await page.locator('tbody tr td:nth-child(6)').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['Cần xem xét']));
    expect(errors).toEqual([]);
    await context.close();
  });
});
