import { chromium } from 'playwright-core';
const base = 'http://localhost:3100';
const [email, password] = [process.env.EMAIL, process.env.PW];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, baseURL: base });
await page.goto('/sign-in');
await page.locator('input[name=email]').fill(email);
await page.locator('input[name=password]').fill(password);
await page.locator('form button[type=submit]').click();
await page.getByTestId('dashboard-welcome').waitFor();
await page.getByTestId('language-switcher').click();
await page.getByRole('menuitem', { name: /ไทย/ }).click();
await page.waitForTimeout(500);
const routes = process.argv.slice(2);
for (const route of routes) {
  await page.goto(route);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(700);
  const name = route.replace(/[^a-z0-9]+/gi, '_') || 'home';
  await page.screenshot({ path: `/tmp/shots/th${name}.png`, fullPage: true });
  const suspicious = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const t = walker.currentNode.textContent.trim();
      if (t && /^[A-Za-z][A-Za-z ,.'’:()-]{5,}$/.test(t) && t.includes(' ')) out.push(t);
    }
    return [...new Set(out)];
  });
  console.log(route, suspicious.length ? JSON.stringify(suspicious) : 'ok');
}
await browser.close();
