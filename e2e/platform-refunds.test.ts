import { createHmac, randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { parseDemoLogins } from './demo-logins';
import { openContext, PHONE, shot, signInStaff } from './pages';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A WooCommerce order as its order.updated webhook carries it, in VND. */
function wooOrder(id: number, modified: string, refunds: { id: number; reason: string; total: string }[]) {
  return {
    id,
    number: String(id),
    status: 'completed',
    currency: 'VND',
    date_created_gmt: '2026-11-20T03:00:00',
    date_modified_gmt: modified,
    date_paid_gmt: '2026-11-20T03:05:00',
    discount_total: '0',
    shipping_total: '0',
    total_tax: '0',
    payment_method: 'bacs',
    billing: { first_name: 'Lan', last_name: 'Phạm', email: `lan${id}@example.vn`, phone: '0912000111' },
    meta_data: [],
    line_items: [
      { id: 501, name: 'Trà sen hộp', sku: `TRA-${id}`, quantity: 1, subtotal: '350000', total: '350000' },
      { id: 502, name: 'Bánh pía', sku: `PIA-${id}`, quantity: 2, subtotal: '500000', total: '500000' },
    ],
    refunds,
  };
}

describe('refunds a shop platform reports without items', () => {
  it('staff are told, see the refund on the order in their language, and record the return it stands for', async () => {
    const demo = parseDemoLogins(inject('serverOutput'));
    const { context, page, errors } = await openContext(browser, PHONE);
    await signInStaff(page, demo.staffEmail, demo.staffPassword);

    // A WooCommerce store connected by the owner, then three signed webhooks from it.
    const secret = `wc-${randomBytes(8).toString('hex')}`;
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const created = await page.request.post('/api/v1/webhook-sources', {
      data: { kind: 'woocommerce', name: `WooCommerce ${secret.slice(-4)}`, secret },
      headers: { 'x-csrf-token': me.csrfToken },
    });
    expect(created.status()).toBe(201);
    const { source } = (await created.json()) as { source: { id: string } };
    const orderId = 700_000 + Math.floor(Math.random() * 99_999);
    const send = async (body: unknown, delivery: string) => {
      const raw = JSON.stringify(body);
      const response = await fetch(`${inject('baseUrl')}/hooks/${source.id}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-wc-webhook-topic': 'order.updated',
          'x-wc-webhook-delivery-id': delivery,
          'x-wc-webhook-signature': createHmac('sha256', secret).update(raw).digest('base64'),
        },
        body: raw,
      });
      expect(response.status).toBe(200);
    };
    await send(wooOrder(orderId, '2026-11-21T02:00:00', []), 'd1');
    await send(
      wooOrder(orderId, '2026-11-22T02:00:00', [{ id: 9001, reason: 'Hộp bánh bị móp', total: '-250000' }]),
      'd2',
    );

    // The notification leads to the order; the refund is on its timeline, with what to do.
    // deliveries are processed by a job: wait until the owner has been told
    await expect
      .poll(
        async () => {
          const inbox = (await (await page.request.get('/api/me/notifications')).json()) as {
            items: { kind: string; params: Record<string, string> }[];
          };
          return inbox.items.filter(
            (item) => item.kind === 'order_refund_reported' && item.params.orderNumber === String(orderId),
          ).length;
        },
        { timeout: 20_000 },
      )
      .toBe(1);
    await page.goto('/notifications');
    const notice = page.getByText(new RegExp(`Đơn ${orderId} .*được hoàn 250\\.000\\s₫`));
    await notice.waitFor();
    await shot(page, 'refund-reported-notification-vi-360');
    await page
      .getByTestId('notification-card')
      .filter({ has: notice })
      .getByRole('link', { name: 'Xem đơn hàng' })
      .click();
    await page
      .getByText('Hoàn tiền 250.000 ₫ trên nền tảng bán hàng, không kèm danh sách hàng trả')
      .waitFor();
    await page.getByText('Lý do: Hộp bánh bị móp').waitFor();
    await page.getByText(/Hoa hồng chưa thay đổi/).waitFor();

    // Staff record the return the refund stands for; the timeline says it is answered.
    await page.getByRole('button', { name: 'Ghi nhận trả hàng' }).click();
    await page.getByRole('textbox', { name: /Bánh pía/ }).fill('1');
    await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await page.getByText('Trả hàng: 1 × Bánh pía').waitFor();
    await page.getByText('Đã ghi nhận trả hàng sau khoản hoàn tiền này.').waitFor();
    expect(await page.getByText(/Hoa hồng chưa thay đổi/).count()).toBe(0);
    await shot(page, 'refund-reported-answered-vi-360');
    expect(errors).toEqual([]);
    await context.close();
  });
});
