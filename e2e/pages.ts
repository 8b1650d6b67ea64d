import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const SHOTS_DIR = '/tmp/kenh-shots';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

/** A fresh browser profile (own cookies and storage) at the given size, failing on page errors. */
export async function openContext(
  browser: Browser,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    viewport,
    isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // CSP violations and React errors surface as console errors.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text()))
      errors.push(message.text());
  });
  return { context, page, errors };
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  // Web fonts (Thai) load when Thai text first shows; wait so the picture shows the real glyphs.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true });
}

/** Signs in on the staff sign-in page and waits for the dashboard. */
export async function signInStaff(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.getByTestId('dashboard-welcome').waitFor();
}

/** Signs a partner in on the partner app's sign-in page and waits for the home page's greeting. */
export async function signInPartner(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/p/sign-in');
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.getByTestId('partner-greeting').waitFor();
}

export async function textOf(page: Page, testId: string): Promise<string> {
  const locator = page.getByTestId(testId);
  await locator.waitFor();
  return (await locator.textContent()) ?? '';
}

/** Waits until a test id's text matches, for text that changes after a click. */
export async function expectText(page: Page, testId: string, pattern: RegExp): Promise<void> {
  await expect.poll(() => page.getByTestId(testId).textContent(), { timeout: 10_000 }).toMatch(pattern);
}

/** A JSON call from inside a signed-in page: its cookie and CSRF token, like the app's own client. */
export async function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
    { method, path, body },
  ) as Promise<T>;
}
