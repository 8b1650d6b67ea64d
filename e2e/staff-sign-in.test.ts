import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { parseDemoLogins } from './demo-logins';
import { expectText, openContext, PHONE, shot, signInStaff } from './pages';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('staff sign-in and languages', () => {
  it('signs in with the demo login, shows the dashboard in Vietnamese, then in Thai', async () => {
    const demo = parseDemoLogins(inject('serverOutput'));
    const { context, page, errors } = await openContext(browser);

    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
    expect(await page.locator('h1').textContent()).toBe('Đăng nhập Kênh');
    // the password field's show/hide button speaks the page's language to screen readers
    await page.getByRole('button', { name: 'Hiện hoặc ẩn mật khẩu' }).waitFor();
    await shot(page, 'staff-sign-in-vi');

    // A wrong password is refused with a translated message, not the API's English.
    await page.locator('input[name=email]').fill(demo.staffEmail);
    await page.locator('input[name=password]').fill('not-the-password');
    await page.locator('form button[type=submit]').click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);

    await signInStaff(page, demo.staffEmail, demo.staffPassword);
    await expectText(page, 'dashboard-welcome', /^Xin chào, Hoa$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await expect.poll(() => page.getByRole('navigation').first().textContent()).toContain('Nhân viên');
    await shot(page, 'staff-dashboard-vi');

    await page.getByTestId('language-switcher').click();
    await page.locator('[data-locale=th]').click();
    await expectText(page, 'dashboard-welcome', /^สวัสดี Hoa$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('th');
    await shot(page, 'staff-dashboard-th');

    // The choice is kept in the profile: a new browser signed in as the same person gets Thai.
    const other = await openContext(browser, PHONE);
    await signInStaff(other.page, demo.staffEmail, demo.staffPassword);
    await expectText(other.page, 'dashboard-welcome', /^สวัสดี/);
    await shot(other.page, 'staff-dashboard-th-360');
    await other.page.getByRole('button', { name: 'เปิดหรือปิดเมนู' }).click();
    await other.page.getByRole('link', { name: 'พนักงาน', exact: true }).click();
    await other.page.getByTestId('member-row').first().waitFor();
    await shot(other.page, 'staff-members-th-360');
    const phoneWidth = await other.page.evaluate(() => document.documentElement.scrollWidth);
    expect(phoneWidth).toBeLessThanOrEqual(PHONE.width);
    await other.context.close();

    // Back to Vietnamese for the other tests and for people trying the demo.
    await page.getByTestId('language-switcher').click();
    await page.locator('[data-locale=vi]').click();
    await expectText(page, 'dashboard-welcome', /^Xin chào/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
