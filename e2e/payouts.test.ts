import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
  return async <T>(method: 'POST' | 'PUT' | 'GET', path: string, data?: unknown): Promise<T> => {
    const response = await page.request.fetch(path, {
      method,
      data: data as Record<string, unknown> | undefined,
      headers: { 'x-csrf-token': me.csrfToken },
    });
    if (!response.ok())
      throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
    return (await response.json()) as T;
  };
}

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('paying a CTV', () => {
  it('a CTV asks for 2.450.000 ₫ on a phone; the owner batches, approves, scans the QR and marks it paid; the CTV sees it paid and downloads the statement', async () => {
    const demo = parseDemoLogins(inject('serverOutput'));
    const suffix = randomBytes(3).toString('hex').toUpperCase();

    // Staff: a VND program (minimum payout 200.000 ₫) the demo CTV is in, a Vietcombank account
    // on the CTV's file, and an approved 2.450.000 ₫ bonus that makes the balance payable.
    const staff = await openContext(browser, DESKTOP);
    await signInStaff(staff.page, demo.staffEmail, demo.staffPassword);
    const call = await staffApi(staff.page);
    const programName = `Chi trả ${suffix}`;
    const program = await call<{ id: string }>('POST', '/api/v1/programs', {
      name: programName,
      currency: 'VND',
      minPayout: '200000',
    });
    await call('POST', `/api/v1/programs/${program.id}/status`, { status: 'active' });
    const enrollment = await call<{ id: string; partnerId: string }>(
      'POST',
      `/api/v1/programs/${program.id}/partners`,
      { fullName: 'Trần Thị Mai', phone: demo.partnerLogin },
    );
    await call('PUT', `/api/v1/partners/${enrollment.partnerId}/kyc`, {
      bankBin: '970436',
      bankAccount: '0071000123456',
      bankHolder: 'Trần Thị Mai',
    });
    // the organisation checks the account against the partner's documents
    await call('POST', `/api/v1/partners/${enrollment.partnerId}/kyc/verify-bank`);
    const bonus = await call<{ id: string }>('POST', '/api/v1/commissions/incidental', {
      enrollmentId: enrollment.id,
      amountMinor: '2450000',
      reason: `Thưởng doanh số tháng ${suffix}`,
    });
    await call('POST', '/api/v1/commissions/decisions', { decision: 'approve', lineIds: [bonus.id] });

    // The CTV on a 360 px phone: from the earnings page to the payouts page, in this program.
    const ctv = await openContext(browser, PHONE);
    const phone = ctv.page;
    await signInPartner(phone, demo.partnerLogin, demo.partnerPassword);
    await phone.getByTestId('partner-tile-payouts').waitFor();
    await phone.goto('/p/earnings');
    await phone.getByTestId('earnings-to-payouts').click();
    await phone.waitForURL(/\/p\/payouts$/);
    await phone.getByRole('combobox', { name: 'Bán cho chương trình' }).click();
    await phone.getByRole('option', { name: new RegExp(programName) }).click();
    await expect.poll(() => phone.getByTestId('payout-payable').textContent()).toMatch(/^2\.450\.000\s?₫$/);

    // Validation comes from the API and shows under the field, in Vietnamese.
    await phone.locator('input[name=amount]').fill('2500000');
    expect(await phone.locator('input[name=amount]').inputValue()).toBe('2.500.000');
    await phone.getByTestId('withdraw-submit').click();
    await phone.getByText('Số tiền vượt quá số dư có thể rút').waitFor();
    await phone.locator('input[name=amount]').fill('150000');
    await phone.getByTestId('withdraw-submit').click();
    await phone.getByText('Số tiền thấp hơn mức rút tối thiểu').waitFor();

    // A waiting request can be cancelled, after a confirmation.
    await phone.locator('input[name=amount]').fill('300000');
    await phone.getByTestId('withdraw-submit').click();
    await phone.locator('[data-testid=my-withdrawal][data-status=requested]').waitFor();
    await phone.getByTestId('cancel-withdrawal').click();
    await phone.getByRole('dialog').getByRole('button', { name: 'Huỷ yêu cầu' }).click();
    await phone.locator('[data-testid=my-withdrawal]').waitFor({ state: 'detached' });

    // "All" fills the whole balance; 10% is withheld from 2.000.000 ₫ up: 245.000 ₫, 2.205.000 ₫ net.
    await phone.getByTestId('amount-all').click();
    expect(await phone.locator('input[name=amount]').inputValue()).toBe('2.450.000');
    await expect.poll(() => phone.getByTestId('withdraw-net').textContent()).toMatch(/^2\.205\.000\s?₫$/);
    expect(await phone.getByTestId('withdraw-tax-preview').textContent()).toMatch(/245\.000\s?₫/);
    expect(await phone.getByTestId('withdraw-bank').textContent()).toContain('···3456');
    expect(await noSideScroll(phone)).toBeLessThanOrEqual(PHONE.width);
    await shot(phone, 'payouts-partner-form-vi-360');
    // A double tap makes one request.
    await phone.getByTestId('withdraw-submit').dblclick();
    const waiting = phone.locator('[data-testid=my-withdrawal][data-status=requested]');
    await waiting.waitFor();
    expect(await phone.locator('[data-testid=my-withdrawal]').count()).toBe(1);
    expect(await waiting.textContent()).toMatch(/2\.450\.000\s?₫/);

    // Staff: the request is listed; a batch is built from requests and opens as a draft.
    await staff.page.goto('/withdrawal-requests');
    await staff.page.locator(`[data-testid=withdrawal-row][data-enrollment-id="${enrollment.id}"]`).waitFor();
    await shot(staff.page, 'payouts-staff-withdrawals-vi');
    await staff.page.goto('/payout-batches');
    await staff.page.getByTestId('new-batch').click();
    const dialog = staff.page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Chương trình' }).click();
    await staff.page.getByRole('option', { name: programName }).click();
    await shot(staff.page, 'payouts-staff-new-batch-vi');
    await dialog.getByTestId('batch-build').click();
    await staff.page.waitForURL(/\/payout-batches\/pbt_/);
    const row = staff.page.locator('[data-testid=batch-payout]', { hasText: 'Trần Thị Mai' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/2\.450\.000\s?₫.*245\.000\s?₫.*2\.205\.000\s?₫/);
    expect(await row.textContent()).toContain('···3456');
    expect(await staff.page.getByTestId('batch-total-net').textContent()).toMatch(/^2\.205\.000\s?₫$/);

    // Approve, with the totals in the confirmation.
    await staff.page.getByTestId('batch-approve').click();
    const confirm = staff.page.getByRole('dialog');
    expect(await confirm.textContent()).toMatch(/2\.205\.000\s?₫/);
    await confirm.getByRole('button', { name: 'Duyệt đợt' }).click();
    await row.locator('[data-status=approved]').waitFor();

    // The QR the accountant scans: a real PNG, the net amount and the reference.
    await row.getByTestId('payout-qr').click();
    const qr = staff.page.getByTestId('qr-modal');
    await qr.waitFor();
    await expect.poll(() => qr.getByTestId('qr-payload').inputValue()).toMatch(/^000201/);
    await expect
      .poll(() => qr.getByTestId('qr-image').evaluate((image) => (image as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(100);
    expect(await qr.getByTestId('qr-amount').textContent()).toMatch(/^2\.205\.000\s?₫$/);
    const reference = (await qr.getByTestId('qr-reference').textContent()) ?? '';
    expect(reference).toMatch(/^KENH B\d+ P\d+$/);
    await shot(staff.page, 'payouts-staff-qr-vi');
    await staff.page.keyboard.press('Escape');
    await qr.waitFor({ state: 'detached' });

    // The bank batch file downloads.
    await staff.page.getByTestId('bank-file').click();
    const [bankFile] = await Promise.all([
      staff.page.waitForEvent('download'),
      staff.page.getByRole('menuitem', { name: 'CSV' }).click(),
    ]);
    expect(readFileSync((await bankFile.path())!, 'utf8')).toContain('2205000');

    // A bank statement whose amount differs marks nothing: the row says why.
    await staff.page.getByRole('button', { name: 'Nhập sao kê ngân hàng' }).click();
    const upload = staff.page.getByRole('dialog');
    await upload.locator('input[type=file]').setInputFiles({
      name: 'sao-ke.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`Ngày,Nội dung,Số tiền\n30/11/2026,IBFT ${reference} CTV,1.000\n`, 'utf8'),
    });
    await upload.getByRole('button', { name: 'Đối chiếu' }).click();
    const report = upload.getByTestId('statement-report');
    await report.waitFor();
    expect(await report.locator('tbody').textContent()).toBe(`2${reference}Sai số tiền`);
    await upload.getByRole('button', { name: 'Đóng' }).click();
    await row.locator('[data-status=approved]').waitFor();

    // Marked paid (by selection): the batch is completed.
    await row.getByRole('checkbox').check();
    await staff.page.getByTestId('mark-selected-paid').click();
    await row.locator('[data-status=paid]').waitFor();
    await staff.page.locator('[data-status=completed]').first().waitFor();
    await shot(staff.page, 'payouts-staff-batch-vi');
    await staff.page.goto('/payout-batches');
    expect(await staff.page.locator('[data-testid=batch-row]').first().textContent()).toMatch(
      /Hoàn tất.*2\.450\.000\s?₫.*245\.000\s?₫.*2\.205\.000\s?₫/,
    );
    await staff.page.goto('/payout-tax');
    await expect.poll(() => staff.page.getByLabel('Thuế suất').inputValue()).toBe('10');
    expect(await staff.page.locator('input[name=threshold]').inputValue()).toBe('2.000.000');
    await shot(staff.page, 'payouts-staff-tax-vi');

    // The CTV sees it paid, with the tax, and downloads the month's statement as a PDF.
    await phone.reload();
    await phone.getByRole('combobox', { name: 'Bán cho chương trình' }).click();
    await phone.getByRole('option', { name: new RegExp(programName) }).click();
    const paid = phone.locator('[data-testid=my-payout][data-status=paid]');
    await paid.waitFor();
    expect(await paid.textContent()).toMatch(/2\.205\.000\s?₫/);
    expect(await paid.textContent()).toContain(reference);
    expect(await phone.getByTestId('payout-balance-paid').textContent()).toMatch(/^2\.205\.000\s?₫$/);
    expect(await phone.getByTestId('payout-balance-withheld').textContent()).toMatch(/^245\.000\s?₫$/);
    await phone.locator('[data-testid=my-withdrawal][data-status=paid]').waitFor();
    const statement = phone.getByTestId('statement-table');
    await statement.waitFor();
    expect(await statement.locator('[data-row=taxWithheld]').textContent()).toMatch(/245\.000\s?₫/);
    expect(await statement.locator('[data-row=netPaid]').textContent()).toMatch(/2\.205\.000\s?₫/);
    expect(await noSideScroll(phone)).toBeLessThanOrEqual(PHONE.width);
    await shot(phone, 'payouts-partner-paid-vi-360');
    const [pdf] = await Promise.all([
      phone.waitForEvent('download'),
      phone.getByTestId('statement-pdf').click(),
    ]);
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('%PDF');

    // The same page in Thai fits the phone too.
    await phone.getByTestId('language-switcher').click();
    await phone.locator('[data-locale=th]').click();
    await phone.getByRole('heading', { name: 'ถอนเงิน', exact: true }).waitFor();
    await phone.getByRole('heading', { name: 'ใบแจ้งยอดรายเดือน' }).waitFor();
    expect(await noSideScroll(phone)).toBeLessThanOrEqual(PHONE.width);
    await shot(phone, 'payouts-partner-th-360');
    await phone.getByTestId('language-switcher').click();
    await phone.locator('[data-locale=vi]').click();
    await phone.getByRole('heading', { name: 'Rút tiền', exact: true }).waitFor();

    expect(ctv.errors).toEqual([]);
    expect(staff.errors).toEqual([]);
    await ctv.context.close();
    await staff.context.close();
  });
});
