// DOCX export: landscape A4, repeated header row, Arial 11, glossary of used abbreviations, PDF via LibreOffice.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { timelineToDocx, writeTimelineDocx } from '../../src/export/to-docx.js';
import { entriesReadBeforeDisconnect, sampleContext, sampleTimeline } from './sample-timeline.js';
import { convertWithSoffice, waitForSoffice } from './soffice.js';
import { zipMemberText } from './zip.js';

/** The document's visible text, paragraph by paragraph. */
function paragraphsText(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

describe('timelineToDocx', () => {
  let docx: Buffer;
  let xml: string;
  let text: string[];
  beforeAll(async () => {
    docx = await timelineToDocx(sampleTimeline, sampleContext);
    xml = await zipMemberText(docx, 'word/document.xml');
    text = paragraphsText(xml);
  });

  it('is landscape A4 with a table header row repeated on each page', () => {
    expect(xml).toMatch(/<w:pgSz [^>]*w:w="16838"[^>]*w:h="11906"[^>]*w:orient="landscape"/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  });

  it('uses Arial 11 as the document default', async () => {
    const styles = await zipMemberText(docx, 'word/styles.xml');
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Arial"[\s\S]*<w:sz w:val="22"\/>[\s\S]*<\/w:docDefaults>/);
  });

  it('has the title, case, review period, names note and sign-off state, then the table', () => {
    expect(text.slice(0, 5)).toEqual([
      'Combined narrative chronology',
      'DHR 2024/03 — Adult A',
      'Review period: 01/01/2013 to 31/12/2014',
      expect.stringMatching(/^Names are anonymised/),
      'Sign-off: not stated.',
    ]);
    const header = ['Date', 'Time', 'Agency', 'Event', 'Outcome', 'Comment'];
    const start = text.indexOf('Date');
    expect(text.slice(start, start + 6)).toEqual(header);
    expect(text).toContain('03/04/2013');
    expect(text).toContain('03/2013');
    expect(text).toContain('Referral to MARAC and the IDVA service.');
  });

  it('states the sign-off on the first page and again on the last, after the glossary', async () => {
    const signed = await timelineToDocx(sampleTimeline, { ...sampleContext, signOff: { state: 'holds', at: '2024-05-30T09:05:00.000Z', role: 'chair' } });
    const paras = paragraphsText(await zipMemberText(signed, 'word/document.xml'));
    const note = 'Signed off: the anonymised timeline was signed off for publication by the chair on 30/05/2024 10:05, and nothing it rests on has changed since.';
    expect(paras[4]).toBe(note);
    expect(paras.slice(-3)).toEqual(['Publication status', expect.stringMatching(/^Names are anonymised/), note]);
    expect(paras.indexOf('Glossary')).toBeLessThan(paras.lastIndexOf('Publication status'));
    const none = paragraphsText(await zipMemberText(await timelineToDocx(sampleTimeline, { ...sampleContext, signOff: { state: 'none' } }), 'word/document.xml'));
    expect(none.at(-1)).toBe('Not signed off: the anonymised timeline has not been signed off for publication.');
  });

  it('warns loudly when names are real', async () => {
    const real = await timelineToDocx(sampleTimeline, { ...sampleContext, namesMode: 'real' });
    expect(paragraphsText(await zipMemberText(real, 'word/document.xml'))).toContain(
      'NOT ANONYMISED: this version contains real names and identifying details. It is for the review panel only and must not be published.',
    );
  });

  it('keeps line breaks inside a cell', () => {
    expect(xml).toMatch(/who had left\.<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>DASH RIC completed/);
  });

  it('ends with a glossary of only the abbreviations used', () => {
    const glossary = text.slice(text.lastIndexOf('Glossary') + 1).filter((t) => t !== '');
    const abbreviations = glossary.filter((_, i) => i % 2 === 0);
    expect(abbreviations).toContain('MARAC');
    expect(abbreviations).toContain('IDVA');
    expect(abbreviations).toContain('DASH RIC');
    expect(glossary[glossary.indexOf('MARAC') + 1]).toBe('Multi-Agency Risk Assessment Conference');
    expect(abbreviations).not.toContain('MAPPA');
    expect(abbreviations).not.toContain('CAMHS');
    expect(abbreviations).toEqual([...abbreviations].sort());
  });

  it('says so when no glossary abbreviation is used', async () => {
    const first = sampleTimeline[0];
    if (!first) throw new Error('no sample');
    const plain = await timelineToDocx([{ ...first, event: 'Tenancy started.' }], {
      ...sampleContext,
      caseTitle: 'Review 7',
    });
    expect(paragraphsText(await zipMemberText(plain, 'word/document.xml'))).toContain(
      'No abbreviations from the glossary appear in this chronology.',
    );
  });

  it('reads back with mammoth: one table, the header row first, every entry a row, then the glossary', async () => {
    const html = (await mammoth.convertToHtml({ buffer: docx })).value;
    const tables = html.split('<table>').length - 1;
    expect(tables).toBe(2); // the chronology and the glossary
    const chronology = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
    const rows = chronology.split('<tr>').slice(1);
    expect(rows).toHaveLength(sampleTimeline.length + 1);
    expect(rows[0]).toContain('<th><p><strong>Date</strong></p></th>');
    expect(rows[4]).toContain('<td><p>IDVA Service</p></td>');
    expect(rows[4]).toContain('<em>Victim not seen</em>');
    expect(html).toContain('<h1>Glossary</h1>');
    const raw = (await mammoth.extractRawText({ buffer: docx })).value;
    expect(raw).toContain(`${sampleTimeline.length} entries in this chronology.`);
    expect(raw).toContain('=HYPERLINK'); // Word runs no formulas: the text is kept as written
  });

  it('stops reading entries when the output is destroyed (a client that disconnects)', async () => {
    const { read, rejected } = await entriesReadBeforeDisconnect(writeTimelineDocx);
    expect(rejected).toBe(true);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(50_000);
  });

  it('converts to a PDF with LibreOffice', { timeout: 120_000 }, async () => {
    if (!(await waitForSoffice(100_000))) throw new Error('LibreOffice (soffice) is not installed');
    const dir = await mkdtemp(join(tmpdir(), 'docx-test-'));
    const file = join(dir, 'chronology.docx');
    await writeFile(file, docx);
    const pdf = await readFile(await convertWithSoffice(file, 'pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
  });
});
