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

/** Calls the API as the signed-in staff page (its cookie, plus the session's CSRF token). */
async function staffApi(page: Page) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  return async <T>(method: 'POST' | 'PATCH', path: string, data: unknown): Promise<T> => {
    const response = await page.request.fetch(path, {
      method,
      data: data as Record<string, unknown>,
      headers: { 'x-csrf-token': me.csrfToken },
    });
    if (!response.ok())
      throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
    return (await response.json()) as T;
  };
}

describe('the confirmation queue on a phone', () => {
  it('care staff on a 360 px phone get one card per order, confirm one and cancel one with a reason', async () => {
    const demo = parseDemoLogins(inject('serverOutput'));
    const suffix = randomBytes(3).toString('hex').toUpperCase();
    const staff = await openContext(browser, PHONE);
    await signInStaff(staff.page, demo.staffEmail, demo.staffPassword);
    const call = await staffApi(staff.page);
    const program = await call<{ id: string }>('POST', '/api/v1/programs', {
      name: `CTV giao nhanh ${suffix}`,
    });
    await call('POST', `/api/v1/programs/${program.id}/status`, { status: 'active' });
    const partner = await call<{ referralCode: string }>('POST', `/api/v1/programs/${program.id}/partners`, {
      fullName: `Lý Thu Trang ${suffix}`,
      phone: `09${String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0')}`,
    });
    const orderIds: string[] = [];
    for (const [n, name] of ['Hà Minh Tú', 'Quách Gia Hân'].entries()) {
      const order = await call<{ id: string }>('POST', '/api/v1/orders', {
        externalId: `PHONE-${suffix}-${n}`,
        currency: 'VND',
        partnerCode: partner.referralCode,
        customer: { name, phone: `090555000${n}`, address: '25 Trần Hưng Đạo, Quận 5, TP. Hồ Chí Minh' },
        items: [{ sku: `PHONE-${suffix}`, name: 'Hộp quà Tết', quantity: 1, unitPriceMinor: '450000' }],
      });
      orderIds.push(order.id);
    }

    await staff.page.goto('/order-queue');
    await staff.page.getByLabel('Chương trình', { exact: true }).first().click();
    await staff.page.getByRole('option', { name: `CTV giao nhanh ${suffix}` }).click();
    const card = (id: string) => staff.page.locator(`[data-testid=queue-row][data-order-id="${id}"]`);
    await card(orderIds[0]!).waitFor();
    await card(orderIds[1]!).waitFor();
    // cards, not a table scrolled sideways: the partner and the actions are on screen
    expect(await staff.page.locator('table').count()).toBe(0);
    expect(await card(orderIds[0]!).textContent()).toContain(`Lý Thu Trang ${suffix}`);
    expect(await card(orderIds[0]!).textContent()).toContain('450.000');
    expect(await staff.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    const confirm = card(orderIds[0]!).getByTestId('queue-confirm');
    const box = await confirm.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await shot(staff.page, 'sales-order-queue-vi-360');

    await confirm.click();
    await card(orderIds[0]!).waitFor({ state: 'detached' });
    await card(orderIds[1]!).getByTestId('queue-cancel').click();
    await staff.page.getByTestId('cancel-submit').click();
    await staff.page.getByText('Cần nhập lý do').waitFor();
    await staff.page.getByLabel('Lý do').fill('Khách đổi ý, không nhận hàng');
    await staff.page.getByTestId('cancel-submit').click();
    await card(orderIds[1]!).waitFor({ state: 'detached' });
    const cancelled = await staff.page.request.get(`/api/v1/orders/${orderIds[1]}`);
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled' });
  });
});

describe('orders entered by a CTV', () => {
  it('a CTV enters an order on a 360 px phone, care staff confirm it, the CTV sees it confirmed', async () => {
    const demo = parseDemoLogins(inject('serverOutput'));
    const suffix = randomBytes(3).toString('hex').toUpperCase();

    // Staff: a program the demo CTV sells in, and two products (made here, so the test owns its data).
    const staff = await openContext(browser, DESKTOP);
    await signInStaff(staff.page, demo.staffEmail, demo.staffPassword);
    const call = await staffApi(staff.page);
    const program = await call<{ id: string }>('POST', '/api/v1/programs', { name: `CTV bán trà ${suffix}` });
    await call('POST', `/api/v1/programs/${program.id}/status`, { status: 'active' });
    await call('POST', `/api/v1/programs/${program.id}/partners`, {
      fullName: 'Trần Thị Mai',
      phone: demo.partnerLogin,
    });
    await call('POST', '/api/v1/products', {
      sku: `TRA-${suffix}`,
      name: `Trà Shan Tuyết ${suffix} hộp 200g`,
      priceMinor: '185000',
    });
    await call('POST', '/api/v1/products', {
      sku: `BANH-${suffix}`,
      name: `Bánh pía ${suffix}`,
      priceMinor: '65000',
    });

    // CTV on a phone: the order form, its validation, products with steppers and the running total.
    const ctv = await openContext(browser, PHONE);
    const phone = ctv.page;
    await signInPartner(phone, demo.partnerLogin, demo.partnerPassword);
    await phone.getByTestId('partner-tab-orders').click();
    await phone.getByTestId('new-order').click();
    await phone.getByTestId('new-order-form').waitFor();
    await phone.getByTestId('add-product').first().waitFor();
    // beside product names that wrap, every add button keeps its whole size (they were squeezed,
    // their label cut)
    const widths = await phone.$$eval('[data-testid=add-product]', (buttons) =>
      buttons.map((button) => Math.round(button.getBoundingClientRect().width)),
    );
    expect(widths.length).toBeGreaterThan(1);
    expect(new Set(widths).size).toBe(1);

    await phone.getByTestId('submit-order').click();
    await phone.getByText('Nhập tên khách hàng').waitFor();
    await phone.getByText('Chọn ít nhất một sản phẩm').waitFor();

    await phone.locator('input[name=customerName]').fill('Phạm Thu Hà');
    await phone.locator('input[name=customerPhone]').fill('0123');
    await phone.getByText('Số điện thoại chưa đúng, ví dụ 0901 234 567').waitFor();
    await phone.locator('input[name=customerPhone]').fill('0901 234 567');
    await phone
      .locator('textarea[name=customerAddress]')
      .fill('12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh');
    await phone.getByTestId('product-search').fill(suffix);
    await phone.getByRole('button', { name: `Thêm Trà Shan Tuyết ${suffix} hộp 200g` }).click();
    await phone.getByRole('button', { name: `Tăng số lượng Trà Shan Tuyết ${suffix} hộp 200g` }).click();
    await phone.getByRole('button', { name: `Thêm Bánh pía ${suffix}` }).click();
    await expect.poll(() => phone.getByTestId('order-total').textContent()).toMatch(/^435\.000\s?₫$/);
    await phone.locator('textarea[name=note]').fill('Giao giờ hành chính');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(phone, 'sales-new-order-vi-360');

    await phone.getByTestId('submit-order').click();
    await phone.waitForURL(/\/p\/orders\/ord_/);
    const orderId = phone.url().split('/').pop()!;
    await expect
      .poll(() => phone.getByTestId('order-detail-status').getAttribute('data-status'))
      .toBe('pending');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // Care staff: the order is in the queue, with its partner and waiting time; confirm it.
    await staff.page.goto('/order-queue');
    const row = staff.page.locator(`[data-testid=queue-row][data-order-id="${orderId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Phạm Thu Hà');
    expect(await row.textContent()).toContain('435.000');
    await shot(staff.page, 'sales-order-queue-vi');
    await row.getByTestId('queue-confirm').click();
    await row.waitFor({ state: 'detached' });

    // The CTV sees it confirmed, in the timeline too.
    await phone.reload();
    await expect
      .poll(() => phone.getByTestId('order-detail-status').getAttribute('data-status'))
      .toBe('confirmed');
    await phone.getByTestId('timeline-confirmed').waitFor();
    await shot(phone, 'sales-order-confirmed-vi-360');
    await phone.getByRole('link', { name: 'Bán hàng' }).click();
    await phone.locator(`[data-testid=my-order][data-order-id="${orderId}"]`).waitFor();

    // An opportunity: the CTV records it, staff contact the customer and turn it into an order.
    await phone.getByTestId('sales-sections').getByText('Cơ hội').click();
    await phone.getByTestId('new-opportunity').click();
    await phone.getByLabel('Tên khách').fill('Đoàn Minh Khôi');
    await phone.getByLabel('Khách cần gì').fill('Cần 10 hộp trà làm quà Tết cho công ty');
    await phone.getByTestId('save-opportunity').click();
    await phone.locator('[data-testid=my-opportunity]', { hasText: 'Đoàn Minh Khôi' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(phone, 'sales-opportunities-vi-360');

    await staff.page.goto('/opportunities');
    const card = staff.page.locator('[data-testid=board-new] [data-testid=board-card]', {
      hasText: 'Đoàn Minh Khôi',
    });
    await card.getByRole('button', { name: 'Chuyển' }).click();
    await staff.page.getByRole('menuitem', { name: 'Đã liên hệ' }).click();
    const contacted = staff.page.locator('[data-testid=board-contacted] [data-testid=board-card]', {
      hasText: 'Đoàn Minh Khôi',
    });
    await contacted.getByRole('button', { name: 'Tạo đơn' }).click();
    const dialog = staff.page.getByRole('dialog');
    await dialog.getByLabel('Thêm sản phẩm').fill(suffix);
    await staff.page.getByRole('option', { name: new RegExp(`Trà Shan Tuyết ${suffix}`) }).click();
    await dialog.getByRole('button', { name: 'Tạo đơn và chốt cơ hội' }).click();
    await staff.page
      .locator('[data-testid=board-won] [data-testid=board-card]', { hasText: 'Đoàn Minh Khôi' })
      .waitFor();
    await shot(staff.page, 'sales-opportunities-board-vi');

    expect(ctv.errors).toEqual([]);
    expect(staff.errors).toEqual([]);
    await ctv.context.close();
    await staff.context.close();
  });

  it('staff see what waits on the home page and order alerts behind the bell, and open the order from the inbox', async () => {
    const demo = parseDemoLogins(inject('serverOutput'));
    const staff = await openContext(browser, DESKTOP);
    await signInStaff(staff.page, demo.staffEmail, demo.staffPassword);
    // the home page: what waits, the last 30 days, revenue by day
    await staff.page.getByTestId('dashboard-waiting-toConfirm').waitFor();
    expect(await staff.page.getByTestId('dashboard-revenue-value').textContent()).toMatch(/^[\d.]+\s?₫$/);
    expect(await staff.page.getByTestId('dashboard-chart').getByRole('listitem').count()).toBe(30);
    await shot(staff.page, 'staff-dashboard-vi');
    // the demo's overdue and uncollected orders raise alerts to the managers when the server starts
    const badge = staff.page.getByTestId('notification-badge');
    await expect
      .poll(
        async () => {
          await staff.page.reload();
          await staff.page.getByTestId('notification-bell').waitFor();
          return Number((await badge.textContent())?.trim() || '0');
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBeGreaterThan(0);
    await staff.page.getByTestId('notification-bell').click();
    await staff.page.getByRole('heading', { name: 'Thông báo' }).waitFor();
    const first = staff.page.getByTestId('notification-list').locator('.mantine-Card-root').first();
    expect(await first.textContent()).toMatch(/đơn #\d+ của khách /i);
    await shot(staff.page, 'staff-notifications-vi');
    // opening the inbox marks what it shows read
    await expect
      .poll(() => staff.page.getByTestId('notification-bell').getAttribute('aria-label'))
      .toBe('Thông báo');
    // nothing unread is left on other pages, so there is nothing to mark all read
    await expect.poll(() => staff.page.getByTestId('notifications-mark-all').count()).toBe(0);
    await first.getByRole('link', { name: 'Xem đơn hàng' }).click();
    await staff.page.waitForURL(/\/orders\/ord_/);
    await staff.page.goto('/');
    await staff.page.getByTestId('dashboard-waiting-toConfirm').click();
    await staff.page.waitForURL(/\/order-queue$/);
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });

  it('staff sort the customers by name, Vietnamese marks set aside', async () => {
    const demo = parseDemoLogins(inject('serverOutput'));
    const staff = await openContext(browser, DESKTOP);
    await signInStaff(staff.page, demo.staffEmail, demo.staffPassword);
    await staff.page.goto('/customers');
    await staff.page.getByTestId('customers-sort').click();
    await staff.page.getByRole('option', { name: 'Tên A–Z' }).click();
    const expected = (await (
      await staff.page.request.get('/api/v1/customers?sort=name&order=asc&limit=25')
    ).json()) as { items: { name: string }[] };
    expect(expected.items.length).toBeGreaterThan(2);
    const names = expected.items.map((customer) => customer.name);
    const key = (name: string) =>
      name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
    expect(names.map(key)).toEqual(names.map(key).sort());
    const firstCells = staff.page.locator('tbody tr td:first-child button');
    await expect
      .poll(async () => (await firstCells.allTextContents()).slice(0, 3))
      .toEqual(names.slice(0, 3));
    await shot(staff.page, 'staff-customers-by-name-vi');
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });

  it('a CTV finds one of their customers by typing part of the name without marks, on a phone', async () => {
    const demo = parseDemoLogins(inject('serverOutput'));
    const { context, page, errors } = await openContext(browser, PHONE);
    await signInPartner(page, demo.partnerLogin, demo.partnerPassword);
    await page.goto('/p/customers');
    const cards = page.getByTestId('my-customer');
    await cards.first().waitFor();
    const names = await page.getByTestId('my-customer-name').allTextContents();
    expect(names.length).toBeGreaterThan(1);
    // the last word of a customer's name (one with Vietnamese marks if there is one), typed without them
    const target = names.find((name) => /[^\x20-\x7e]/.test(name)) ?? names[0]!;
    const word = target.split(' ').at(-1)!;
    const fold = (text: string) =>
      text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
    const typed = fold(word);
    await page.getByTestId('my-customers-search').fill(typed);
    const found = (await (
      await page.request.get(`/api/me/customers?q=${encodeURIComponent(typed)}&limit=20`)
    ).json()) as { items: { name: string }[] };
    expect(found.items.map((customer) => customer.name)).toContain(target);
    for (const customer of found.items)
      expect(
        fold(customer.name)
          .split(' ')
          .some((part) => part.startsWith(typed)),
      ).toBe(true);
    await expect
      .poll(async () => page.getByTestId('my-customer-name').allTextContents())
      .toEqual(found.items.map((customer) => customer.name));
    await shot(page, 'partner-customers-search-vi');
    await page.getByTestId('my-customers-search').fill('khong-co-ai');
    await page.getByText('Không có khách nào khớp với tên này.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await context.close();
  });
});
