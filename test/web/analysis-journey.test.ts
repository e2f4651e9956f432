// In a real browser: the chair's swimlane timeline (a mark per entry, victim-seen and flagged marks distinct, gaps
// hatched), used by keyboard alone; the contacts-per-month chart with its table; the version diff side by side; an
// author's own lane only. Screenshots of each go to the test's temp dir and are checked not to be blank.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createCase } from '../helpers/requests.js';
import { signIn, startWebHarness, type WebHarness } from './browser.js';

const day = (n: number): string => {
  const d = new Date(Date.UTC(2012, 0, 1) + n * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
};

// Police: every 9 days through 2012 (victim seen every third), then silence until 2013-06; GP monthly; Housing a few.
const police: { date: string; event: string; seen?: boolean }[] = [
  ...Array.from({ length: 40 }, (_, i) => ({ date: day(i * 9), event: `Officers visited Sarah Thompson at home, visit ${i + 1}`, seen: i % 3 === 0 })),
  { date: '15/06/2011', event: 'Earlier call-out before the review period' },
  { date: '03/2013', event: 'Letter sent, day not recorded' },
];
// GP: monthly, but for a five-month silence in 2013 when no agency had contact
const gp = Array.from({ length: 24 }, (_, i) => i)
  .filter((i) => i < 14 || i > 18)
  .map((i) => ({ date: day(i * 30 + 5), event: `GP appointment ${i + 1}; Sarah Thompson attended`, seen: true }));
const housing = [
  { date: '10/02/2012', event: 'Housing officer visited; no answer at the door' },
  { date: '06/02/2012', event: 'Officers visited Sarah Thompson at home, visit 5' }, // the same visit as Police's
  { date: '2013', event: 'Tenancy review, month not recorded' },
];
const total = police.length + gp.length + housing.length;
const seenTotal = police.filter((e) => e.seen === true).length + gp.length;

async function notBlank(page: Page, file: string): Promise<{ distinct: number; dark: number }> {
  // A blank page outside the app (no CSP there) decodes the PNG and counts its colours.
  const png = readFileSync(file).toString('base64');
  const probe = await page.context().newPage();
  // Runs in the page (a string, so the node-typed test program needs no DOM types).
  const result = await probe.evaluate<{ distinct: number; dark: number }>(`(async () => {
    const img = new Image();
    img.src = 'data:image/png;base64,${png}';
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, img.width, img.height).data;
    const colours = new Set();
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) {
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      if (data[i] + data[i + 1] + data[i + 2] < 200) dark++;
    }
    return { distinct: colours.size, dark };
  })()`);
  await probe.close();
  return result;
}

describe('the contacts-over-time page and the version diff', () => {
  let w: WebHarness;
  let page: Page;
  let caseId: string;
  let dir: string;

  const shotOf = async (loc: Locator, name: string) => {
    const file = join(dir, `${name}.png`);
    await loc.screenshot({ path: file });
    const px = await notBlank(page, file);
    expect(px.distinct, name).toBeGreaterThan(4);
    expect(px.dark, name).toBeGreaterThan(200);
  };
  const focusedEntry = () => page.evaluate<string | null>('document.activeElement?.getAttribute("data-entry") ?? null');
  const post = async (agency: string, entries: object[]) => expect((await w.t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: { agency, entries } })).statusCode).toBe(201);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'analysis-web-'));
    w = await startWebHarness();
    caseId = await createCase(w.t, 'DHR 2024/03 — Adult A', '2012-01-01', '2013-12-31');
    await w.t.call({ method: 'PUT', url: `/api/cases/${caseId}/people`, payload: { people: [{ name: 'Sarah Thompson', role: 'victim', pseudonym: 'Adult A' }] } });
    // version 1: visit 11 worded differently, one entry the author later removed, the last three not yet written
    const v1 = police.slice(0, 39).map((e, i) => (i === 10 ? { ...e, event: 'Officers visited Sarah Thompson, visit 11' } : e));
    await post('Police', [...v1, { date: '20/10/2012', event: 'Entry the author later removed' }]);
    await post('Police', police);
    await post('GP', gp);
    await post('Housing', housing);
    const chair = await w.t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'chair', caseId, label: 'Review chair' } });
    ({ page } = await w.newPage());
    await signIn(page, w.baseUrl, chair.json<{ token: string }>().token);
    await page.locator('#nav').getByRole('link', { name: 'Contacts over time' }).click();
    await page.locator('#analysis-count').waitFor();
  }, 90_000);

  afterAll(async () => {
    await w?.close();
  });

  it('draws a mark for every entry, victim seen as a different shape, flagged entries marked and gaps hatched', async () => {
    const marks = page.locator('#swimlane .mark');
    expect(await marks.count()).toBe(total);
    expect(await page.locator('#swimlane path.mark__shape--seen').count()).toBe(seenTotal); // diamonds
    expect(await page.locator('#swimlane circle.mark__shape').count()).toBe(total - seenTotal - 2); // rings; 2 are bars
    expect(await page.locator('#swimlane rect.mark__shape--approx').count()).toBe(2);
    // the pre-period call-out and the Housing entry duplicating a Police one (both sides) are flagged
    expect(await page.locator('#swimlane .mark--flagged').count()).toBe(3);
    expect(await page.locator('#swimlane .swim__label').allTextContents()).toEqual(['GP', 'Housing', 'Police']);
    const analysis = (await w.t.call({ method: 'GET', url: `/api/cases/${caseId}/analysis` })).json<{ gaps: unknown[] }>();
    expect(analysis.gaps.length).toBeGreaterThan(0);
    expect(await page.locator('#swimlane .swim__gap').count()).toBe(analysis.gaps.length);
    expect(await page.locator('.table--gaps tbody tr').count()).toBe(analysis.gaps.length);
    expect(await page.locator('.table--contacts tbody tr').count()).toBe(total);
    const text = (await page.locator('#swimlane').innerHTML()) + (await page.locator('.table--contacts').innerHTML());
    expect(text).toContain('ST at home');
    expect(text).not.toMatch(/Sarah|Thompson/);
    await shotOf(page.locator('#swimlane'), 'swimlane');
  });

  it('shows the date and a summary on hover, and opens the entry in the table on click', async () => {
    const mark = page.locator('#swimlane .mark').nth(5);
    await mark.hover();
    await expect.poll(() => page.locator('#mark-details').textContent()).toMatch(/^\d\d\/\d\d\/\d{4}.*: /);
    const id = await mark.getAttribute('data-entry');
    await mark.click();
    expect(await focusedEntry()).toBe(id);
    expect(await page.locator('#contacts-table').getAttribute('open')).not.toBeNull();
  });

  it('works by keyboard alone: one tab stop, arrows between entries and lanes, Enter opens the entry', async () => {
    await page.getByRole('button', { name: 'Show' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#analysis-count').waitFor();
    await page.getByRole('button', { name: 'Show' }).focus();
    let tabs = 0;
    while (!(await page.evaluate<boolean>('document.activeElement?.classList.contains("mark") ?? false')) && tabs < 10) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(await page.evaluate<boolean>('document.activeElement?.classList.contains("mark") ?? false')).toBe(true);
    const first = await page.locator('#mark-details').textContent();
    expect(first).toContain('GP');
    await page.keyboard.press('ArrowRight');
    const second = await page.locator('#mark-details').textContent();
    expect(second).not.toBe(first);
    expect(second).toContain('GP');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#mark-details').textContent()).toContain('Housing');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#mark-details').textContent()).toContain('Police');
    await page.keyboard.press('End');
    const id = await focusedEntry();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate<string | null>('document.activeElement?.tagName ?? null')).toBe('TR');
    expect(await focusedEntry()).toBe(id);
    // Tab from the swimlane leaves it: the marks are one stop, not a hundred
    await page.locator(`#swimlane .mark[data-entry="${id}"]`).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate<boolean>('document.activeElement?.classList.contains("mark") ?? false')).toBe(false);
  });

  it('draws contacts per month for each agency, with the table behind it', async () => {
    expect(await page.locator('#month-charts svg').count()).toBe(3);
    const months = page.locator('.table--months tbody tr');
    expect(await months.count()).toBe(24);
    const jan = await months.first().locator('td').allTextContents();
    // January 2012: GP day 5 (seen); Housing none; Police days 0, 9, 18, 27 (seen on 0 and 27)
    expect(jan).toEqual(['01/2012', '1 (1 seen)', '0', '4 (2 seen)']);
    await shotOf(page.locator('#month-charts'), 'month-chart');
  });

  it('follows the names mode: pseudonyms, then real names for the chair', async () => {
    await page.getByLabel('Anonymised, with pseudonyms').check();
    await expect.poll(() => page.locator('#mark-details').textContent().then(() => page.locator('.table--contacts').textContent())).toContain('Adult A at home');
    await page.getByLabel('Real names').check();
    await expect.poll(() => page.locator('.table--contacts').textContent()).toContain('Sarah Thompson at home');
    await page.getByLabel('Anonymised, with initials').check();
    await expect.poll(() => page.locator('.table--contacts').textContent()).toContain('ST at home');
  });

  it('compares the two latest versions on the submissions page, before and after side by side', async () => {
    await page.locator('#nav').getByRole('link', { name: 'Submissions' }).click();
    await page.getByLabel('Agency to compare').selectOption('Police');
    await page.getByRole('button', { name: 'Compare versions' }).click();
    await expect.poll(() => page.locator('#diff-summary').textContent()).toMatch(/^Version 2 against version 1: 3 added, 1 removed, 1 changed/);
    expect(await page.locator('.diff__row--added').count()).toBe(3);
    expect(await page.locator('.diff__row--removed').count()).toBe(1);
    const changed = page.locator('.diff__row--changed');
    expect(await changed.count()).toBe(1);
    const [before, after] = await changed.locator('td').allTextContents();
    expect(before).toContain('Officers visited ST, visit 11');
    expect(after).toContain('Officers visited ST at home, visit 11');
    expect(await changed.locator('th').textContent()).toBe('Changed: event');
    expect(await changed.locator('.diff__changed').count()).toBe(2);
    expect(await page.locator('#diff-result').textContent()).not.toMatch(/Sarah|Thompson/);
    await shotOf(page.locator('#diff-result'), 'diff');
    expect(w.pageProblems).toEqual([]);
  });

  it('gives an author its own lane only', async () => {
    const tok = await w.t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'author', caseId, agency: 'Police', label: 'Police author' } });
    const { page: p, context } = await w.newPage();
    await signIn(p, w.baseUrl, tok.json<{ token: string }>().token);
    await p.locator('#nav').getByRole('link', { name: 'Contacts over time' }).click();
    await p.locator('#analysis-count').waitFor();
    expect(await p.locator('#swimlane .swim__label').allTextContents()).toEqual(['Police']);
    expect(await p.locator('#swimlane .mark').count()).toBe(police.length);
    expect(await p.locator('#month-charts svg').count()).toBe(1);
    expect(await p.locator('main').textContent()).not.toMatch(/GP appointment|Housing officer/);
    await context.close();
    expect(w.pageProblems).toEqual([]);
  });
});
