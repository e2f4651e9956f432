// Word IMRs: the chronology table out of document.xml as Word shows it (spans, merges, line breaks, tracked changes,
// content controls, nested tables), rows numbered in the table; cross-checked against mammoth's reading of the text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { buildEntries } from '../../../src/chronology/build-entries.js';
import type { CellValue, RawWorkbook } from '../../../src/chronology/types.js';
import { LimitError, UnreadableFileError, defaultLimits } from '../../../src/ingest/limits.js';
import { readDocx, readDocxTables } from '../../../src/ingest/read/docx.js';
import { FILES_DIR } from '../../../fixtures/paths.js';
import { GM_HEADER } from '../../../fixtures/gm-police.js';
import { deepXmlDocx, docx, laughsDocx, nestedTablesDocx, p, row, tbl, tc, tr, xxeDocx } from '../../../fixtures/hostile-office.js';

const fixture = (name: string): Buffer => readFileSync(join(FILES_DIR, name));
const rowsOf = (wb: RawWorkbook, table: number): { row: number; cells: CellValue[] }[] => (wb.sheets[table - 1]?.rows ?? []).map(({ row, cells }) => ({ row, cells }));

const decode = (html: string): string =>
  html.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

/** mammoth's HTML tables as rows of cell texts: paragraphs and <br /> as line breaks, empty lines dropped. */
function mammothTables(html: string): string[][][] {
  return [...html.matchAll(/<table>(.*?)<\/table>/gs)].map(([, t]) =>
    [...(t ?? '').matchAll(/<tr>(.*?)<\/tr>/gs)].map(([, r]) =>
      [...(r ?? '').matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map(([, c]) => lines(decode((c ?? '').replace(/<br \/>|<\/p><p>/g, '\n').replace(/<[^>]+>/g, '')))),
    ),
  );
}

const lines = (text: string): string =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');

describe('readDocx: the seed templates saved by LibreOffice', () => {
  it.each(['gm-police.docx', 'darlington-gp.docx'])('%s: every table and cell reads as mammoth reads its text', async (name) => {
    const buf = fixture(name);
    const ours = await readDocxTables(buf, defaultLimits);
    const theirs = mammothTables((await mammoth.convertToHtml({ buffer: buf })).value);
    expect(theirs).toHaveLength(2);
    // mammoth writes a vertical merge as one cell with a rowspan, leaving out the cells that continue it.
    const mine = ours.map((t) => t.rows.map((r) => r.cells.filter((c) => c.vMerge !== 'continue').map((c) => lines(c.text))));
    expect(mine).toEqual(theirs);
    expect(ours[1]?.rows.some((r) => r.cells.some((c) => c.vMerge === 'continue'))).toBe(name.startsWith('darlington'));
  });

  it('gm-police.docx: the header block is Table 1, the chronology Table 2 with its header on the table’s row 1', async () => {
    const wb = await readDocx(fixture('gm-police.docx'), defaultLimits);
    expect(rowsOf(wb, 1)[0]?.cells).toEqual(['Name of Agency: Greater Manchester Police', 'IMR Report Writer: DS 2290 Karen Ellis']);
    expect(rowsOf(wb, 1)[1]?.cells).toEqual(['Dates as given in the Terms of Reference: 01/01/2012 – 31/12/2014']);
    expect(rowsOf(wb, 2)[0]).toEqual({ row: 1, cells: GM_HEADER });
    expect(rowsOf(wb, 2)[5]?.cells[5]).toMatch(/07700 900123\.\nSarah said/);
    const built = buildEntries(wb);
    expect(built.ok && built.report).toMatchObject({ sheet: 'Table 2', headerRow: 1 });
    expect(built.ok && built.entries[0]).toMatchObject({ sheet: 'Table 2', row: 2, date: '2011-11-20', time: '22:15' });
  });

  it('darlington-gp.docx: the date merged down over two rows (vMerge) repeats into the second', async () => {
    const wb = await readDocx(fixture('darlington-gp.docx'), defaultLimits);
    expect(rowsOf(wb, 2)[3]?.cells[0]).toBe('12/06/13');
    expect(rowsOf(wb, 2)[4]?.cells[0]).toBe('12/06/13');
  });
});

const read = (body: string): Promise<RawWorkbook> => readDocx(docx(body), defaultLimits);

describe('readDocx: tables as Word shows them', () => {
  it('picks the chronology over a header-block table, and numbers rows as in the table', async () => {
    const wb = await read(
      p('Comprehensive Agency Chronology') +
        tbl([row('Name of Agency: Police', 'IMR Report Writer: DS K'), row('Dates as given in the Terms of Reference: 2012–2014', '')]) +
        p('') +
        tbl([row('Date', 'Time', 'Event description, actions taken, decisions made'), row('03/04/2013', '17:00', 'Seen at home.'), row('04/04/2013', '', 'Phone call.')]),
    );
    const built = buildEntries(wb);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.report).toMatchObject({ sheet: 'Table 2', headerRow: 1 });
    expect(built.entries.map((e) => [e.sheet, e.row, e.date, e.time, e.event])).toEqual([
      ['Table 2', 2, '2013-04-03', '17:00', 'Seen at home.'],
      ['Table 2', 3, '2013-04-04', null, 'Phone call.'],
    ]);
  });

  it('lays cells on the grid: gridSpan, gridBefore and gridAfter', async () => {
    const wb = await read(
      tbl([
        row('Date', 'Time', 'Event', 'Comments'),
        tr([tc('03/04/2013'), tc('Spans time and event', '<w:gridSpan w:val="2"/>'), tc('c')]),
        tr([tc('Event only'), tc('c')], '<w:gridBefore w:val="2"/>'),
        tr([tc('05/04/2013')], '<w:gridAfter w:val="3"/>'),
      ]),
    );
    expect(rowsOf(wb, 1).slice(1)).toEqual([
      { row: 2, cells: ['03/04/2013', 'Spans time and event', null, 'c'] },
      { row: 3, cells: [null, null, 'Event only', 'c'] },
      { row: 4, cells: ['05/04/2013'] },
    ]);
  });

  it('reads a vertical merge once, repeating a short value down (a date) but not a narrative', async () => {
    const restart = '<w:vMerge w:val="restart"/>';
    const cont = '<w:vMerge/>';
    const wb = await read(
      tbl([
        row('Date', 'Event', 'Comments'),
        tr([tc('03/04/2013', restart), tc('A long narrative that runs down\nbeside two events.', restart), tc('first')]),
        tr([tc('', cont), tc('', '<w:vMerge w:val="continue"/>'), tc('second')]),
        tr([tc('', cont), tc('', cont), tc('')]),
      ]),
    );
    expect(rowsOf(wb, 1).slice(1)).toEqual([
      { row: 2, cells: ['03/04/2013', 'A long narrative that runs down\nbeside two events.', 'first'] },
      { row: 3, cells: ['03/04/2013', null, 'second'] },
    ]);
  });

  it('makes paragraphs, w:br and w:cr inside a cell line breaks, and a tab a tab', async () => {
    const cell = '<w:p><w:r><w:t>one</w:t><w:br/><w:t>two</w:t><w:cr/><w:t>three</w:t><w:tab/><w:t>four</w:t></w:r></w:p><w:p><w:r><w:t>five</w:t></w:r></w:p>';
    const wb = await read(tbl([row('Date', 'Event'), tr([tc('03/04/2013'), tc(cell)])]));
    expect(rowsOf(wb, 1)[1]?.cells[1]).toBe('one\ntwo\nthree\tfour\nfive');
  });

  it('keeps tracked insertions, drops deletions and deleted rows, and warns that the changes were not accepted', async () => {
    const changed = '<w:p><w:r><w:t xml:space="preserve">Seen </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>at school</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>at home</w:t></w:r></w:ins><w:del w:id="3" w:author="A"><w:r><w:t>hidden</w:t></w:r></w:del></w:p>';
    const wb = await read(
      tbl([
        row('Date', 'Event'),
        row('02/04/2013', 'Before.'),
        tr([tc('03/04/2013'), tc(changed)]),
        tr([tc('04/04/2013'), tc('A row the author deleted.')], '<w:del w:id="4" w:author="A"/>'),
        row('05/04/2013', 'After.'),
      ]),
    );
    expect(rowsOf(wb, 1).slice(1)).toEqual([
      { row: 2, cells: ['02/04/2013', 'Before.'] },
      { row: 3, cells: ['03/04/2013', 'Seen at home'] },
      { row: 5, cells: ['05/04/2013', 'After.'] },
    ]);
    const built = buildEntries(wb);
    expect(built.ok && built.report.warnings.find((w) => w.code === 'tracked-changes')).toMatchObject({ row: 3, message: expect.stringMatching(/not accepted/) });
  });

  it('reads content controls (w:sdt) around rows, cells and runs through', async () => {
    const sdt = (content: string): string => `<w:sdt><w:sdtPr><w:alias w:val="Field"/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    const wb = await read(
      tbl([
        row('Date', 'Event'),
        sdt(row('03/04/2013', 'A row in a control.')),
        tr([sdt(tc('04/04/2013')), tc(`<w:p>${sdt('<w:r><w:t>A run in a control.</w:t></w:r>')}</w:p>`)]),
      ]),
    );
    expect(rowsOf(wb, 1).slice(1).map((r) => r.cells)).toEqual([
      ['03/04/2013', 'A row in a control.'],
      ['04/04/2013', 'A run in a control.'],
    ]);
  });

  it('reads a table nested in a cell as lines of that cell, and the outer table goes on', async () => {
    const nested = tbl([row('inner a', 'inner b'), row('inner c', '')]);
    const wb = await read(tbl([row('Date', 'Event'), tr([tc('03/04/2013'), tc(p('Outer text.') + nested + p(''))]), row('04/04/2013', 'Next row.')]));
    expect(wb.sheets).toHaveLength(1);
    expect(rowsOf(wb, 1).slice(1)).toEqual([
      { row: 2, cells: ['03/04/2013', 'Outer text.\ninner a\ninner b\ninner c\n\n'] },
      { row: 3, cells: ['04/04/2013', 'Next row.'] },
    ]);
  });

  it('leaves out an alternative (mc:Fallback) so its text is not read twice', async () => {
    const alt = '<w:p><mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>box</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>box</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>';
    const wb = await read(tbl([row('Date', 'Event'), tr([tc('03/04/2013'), tc(alt)])]));
    expect(rowsOf(wb, 1)[1]?.cells[1]).toBe('box');
  });

  it('reads tables nested 100 deep without losing its way', async () => {
    const wb = await readDocx(nestedTablesDocx(100), defaultLimits);
    expect(rowsOf(wb, 1)).toEqual([{ row: 1, cells: ['deepest'] }]);
  });
});

describe('readDocx: refusals', () => {
  it.each([
    ['a billion-laughs DTD', laughsDocx],
    ['an external entity', xxeDocx],
  ])('refuses %s in document.xml with 422', async (_, make) => {
    await expect(readDocx(make(), defaultLimits)).rejects.toMatchObject({ name: 'UnreadableFileError', kind: 'unreadable-file', reason: 'xml-dtd' });
  });

  it('refuses elements nested deeper than any document goes (saxes would keep each on its stack)', async () => {
    await expect(readDocx(deepXmlDocx(5000), { ...defaultLimits, maxRatio: 100_000 })).rejects.toMatchObject({ kind: 'unreadable-file', reason: 'xml-depth' });
  });

  it('refuses XML that is not well-formed', async () => {
    await expect(read('<w:tbl><w:tr></w:tbl>')).rejects.toBeInstanceOf(UnreadableFileError);
  });

  it('refuses a cell over the cell limit and a table over the row limit with 413', async () => {
    const big = 'a'.repeat(defaultLimits.maxCellChars + 1);
    await expect(read(tbl([row('Date', 'Event'), row('03/04/2013', big)]))).rejects.toMatchObject({ limit: 'cell' });
    const limits = { ...defaultLimits, maxRows: 3 };
    await expect(readDocx(docx(tbl([row('Date'), row('1'), row('2'), row('3')])), limits)).rejects.toBeInstanceOf(LimitError);
  });
});
