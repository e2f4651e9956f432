// In a real browser: a chair issues tokens, edits the pseudonym map, browses and downloads the timeline, checks redaction, reads the audit log.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createCase, upload } from '../helpers/requests.js';
import { shot, signIn, startWebHarness, unlabelledControls, type WebHarness } from './browser.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url));

describe('the web page, for a review chair', () => {
  let w: WebHarness;
  let page: Page;
  let caseId: string;
  let chairToken: string;

  const go = async (link: string) => {
    await page.locator('#nav').getByRole('link', { name: link }).click();
    await page.locator('h1', { hasText: link }).waitFor();
  };
  const timelineText = async () => {
    await page.locator('#timeline-count').waitFor();
    return (await page.locator('.table--timeline tbody').textContent()) ?? '';
  };

  beforeAll(async () => {
    w = await startWebHarness();
    caseId = await createCase(w.t);
    expect((await upload(w.t, caseId, 'Greater Manchester Police', 'gm-police.xlsx', fixture('gm-police.xlsx'))).statusCode).toBe(201);
    const chair = await w.t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'chair', caseId, label: 'Review chair' } });
    chairToken = chair.json<{ token: string }>().token;
    ({ page } = await w.newPage());
    await signIn(page, w.baseUrl, chairToken);
  });

  afterAll(async () => {
    await w?.close();
  });

  it('lands on each agency’s submission status', async () => {
    await page.locator('h1', { hasText: 'Agency submissions' }).waitFor();
    expect(await page.locator('#session').textContent()).toContain('Review chair');
    const status = page.locator('.table--status');
    expect(await status.textContent()).toContain('Greater Manchester Police');
    expect(await status.textContent()).toContain('Received');
    await shot(page, 'chair-status');
  });

  it('issues an author token, shown once with a copy button, and lists the agency as waiting', async () => {
    await go('Tokens');
    await page.getByLabel('Role').selectOption('author');
    await page.getByLabel('Agency').fill('Trafford Housing Trust');
    await page.getByLabel('Label').fill('Housing IMR author');
    await page.getByRole('button', { name: 'Issue token' }).click();
    const secret = await page.locator('#new-token').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    const session = await w.t.call({ method: 'GET', url: '/api/session', token: secret });
    expect(session.json()).toMatchObject({ role: 'author', caseId, agency: 'Trafford Housing Trust' });
    await page.getByRole('button', { name: 'Copy token' }).click();
    await expect.poll(() => page.locator('.panel').textContent()).toMatch(/Copied|Ctrl\+C/);
    expect(await page.locator('table').last().textContent()).toContain('Housing IMR author');
    await shot(page, 'chair-tokens');
    await go('Submissions');
    await expect.poll(() => page.locator('.table--status').textContent()).toContain('Waiting');
  });

  it('edits the pseudonym map: a collision is shown on its row with a suggestion, and the anonymised timeline changes', async () => {
    await go('Combined chronology');
    const before = await timelineText();
    expect(before).not.toContain('Adult B');

    await go('People');
    const addPerson = async (name: string, role: string, extra: { initials?: string; pseudonym?: string; aliases?: string } = {}) => {
      await page.getByRole('button', { name: 'Add a person' }).click();
      const row = page.locator('.table--people tbody tr').last();
      await row.getByLabel(/Full name/).fill(name);
      await row.getByLabel(/Role/).selectOption(role);
      if (extra.aliases) await row.getByLabel(/Other names/).fill(extra.aliases);
      if (extra.initials) await row.getByLabel(/Initials/).fill(extra.initials);
      if (extra.pseudonym) await row.getByLabel(/Pseudonym/).fill(extra.pseudonym);
    };
    await addPerson('Sarah Thompson', 'victim', { pseudonym: 'Adult A' });
    await addPerson('Mark Reid', 'perpetrator', { pseudonym: 'Adult B' });
    await page.getByRole('button', { name: 'Save the map' }).click();
    await expect.poll(() => page.locator('.notice--success').textContent()).toContain('The map is saved: 2 people');
    expect(await page.locator('#person-0-initials').inputValue()).toBe('ST');

    await addPerson('Michael Rowe', 'family', { initials: 'MR' });
    await page.getByRole('button', { name: 'Save the map' }).click();
    const error = page.locator('#person-2-initials-error');
    await error.waitFor();
    expect(await page.locator('#person-2-initials').getAttribute('aria-invalid')).toBe('true');
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, 'chair-people-collision');
    const useSuggestion = page.locator('.table--people').getByRole('button', { name: /^Use / });
    if ((await useSuggestion.count()) > 0) await useSuggestion.click();
    else await page.locator('#person-2-initials').fill('MRW');
    await page.getByRole('button', { name: 'Save the map' }).click();
    await expect.poll(() => page.locator('.notice--success').textContent()).toContain('3 people');
    await shot(page, 'chair-people-saved');

    await go('Combined chronology');
    const after = await timelineText();
    expect(after).not.toBe(before);
    expect(after).not.toMatch(/Sarah|Thompson|Mark Reid/);
    await page.getByLabel('Anonymised, with pseudonyms').check();
    await expect.poll(() => page.locator('.table--timeline tbody').textContent()).toContain('Adult B');
    await page.getByLabel('Real names (for the panel only)').check();
    await expect.poll(() => page.locator('.table--timeline tbody').textContent()).toContain('Sarah Thompson');
    await page.getByLabel('Anonymised, with initials').check();
    await expect.poll(() => page.locator('.table--timeline caption').textContent()).toContain('initials');
  });

  it('filters the timeline, shows flags, and pages through it', async () => {
    const count = async () => Number(((await page.locator('#timeline-count').textContent()) ?? '').replace(/[^\d].*$/, ''));
    await expect.poll(count).toBeGreaterThan(10);
    const all = await count();
    expect(await page.locator('.tag--outside-review-period').count()).toBeGreaterThan(0);
    await page.getByLabel('Text contains').fill('MARAC');
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect.poll(count).toBeLessThan(all);
    expect(await page.locator('.table--timeline tbody tr').count()).toBe(await count());
    await shot(page, 'chair-timeline-filtered');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(count).toBe(all);
    await page.getByLabel('Entries per page').selectOption('50');
    await shot(page, 'chair-timeline');
    await shot(page, 'chair-timeline-top', false);
    await page.locator('.table--timeline').scrollIntoViewIfNeeded();
    await shot(page, 'chair-timeline-table', false);
  });

  it('downloads the anonymised timeline as XLSX through a Blob URL', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(download.url()).toMatch(/^blob:/);
    expect(readFileSync(await download.path()).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    await expect.poll(() => page.locator('.notice--success').textContent()).toContain('Downloaded');
  });

  it('downloads the panel-pack PDF the same way', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF (panel pack)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(readFileSync(await download.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('runs the redaction check on the anonymised timeline and on pasted text', async () => {
    await go('Redaction check');
    await page.getByRole('button', { name: 'Run the check' }).click();
    const verdict = page.locator('#redaction-verdict');
    await verdict.waitFor({ timeout: 20_000 });
    expect(await verdict.textContent()).toMatch(/Passed|Failed/);
    if ((await verdict.textContent())?.includes('Failed')) {
      // Each finding is shown in its entry's text, marked and labelled with its kind.
      expect(await page.locator('.context-list mark').count()).toBeGreaterThan(0);
      expect(await page.locator('.table--findings tbody td').nth(2).textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} · /);
    }
    await shot(page, 'chair-redaction-timeline');
    await page.getByLabel('A document (.docx or .txt)').check();
    await page.getByLabel('Document to check').setInputFiles(new URL('../../fixtures/files/imr.docx', import.meta.url).pathname);
    await page.getByRole('button', { name: 'Run the check' }).click();
    await expect.poll(() => page.locator('#redaction-verdict').textContent(), { timeout: 20_000 }).toMatch(/Passed|Failed/);
    await page.getByLabel('Text I paste in').check();
    await page.getByLabel('Text to check').fill('Sarah Thompson rang from 07700 900123 about the visit.\n\nNothing else was discussed.');
    await page.getByRole('button', { name: 'Run the check' }).click();
    await expect.poll(() => page.locator('#redaction-verdict').textContent()).toContain('Failed');
    expect(await page.locator('.table--findings tbody tr').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.context-list mark').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.context-list').textContent()).toContain('Phone number');
    await shot(page, 'chair-redaction');
  });

  it('shows the audit log, with the exports and map changes, without names', async () => {
    await go('Audit log');
    const log = page.locator('.table--audit tbody');
    await log.locator('tr').first().waitFor();
    const text = (await log.textContent()) ?? '';
    expect(text).toContain('people.replace');
    expect(text).toContain('timeline.export');
    expect(text).not.toMatch(/Sarah|Thompson|Reid/);
    await shot(page, 'chair-audit');
    expect(w.pageProblems).toEqual([]);
  });
});
