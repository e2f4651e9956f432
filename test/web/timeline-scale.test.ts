// In a real browser: a 20 000-entry combined chronology loads, and paging through it stays quick (only one page is in the DOM).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createCase } from '../helpers/requests.js';
import { shot, signIn, startWebHarness, type WebHarness } from './browser.js';

const ENTRIES = 20_000;

function entries(agency: number, n: number) {
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2012, 0, 1) + ((i * 7 + agency) % 1090) * 86_400_000);
    const dd = String(day.getUTCDate()).padStart(2, '0');
    const mm = String(day.getUTCMonth() + 1).padStart(2, '0');
    return {
      date: `${dd}/${mm}/${day.getUTCFullYear()}`,
      time: i % 3 === 0 ? null : `${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
      source: 'Case record',
      event: `Contact number ${i + 1}: home visit, no concerns recorded; advice given about support services and a follow-up booked.`,
      seen: i % 2 === 0,
    };
  });
}

describe('the combined chronology page with 20 000 entries', () => {
  let w: WebHarness;
  let page: Page;

  beforeAll(async () => {
    w = await startWebHarness();
    const caseId = await createCase(w.t);
    for (const [i, agency] of ['Police', 'GP practice', 'Housing', 'Adult social care'].entries()) {
      const res = await w.t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: { agency, entries: entries(i, ENTRIES / 4) } });
      expect(res.statusCode).toBe(201);
    }
    const chair = await w.t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'chair', caseId, label: 'Review chair' } });
    ({ page } = await w.newPage());
    await signIn(page, w.baseUrl, chair.json<{ token: string }>().token);
  }, 120_000);

  afterAll(async () => {
    await w?.close();
  });

  it('loads all entries and pages through them quickly', async () => {
    await page.locator('#nav').getByRole('link', { name: 'Combined chronology' }).click();
    await page.locator('#timeline-count, .error-summary').first().waitFor({ timeout: 60_000 });
    if (await page.locator('.error-summary').isVisible()) {
      // Until anonymised exports are served, browse the real-names view (same size, same page code).
      await page.getByLabel('Real names (for the panel only)').check();
      await page.locator('#timeline-count').waitFor({ timeout: 60_000 });
    }
    await expect.poll(() => page.locator('#timeline-count').textContent(), { timeout: 60_000 }).toContain('20,000 entries');
    expect(await page.locator('.table--timeline tbody tr').count()).toBe(100);

    const started = Date.now();
    await page.getByRole('button', { name: 'Next page' }).first().click();
    await expect.poll(() => page.locator('.table--timeline caption').textContent()).toContain('entries 101 to 200');
    expect(Date.now() - started).toBeLessThan(1500);

    await page.locator('#page-jump-top').selectOption({ label: 'Page 200' });
    await expect.poll(() => page.locator('.table--timeline caption').textContent()).toContain('entries 19901 to 20000');
    await expect.poll(() => page.getByRole('button', { name: 'Next page' }).first().isDisabled()).toBe(true);
    await shot(page, 'chair-timeline-20000', false);
    expect(w.pageProblems).toEqual([]);
  }, 120_000);
});
