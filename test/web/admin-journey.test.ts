// In a real browser: an administrator signs in with the keyboard, opens a case with UK dates, and works in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN } from '../helpers/app.js';
import { shot, startWebHarness, unlabelledControls, type WebHarness } from './browser.js';

describe('the web page, for an administrator', () => {
  let w: WebHarness;
  let page: Page;

  beforeAll(async () => {
    w = await startWebHarness();
    ({ page } = await w.newPage());
  });

  afterAll(async () => {
    await w?.close();
  });

  it('is served with the strict Content-Security-Policy and no inline code', async () => {
    const res = await page.goto(`${w.baseUrl}/`);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    const html = (await res?.text()) ?? '';
    expect(html).toContain('lang="en-GB"');
    expect(html).not.toMatch(/<style|style=|<script>|\son[a-z]+=/i);
  });

  it('signs in with the keyboard alone', async () => {
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to main content');
    await page.getByLabel('Your access token').focus();
    await page.keyboard.type(ADMIN);
    await page.keyboard.press('Enter');
    await page.locator('h1', { hasText: 'Cases' }).waitFor();
    expect(await page.locator('#session').textContent()).toContain('Administrator');
    expect(await page.locator('#session').textContent()).toContain('none open');
  });

  it('refuses a review period typed month-first, and opens a case typed day-first', async () => {
    await page.getByLabel('Case title').fill('DHR 2025/01 – Adult C');
    await page.getByLabel('From').fill('12/25/2013');
    await page.getByLabel('To').fill('31/12/2014');
    await page.getByRole('button', { name: 'Open the case' }).click();
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('start of the review period');
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, 'admin-cases-error');
    await page.getByLabel('From').fill('01/01/2013');
    await page.getByRole('button', { name: 'Open the case' }).click();
    await page.locator('h1', { hasText: 'Agency submissions' }).waitFor();
    expect(await page.locator('.summary-list').textContent()).toContain('01/01/2013 to 31/12/2014');
    expect(await page.locator('#session').textContent()).toContain('DHR 2025/01 – Adult C');
    const links = await page.locator('#nav a').allTextContents();
    expect(links).toEqual(['Cases', 'Submissions', 'Upload', 'Tokens', 'People', 'Combined chronology', 'Contacts over time', 'Redaction check', 'Audit log']);
    const { cases } = (await w.t.call({ method: 'GET', url: '/api/cases' })).json<{ cases: { reviewPeriod: { from: string } }[] }>();
    expect(cases[0]?.reviewPeriod.from).toBe('2013-01-01');
    await page.locator('#nav').getByRole('link', { name: 'Cases' }).click();
    await page.locator('h1', { hasText: 'Cases' }).waitFor();
    await shot(page, 'admin-cases');
  });

  it('forgets the token on sign-out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Your access token').waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await page.reload();
    await page.getByLabel('Your access token').waitFor();
    expect(w.pageProblems).toEqual([]);
  });
});
