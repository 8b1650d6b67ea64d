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

async function createProgram(page: Page, name: string): Promise<string> {
  return page.evaluate(async (programName) => {
    const me = await (await fetch('/api/auth/me')).json();
    const response = await fetch('/api/v1/programs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
      body: JSON.stringify({ name: programName }),
    });
    return (await response.json()).id as string;
  }, name);
}

const CSV = [
  'Họ tên,SĐT,Email,Mã CTV,Tỉnh',
  'Nguyễn Văn An,0903000001,an@example.vn,CTV-001,Hà Nội',
  'Trần Thị Bình,0903000002,,CTV-002,Đà Nẵng',
  ',0903000003,,CTV-003,Huế',
  'Lê Thị Cúc,not-a-phone,,CTV-004,Cần Thơ',
].join('\n');

describe('importing partners', () => {
  it('uploads a CSV, maps columns, previews bad rows, imports with progress and again without duplicates', async () => {
    const demo = parseDemoLogins(inject('serverOutput'));
    const { context, page, errors } = await openContext(browser, DESKTOP);
    await signInStaff(page, demo.staffEmail, demo.staffPassword);
    await createProgram(page, 'Đại lý nhập khẩu');

    const importFile = async () => {
      await page.goto('/partners/import');
      await page.getByTestId('import-program').click();
      await page.getByRole('option', { name: 'Đại lý nhập khẩu' }).click();
      await page.locator('input[type=file]').setInputFiles({
        name: 'ctv.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(CSV, 'utf8'),
      });
      await page.getByRole('button', { name: 'Tải lên và tiếp tục' }).click();
      await page.getByTestId('import-preview').click();
      await page.getByText(/Sẵn sàng nhập: 2\. Có lỗi: 2/).waitFor();
      await shot(page, 'import-preview-vi');
      await page.getByRole('button', { name: 'Nhập 2 dòng' }).click();
      await page.getByRole('link', { name: 'Tải báo cáo từng dòng' }).waitFor({ timeout: 20_000 });
      return page.locator('main').textContent();
    };

    const first = await importFile();
    expect(first).toMatch(/Mới\s*2/);
    await shot(page, 'import-done-vi');
    const second = await importFile();
    expect(second).toMatch(/Mới\s*0/);
    expect(second).toMatch(/Không đổi\s*2/);

    await page.goto('/partners');
    await page.getByTestId('filter-program').click();
    await Promise.all([
      page.waitForResponse((response) => /\/api\/v1\/partners\?.*programId=/.test(response.url())),
      page.getByRole('option', { name: 'Đại lý nhập khẩu' }).click(),
    ]);
    await expect.poll(() => page.getByTestId('directory-row').count()).toBe(2);
    // Both rows were imported in the same batch, at the same moment: their order is not fixed.
    const importedRows = (await page.getByTestId('directory-row').allTextContents()).sort();
    expect(importedRows).toEqual([
      expect.stringContaining('Nguyễn Văn An'),
      expect.stringContaining('Trần Thị Bình'),
    ]);

    // A group made on the groups page, then given to both imported partners at once.
    await page.goto('/partner-groups');
    await page.getByRole('button', { name: 'Tạo nhóm' }).click();
    await page.getByRole('dialog').getByLabel('Tên').fill('Vàng');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Vàng', { exact: true }).waitFor();
    await shot(page, 'partner-groups-vi');
    await page.goto('/partners');
    await page.getByTestId('filter-program').click();
    await Promise.all([
      page.waitForResponse((response) => /\/api\/v1\/partners\?.*programId=/.test(response.url())),
      page.getByRole('option', { name: 'Đại lý nhập khẩu' }).click(),
    ]);
    await expect.poll(() => page.getByTestId('directory-row').count()).toBe(2);
    // Both rows were imported in the same batch, at the same moment: their order is not fixed.
    const groupedRows = (await page.getByTestId('directory-row').allTextContents()).sort();
    expect(groupedRows).toEqual([
      expect.stringContaining('Nguyễn Văn An'),
      expect.stringContaining('Trần Thị Bình'),
    ]);
    await page.getByRole('checkbox', { name: 'Chọn tất cả trong trang' }).check();
    await page.getByRole('button', { name: 'Thao tác hàng loạt' }).click();
    await page.getByRole('menuitem', { name: 'Đặt nhóm' }).click();
    await page.getByTestId('bulk-group-select').click();
    await page.getByRole('option', { name: 'Vàng' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Áp dụng' }).click();
    await expect.poll(() => page.getByTestId('directory-row').filter({ hasText: 'Vàng' }).count()).toBe(2);
    await shot(page, 'partners-bulk-group-vi');
    await page.goto('/programs/new');
    await page.getByRole('button', { name: 'Thêm câu hỏi' }).click();
    await shot(page, 'program-form-vi');
    expect(errors).toEqual([]);
    await context.close();
  });
});
