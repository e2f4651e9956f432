// In a real browser: the chair works the publication gate — review findings, decide them, add a name to the map, sign off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createCase } from '../helpers/requests.js';
import { shot, signIn, startWebHarness, type WebHarness } from './browser.js';

describe('the redaction gate in the page, for a review chair', () => {
  let w: WebHarness;
  let page: Page;
  let caseId: string;

  const verdictText = () => page.locator('#redaction-verdict').textContent();
  const runCheck = async () => {
    await page.getByRole('button', { name: 'Run the check' }).click();
    await page.locator('#redaction-verdict').waitFor({ timeout: 20_000 });
  };

  beforeAll(async () => {
    w = await startWebHarness();
    caseId = await createCase(w.t);
    const people = [
      { name: 'Hope Field', role: 'victim', pseudonym: 'Adult A' },
      { name: 'Rose Field', role: 'child', pseudonym: 'Child B' },
    ];
    expect((await w.t.call({ method: 'PUT', url: `/api/cases/${caseId}/people`, payload: { people } })).statusCode).toBe(200);
    const entries = [
      { date: '03/04/2013', event: 'Hope seen at the surgery for a medication review.' },
      { date: '04/04/2013', event: 'They met at the Rose and Crown. Her employer is Ribbleside Logistics.' },
    ];
    expect((await w.t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: { agency: 'GP', entries } })).statusCode).toBe(201);
    const chair = await w.t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'chair', caseId, label: 'Review chair' } });
    ({ page } = await w.newPage());
    await signIn(page, w.baseUrl, chair.json<{ token: string }>().token);
    await page.locator('#nav').getByRole('link', { name: 'Redaction check' }).click();
    await page.locator('h1', { hasText: 'Redaction check' }).waitFor();
  });

  afterAll(async () => {
    await w?.close();
  });

  it('says review in words, lists each open finding with its actions, and offers no sign-off yet', async () => {
    await runCheck();
    expect(await verdictText()).toContain('Review: 2 findings to decide before publication');
    expect(await page.locator('#redaction-verdict').getAttribute('data-verdict')).toBe('review');
    const rows = page.locator('.table--findings tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('Rose');
    expect(await rows.nth(1).textContent()).toContain('Ribbleside Logistics');
    expect(await rows.nth(0).getByRole('button', { name: 'Add to the map: Rose' }).count()).toBe(1);
    expect(await page.locator('#sign-off-button').count()).toBe(0);
    await expect.poll(() => page.locator('#sign-off-state').textContent()).toContain('has not been signed off');
    await shot(page, 'chair-redaction-review');
  });

  it('takes "not a name" and "keep", checks again, and then offers sign-off, which holds', async () => {
    await page.getByRole('button', { name: 'Not a name: Rose' }).click();
    await expect.poll(() => page.locator('.table--findings tbody tr').first().textContent(), { timeout: 20_000 }).toContain('Not a name');
    await page.getByRole('button', { name: 'Keep: Ribbleside Logistics' }).click();
    await expect.poll(verdictText, { timeout: 20_000 }).toContain('Passed: every finding has your decision');
    await page.locator('#sign-off-button').click();
    await expect.poll(() => page.locator('#sign-off-state').textContent(), { timeout: 20_000 }).toContain('it still holds');
    const status = await w.t.call({ method: 'GET', url: `/api/cases/${caseId}/sign-off` });
    expect(status.json()).toMatchObject({ holds: true, signOff: { entries: 2 } });
    await shot(page, 'chair-redaction-signed-off');
  });

  it('carries a name found in a draft to the map, prefilled', async () => {
    await page.getByLabel('Text I paste in').check();
    await page.getByLabel('Text to check').fill('The neighbour Gary Whitfield called the police.');
    await runCheck();
    expect(await verdictText()).toContain('Failed');
    await page.getByRole('button', { name: 'Add to the map: Gary Whitfield' }).click();
    await page.locator('h1', { hasText: 'People and pseudonyms' }).waitFor();
    const last = page.locator('.table--people tbody tr').last();
    expect(await last.getByLabel(/Full name/).inputValue()).toBe('Gary Whitfield');
    expect(w.pageProblems).toEqual([]);
  });
});
