import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { parseDemoLogins } from './demo-logins';
import { apiCall, DESKTOP, openContext, PHONE, shot, signInStaff } from './pages';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The newest one-time code sent to an address (an SMS lands in the dev outbox as `sms:+84…`). */
async function codeFromOutbox(page: Page, to: string): Promise<string> {
  let code = '';
  await expect
    .poll(
      async () => {
        const outbox = await apiCall<{ items: { to: string; text: string }[] }>(
          page,
          'GET',
          '/api/dev/outbox?limit=20',
        );
        code = outbox.items.find((mail) => mail.to.includes(to))?.text.match(/^(\d{6})\b/m)?.[1] ?? '';
        return code;
      },
      { timeout: 10_000 },
    )
    .toMatch(/^\d{6}$/);
  return code;
}

async function switchLanguage(page: Page, locale: 'vi' | 'th' | 'en') {
  await page.getByTestId('language-switcher').first().click();
  await page.locator(`[data-locale=${locale}]`).click();
}

describe('joining a program on a phone', () => {
  it('creates a program, joins it with ?ref= at 360 px, verifies by code, gets approved and sees the link and QR', async () => {
    const demo = parseDemoLogins(inject('serverOutput'));
    const staff = await openContext(browser, DESKTOP);
    const partner = await openContext(browser, PHONE);

    // The owner creates a program and activates it.
    await signInStaff(staff.page, demo.staffEmail, demo.staffPassword);
    await staff.page.goto('/programs/new');
    await staff.page.locator('input[name=name]').fill('CTV bán lẻ Hoa Sen');
    await staff.page.locator('input[name=minPayout]').fill('200.000');
    await staff.page.getByTestId('program-save').click();
    await staff.page.waitForURL(/\/programs\/prg_[^/]+$/);
    const programId = staff.page.url().split('/').pop()!;
    await staff.page.getByTestId('program-active').click();
    await staff.page.getByRole('dialog').getByRole('button', { name: 'Kích hoạt' }).click();
    await expect.poll(() => staff.page.getByTestId('program-status').textContent()).toBe('Đang mở');
    expect(await staff.page.locator('body').textContent()).toContain('200.000');
    const joinLink = await staff.page.getByTestId('join-link').inputValue();
    const pageCode = joinLink.split('/').pop()!;
    await expect
      .poll(() => staff.page.getByTestId('program-qr').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await shot(staff.page, 'program-page-vi');

    // A referrer already in the program (added by hand), whose code the new partner joins with.
    await apiCall(staff.page, 'POST', `/api/v1/programs/${programId}/partners`, {
      fullName: 'Lê Văn Hùng',
      phone: '0912000111',
      referralCode: 'HUNG2026',
    });

    // The partner opens the join page on a phone, first in Thai to check it, then in Vietnamese.
    const { page } = partner;
    await page.goto(`/p/join/${pageCode}?ref=hung2026`);
    await expect.poll(() => page.getByTestId('join-referrer').textContent()).toContain('Hùng (mã HUNG2026)');
    await switchLanguage(page, 'th');
    await expect.poll(() => page.getByTestId('join-referrer').textContent()).toContain('แนะนำโดย');
    await shot(page, 'join-page-th-360');
    await switchLanguage(page, 'vi');
    expect(await page.getByTestId('join-program-name').textContent()).toBe('CTV bán lẻ Hoa Sen');
    // The honeypot is out of reach of people and screen readers.
    expect(
      await page
        .locator('input[name=website]')
        .evaluate((input) => input.closest('[aria-hidden=true]') !== null),
    ).toBe(true);
    await page.locator('input[name=fullName]').fill('Phạm Thu Trang');
    await page.locator('input[name=phone]').fill('0987 654 321');
    await page.locator('input[name=password]').fill('trang-ctv-2026');
    await page.locator('input[name=acceptTerms]').check();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'join-page-vi-360');
    await page.getByTestId('join-send-code').click();

    const code = await codeFromOutbox(staff.page, '+84987654321');
    await page.locator('[data-testid=join-code] input').first().click();
    await page.keyboard.type(code);
    await page.getByTestId('join-submit').click();
    await page.getByTestId('join-success').waitFor();
    expect(await page.getByTestId('join-success').textContent()).toContain('Chờ duyệt');
    await shot(page, 'join-success-vi-360');

    // Staff approve from the queue.
    await staff.page.goto('/approvals');
    const row = staff.page.getByTestId('pending-row').filter({ hasText: 'Phạm Thu Trang' });
    expect(await row.textContent()).toContain('HUNG2026');
    await shot(staff.page, 'approvals-vi');
    await row.getByTestId('approve-one').click();
    await expect
      .poll(() => staff.page.getByTestId('pending-row').filter({ hasText: 'Phạm Thu Trang' }).count())
      .toBe(0);

    // The partner (signed in by joining) sees the approved program with link, code and QR.
    await page.getByRole('link', { name: 'Mở ứng dụng CTV' }).click();
    await page.getByTestId('my-enrollment').waitFor();
    await expect.poll(() => page.getByTestId('enrollment-status').first().textContent()).toBe('Đã duyệt');
    const link = await page.getByTestId('my-link').inputValue();
    const myCode = await page.getByTestId('my-code').inputValue();
    expect(link).toContain(myCode);
    await expect
      .poll(() => page.getByTestId('my-qr').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'partner-home-approved-vi-360');
    await switchLanguage(page, 'th');
    await expect.poll(() => page.getByTestId('enrollment-status').first().textContent()).toBe('อนุมัติแล้ว');
    await shot(page, 'partner-home-approved-th-360');
    await page.goto('/p/profile');
    await page.getByRole('heading', { name: 'โปรไฟล์ของฉัน' }).waitFor();
    await shot(page, 'partner-profile-th-360');
    await switchLanguage(page, 'vi');

    // Signing in again works with the password chosen while joining.
    await page.getByTestId('partner-sign-out').click();
    await page.waitForURL(/\/p\/sign-in/);
    await page.locator('input[name=login]').fill('0987654321');
    await page.locator('input[name=password]').fill('trang-ctv-2026');
    await page.locator('form button[type=submit]').click();
    await page.getByTestId('my-link').waitFor();

    // The staff side: directory and the partner page, desktop and phone, Vietnamese and Thai.
    await staff.page.goto('/partners');
    await staff.page.getByTestId('directory-row').filter({ hasText: 'Phạm Thu Trang' }).waitFor();
    await shot(staff.page, 'partners-directory-vi');
    await staff.page.getByRole('link', { name: 'Phạm Thu Trang' }).click();
    await staff.page.getByRole('heading', { name: 'Phạm Thu Trang' }).waitFor();
    await staff.page.getByText('Chưa có ghi chú.').waitFor();
    await staff.page.getByLabel('Ghi chú mới').fill('Đã gọi điện chào mừng, hẹn gửi mẫu thử.');
    await staff.page.getByRole('button', { name: 'Thêm ghi chú' }).click();
    await staff.page.getByText('Đã gọi điện chào mừng, hẹn gửi mẫu thử.').waitFor();
    await staff.page.getByTestId('kyc-reveal').waitFor();
    await staff.page.getByRole('tab', { name: 'Hoạt động' }).click();
    await staff.page.getByText('Duyệt', { exact: false }).first().waitFor();
    await shot(staff.page, 'partner-page-vi');
    await switchLanguage(staff.page, 'th');
    await staff.page.getByRole('heading', { name: 'ข้อมูลยืนยันตัวตนและธนาคาร' }).waitFor();
    await shot(staff.page, 'partner-page-th');
    await staff.page.goto('/programs');
    await staff.page.getByRole('link', { name: 'CTV bán lẻ Hoa Sen' }).waitFor();
    await shot(staff.page, 'programs-th');
    await staff.page.setViewportSize(PHONE);
    await staff.page.goto('/partners');
    await staff.page.getByTestId('directory-row').first().waitFor();
    await shot(staff.page, 'partners-directory-th-360');
    await switchLanguage(staff.page, 'vi');

    expect(staff.errors).toEqual([]);
    expect(partner.errors).toEqual([]);
    await staff.context.close();
    await partner.context.close();
  });
});
