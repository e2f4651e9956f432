// Browser-test harness: the real app listening on a port, Debian's Chromium driven by playwright-core, screenshots.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.js';

export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

export interface WebHarness {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** Problems the page reported: CSP violations, console errors, uncaught exceptions. */
  pageProblems: string[];
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startWebHarness(): Promise<WebHarness> {
  const t = await startTestApp('sqlite');
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const pageProblems: string[] = [];
  return {
    t,
    baseUrl: address,
    browser,
    pageProblems,
    async newPage(viewport = { width: 1366, height: 900 }) {
      const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'en-GB' });
      const page = await context.newPage();
      page.on('console', (msg) => {
        // Chromium logs every 4xx the page handles (401 bad token, 422 row errors) as a
        // resource error; the page shows those to the person, so they are not problems. A 500 or a script error is.
        if (msg.type() === 'error' && !/status of (4\d\d)\b/.test(msg.text())) pageProblems.push(msg.text());
      });
      page.on('pageerror', (err) => pageProblems.push(`uncaught: ${err.message}`));
      return { context, page };
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

export async function signIn(page: Page, baseUrl: string, token: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Your access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Saves a screenshot under test/screenshots/ (the whole page, or only what is in the viewport). */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage });
}

/** Every visible form control has an accessible name (a label, aria-label or aria-labelledby). */
export async function unlabelledControls(page: Page): Promise<string[]> {
  // Runs in the page (a string, so the node-typed test program needs no DOM types).
  return page.evaluate<string[]>(`[...document.querySelectorAll('input, select, textarea')]
    .filter((el) => el.type !== 'hidden' && !el.closest('[hidden]'))
    .filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
    .map((el) => el.outerHTML.slice(0, 80))`);
}
