// In a real browser: an agency author signs in, gets the template, uploads a good file and a bad one, and fixes from the errors.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createCase } from '../helpers/requests.js';
import { shot, signIn, startWebHarness, unlabelledControls, type WebHarness } from './browser.js';

const fixture = (name: string) => new URL(`../../fixtures/files/${name}`, import.meta.url);
const AGENCY = 'Greater Manchester Police';

describe('the web page, for an agency author', () => {
  let w: WebHarness;
  let page: Page;
  let caseId: string;

  beforeAll(async () => {
    w = await startWebHarness();
    caseId = await createCase(w.t);
    const res = await w.t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'author', caseId, agency: AGENCY, label: 'GMP IMR author' } });
    expect(res.statusCode).toBe(201);
    ({ page } = await w.newPage());
    await signIn(page, w.baseUrl, (res.json() as { token: string }).token);
  });

  afterAll(async () => {
    await w?.close();
  });

  it('refuses a wrong token with a message, and keeps it out of the URL', async () => {
    const { page: other, context } = await w.newPage();
    await other.goto(`${w.baseUrl}/`);
    await other.getByLabel('Your access token').fill('chr_not_a_real_token');
    await other.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => other.getByRole('alert').textContent()).toContain('not accepted');
    expect(other.url()).not.toContain('chr_');
    expect(await other.evaluate('document.cookie')).toBe('');
    await context.close();
  });

  it('shows the role, case and agency after sign-in, keeping the token in sessionStorage only', async () => {
    const facts = page.locator('#session');
    await expect.poll(() => facts.textContent()).toContain('Agency report author');
    expect(await facts.textContent()).toContain('DHR 2024/03');
    expect(await facts.textContent()).toContain(AGENCY);
    expect(page.url()).not.toContain('chr_');
    expect(await page.evaluate('document.cookie')).toBe('');
    expect(await page.evaluate('Object.keys(localStorage).length')).toBe(0);
    expect(await page.evaluate('Object.keys(sessionStorage)')).toEqual(['dhr-chronology-token']);
    // An author sees the upload page and its own agency's contacts over time, not the merged timeline unless shared.
    expect(await page.locator('#nav a').allTextContents()).toEqual(['Upload', 'Contacts over time']);
    await shot(page, 'author-upload-empty');
  });

  it('downloads the template through the bearer header', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the template (Excel)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('uploads a good file with a progress bar and shows the report and version history', async () => {
    await page.getByLabel('Chronology file (.xlsx or .csv)').setInputFiles(fixture('gm-police.xlsx').pathname);
    await page.getByRole('button', { name: 'Upload chronology' }).click();
    const report = page.locator('#upload-report');
    await report.waitFor({ timeout: 20_000 });
    await expect.poll(() => report.textContent()).toContain('Chronology stored: version 1');
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('Header row');
    expect(text).toContain('Name of professional');
    expect(text).toMatch(/Warnings \(\d+\)/);
    expect(await page.locator('#upload-progress').getAttribute('value')).toBe('100');
    await expect.poll(() => page.locator('.table--versions tbody tr').count()).toBe(1);
    expect(await page.locator('.table--versions').textContent()).toContain('gm-police.xlsx');
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, 'author-upload-report');
  });

  it('uploads a file with bad dates and lists every row error to fix from', async () => {
    await page.getByLabel('Chronology file (.xlsx or .csv)').setInputFiles(fixture('bad-dates.xlsx').pathname);
    await page.getByRole('button', { name: 'Upload chronology' }).click();
    const errors = page.locator('.table--errors tbody tr');
    await errors.first().waitFor({ timeout: 20_000 });
    expect(await errors.count()).toBeGreaterThanOrEqual(5);
    const rows = await Promise.all((await errors.all()).map((tr) => tr.locator('td').allTextContents()));
    const sept = rows.find((r) => r[2] === '31/09/2013');
    expect(sept?.[0]).toBe('3');
    expect(sept?.[1]).toBe('Date');
    expect(sept?.[3]).toBeTruthy();
    expect(rows.some((r) => r[2] === 'tbc')).toBe(true);
    expect(await page.locator('#row-errors').textContent()).toContain('was not stored');
    // Focus moves to the summary so a keyboard user lands on the problems.
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('row-errors');
    // Nothing was stored: still one version.
    expect(await page.locator('.table--versions tbody tr').count()).toBe(1);
    await shot(page, 'author-upload-errors');
  });

  it('accepts a file dropped onto the drop zone', async () => {
    const bytes = readFileSync(fixture('gm-police.xlsx')).toString('base64');
    // Runs in the page (a string, so the node-typed test program needs no DOM types).
    await page.evaluate(`(() => {
      const data = Uint8Array.from(atob('${bytes}'), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], 'gm-police-v2.xlsx'));
      const zone = document.querySelector('.dropzone');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    })()`);
    await expect.poll(() => page.locator('.dropzone').textContent()).toContain('gm-police-v2.xlsx');
    await page.getByRole('button', { name: 'Upload chronology' }).click();
    await expect.poll(() => page.locator('#upload-report').textContent(), { timeout: 20_000 }).toContain('version 2');
    await expect.poll(() => page.locator('.table--versions tbody tr').count()).toBe(2);
    expect(w.pageProblems).toEqual([]);
  });

  it('fits a tablet screen', async () => {
    const { page: tablet, context } = await w.newPage({ width: 820, height: 1180 });
    await signIn(tablet, w.baseUrl, (await w.t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'author', caseId, agency: AGENCY, label: 'tablet' } })).json<{ token: string }>().token);
    await tablet.locator('.table--versions').waitFor();
    const overflow = await tablet.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(tablet, 'author-tablet');
    await context.close();
  });
});
