import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { parseDemoLogins } from './demo-logins';
import { DESKTOP, openContext, PHONE, shot, signInPartner, signInStaff } from './pages';

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

    // approving every matching line first says how many and how much: the rows on screen, summed
    const amounts = await page.locator('tbody tr td:nth-child(5)').allTextContents();
    const sum = amounts.reduce((total, text) => total + BigInt(text.replace(/[^\d-]/g, '')), 0n);
    await page.getByRole('button', { name: 'Duyệt mọi dòng khớp bộ lọc' }).click();
    const summary = page.getByRole('dialog').getByTestId('decision-summary');
    await expect.poll(() => summary.textContent()).toMatch(/^Sẽ quyết định/);
    const text = ((await summary.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toBe(
      `Sẽ quyết định ${amounts.length} dòng đang chờ khớp bộ lọc, tổng ${sum.toLocaleString('de-DE')} ₫.`,
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Huỷ' }).click();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an order’s page lists what it earned, reversal included, with the total; the CTV sees their share on a phone', async () => {
    const demo = parseDemoLogins(inject('serverOutput'));
    type Line = { id: string; orderId: string | null; amountMinor: string; status: string; kind: string };
    const counted = (lines: Line[]) =>
      lines
        .filter((line) => !['void', 'rejected'].includes(line.status))
        .reduce((sum, l) => sum + BigInt(l.amountMinor), 0n);
    const digits = (text: string | null) => (text ?? '').replace(/\D/g, '');

    // staff: the demo order returned in part has a basic line and its reversal
    const staff = await openContext(browser, DESKTOP);
    await signInStaff(staff.page, demo.staffEmail, demo.staffPassword);
    const reversal = (
      (await (await staff.page.request.get('/api/v1/commissions?kind=reversal&limit=1')).json()) as {
        items: Line[];
      }
    ).items[0]!;
    const orderLines = (
      (await (
        await staff.page.request.get(`/api/v1/commissions?orderId=${reversal.orderId}&limit=100`)
      ).json()) as {
        items: Line[];
      }
    ).items;
    expect(orderLines.length).toBeGreaterThan(1);
    await staff.page.goto(`/orders/${reversal.orderId}`);
    const card = staff.page.getByTestId('order-commission');
    await expect.poll(() => card.getByTestId('order-commission-line').count()).toBe(orderLines.length);
    expect(await card.textContent()).toContain('Hoàn trả');
    expect(digits(await card.getByTestId('order-commission-total').textContent())).toBe(
      counted(orderLines).toString(),
    );
    // the reversal's amount opens its explanation
    await card
      .getByTestId('order-commission-line')
      .filter({ hasText: 'Hoàn trả' })
      .getByRole('button')
      .click();
    const drawer = staff.page.getByRole('dialog');
    await drawer.getByText('Vì sao có số tiền này').waitFor();
    // the version that produced it, by number, not by id
    await drawer.getByText('Phiên bản 1', { exact: true }).waitFor();
    await shot(staff.page, 'order-commission-vi');
    await staff.page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // a flagged order's lines wait for review: the accountant rejects them from the order, with a reason
    const inReview = (
      (await (await staff.page.request.get('/api/v1/commissions?status=review&limit=100')).json()) as {
        items: Line[];
      }
    ).items.find((line) => line.orderId);
    expect(inReview).toBeDefined();
    await staff.page.goto(`/orders/${inReview!.orderId}`);
    await card.getByTestId('order-commission-review').waitFor();
    await card.getByRole('button', { name: 'Từ chối hoa hồng' }).click();
    const modal = staff.page.getByRole('dialog');
    await modal.getByRole('button', { name: 'Từ chối', exact: true }).click();
    await modal.getByText('Cần ghi lý do khi từ chối.').first().waitFor();
    await modal.getByLabel('Lý do').fill('Khách là người nhà của CTV');
    await shot(staff.page, 'order-commission-reject-vi');
    await modal.getByRole('button', { name: 'Từ chối', exact: true }).click();
    await modal.waitFor({ state: 'hidden' });
    await expect.poll(() => card.getByTestId('order-commission-review').count()).toBe(0);
    const decided = (
      (await (
        await staff.page.request.get(`/api/v1/commissions?orderId=${inReview!.orderId}&limit=100`)
      ).json()) as {
        items: (Line & { decisionReason: string | null })[];
      }
    ).items;
    expect(decided.every((line) => line.status === 'rejected')).toBe(true);
    expect(new Set(decided.map((line) => line.decisionReason))).toEqual(
      new Set(['Khách là người nhà của CTV']),
    );
    expect(digits(await card.getByTestId('order-commission-total').textContent())).toBe('0');
    await expect.poll(() => card.getByRole('button', { name: 'Từ chối hoa hồng' }).count()).toBe(0);
    expect(staff.errors).toEqual([]);
    await staff.context.close();

    // the CTV, on a phone: an order of theirs shows their lines and what it earns them
    const ctv = await openContext(browser, PHONE);
    const phone = ctv.page;
    await signInPartner(phone, demo.partnerLogin, demo.partnerPassword);
    const myOrders = (
      (await (await phone.request.get('/api/me/orders?limit=100')).json()) as {
        items: { id: string; enrollmentId: string | null }[];
      }
    ).items;
    let mine: { orderId: string; lines: Line[] } | undefined;
    for (const order of myOrders) {
      if (!order.enrollmentId) continue;
      const query = new URLSearchParams({
        enrollmentId: order.enrollmentId,
        orderId: order.id,
        limit: '100',
      });
      const lines = (
        (await (await phone.request.get(`/api/me/commissions?${query}`)).json()) as { items: Line[] }
      ).items;
      if (lines.length > 0) {
        mine = { orderId: order.id, lines };
        break;
      }
    }
    expect(mine).toBeDefined();
    await phone.goto(`/p/orders/${mine!.orderId}`);
    const section = phone.getByTestId('my-order-earnings');
    await expect.poll(() => section.getByTestId('earnings-line').count()).toBe(mine!.lines.length);
    expect(digits(await section.getByTestId('my-order-earnings-total').textContent())).toBe(
      counted(mine!.lines).toString(),
    );
    expect(await section.textContent()).toContain('Hoa hồng của bạn từ đơn này');
    // each line carries its sum, as staff see it: rate × base = amount
    const explained = await section.getByTestId('earnings-line').allTextContents();
    expect(explained.some((text) => /\d+% × [\d.]+\s₫.*= [\d.]+\s₫/.test(text))).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(phone, 'order-earnings-vi-360');
    expect(ctv.errors).toEqual([]);
    await ctv.context.close();
  });
});
