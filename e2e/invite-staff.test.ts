import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { parseDemoLogins } from './demo-logins';
import { expectText, openContext, shot, signInStaff } from './pages';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('inviting staff', () => {
  it('invites a member, who accepts from the outbox mail with a new account and signs in', async () => {
    const demo = parseDemoLogins(inject('serverOutput'));
    const email = `nv.${Date.now()}@example.vn`;
    const password = 'Mat-khau-moi-2026';

    const owner = await openContext(browser);
    await signInStaff(owner.page, demo.staffEmail, demo.staffPassword);
    await owner.page.goto('/staff');
    await owner.page.getByRole('tab', { name: 'Lời mời' }).click();
    await owner.page.getByTestId('invite-button').click();
    const dialog = owner.page.getByRole('dialog');
    await dialog.locator('input[name=email]').fill(email);
    await shot(owner.page, 'staff-invite-modal-vi');
    await dialog.locator('button[type=submit]').click();
    await owner.page.getByRole('cell', { name: email, exact: true }).waitFor();
    await shot(owner.page, 'staff-invitations-vi');

    // The mail is in the development outbox, with a working link.
    await owner.page.goto('/dev/outbox');
    const mail = owner.page.getByTestId('outbox-mail').filter({ hasText: email });
    await mail.first().waitFor();
    await shot(owner.page, 'dev-outbox-vi');
    const href = await mail
      .first()
      .getByTestId('outbox-link')
      .filter({ hasText: '/invitations/accept' })
      .first()
      .getAttribute('href');
    expect(href).toMatch(/\/invitations\/accept\?token=/);
    const link = new URL(href!);

    // The invitee opens it in their own browser.
    const invitee = await openContext(browser);
    await invitee.page.goto(`${link.pathname}${link.search}`);
    await expect
      .poll(() => invitee.page.getByTestId('invitation-summary').textContent())
      .toContain('Mỹ phẩm Hoa Sen');
    expect(await invitee.page.getByTestId('invitation-summary').textContent()).toContain(
      'Nhân viên chăm sóc',
    );
    await invitee.page.locator('input[name=fullName]').fill('Bùi Thị Thanh Hương');
    await invitee.page.locator('input[name=password]').fill(password);
    await shot(invitee.page, 'accept-invitation-vi');
    await invitee.page.locator('form button[type=submit]').click();
    await expectText(invitee.page, 'dashboard-welcome', /Hương/);

    // Signed out and in again with the new password; care staff do not see API keys or the audit log.
    await invitee.page.getByTestId('user-menu').click();
    await invitee.page.getByRole('menuitem', { name: 'Đăng xuất', exact: true }).click();
    await invitee.page.waitForURL(/\/sign-in/);
    await signInStaff(invitee.page, email, password);
    await expectText(invitee.page, 'dashboard-welcome', /Hương/);
    const navigation = (await invitee.page.getByRole('navigation').first().textContent()) ?? '';
    expect(navigation).toContain('Nhân viên');
    expect(navigation).not.toContain('Khoá API');
    expect(navigation).not.toContain('Nhật ký hoạt động');
    await shot(invitee.page, 'invitee-dashboard-vi');

    // The owner now sees them as an active member.
    await owner.page.goto('/staff');
    await owner.page.getByRole('textbox', { name: 'Tìm kiếm' }).fill(email);
    await owner.page.getByTestId('member-row').filter({ hasText: email }).waitFor();
    expect(owner.errors).toEqual([]);
    expect(invitee.errors).toEqual([]);
    await owner.context.close();
    await invitee.context.close();
  });
});
