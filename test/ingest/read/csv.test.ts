// Reading CSVs as UK authors save them: encodings, delimiters, line endings, multi-line cells, and the limits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parse } from 'csv-parse/sync';
import { detectCsvEncoding } from '../../../src/ingest/read/csv-text.js';
import { readCsv, readCsvRows, sniffDelimiter } from '../../../src/ingest/read/csv.js';
import { LimitError, UnreadableFileError, defaultLimits } from '../../../src/ingest/limits.js';
import type { CellValue, RawWorkbook } from '../../../src/chronology/types.js';
import { FILES_DIR } from '../../../fixtures/paths.js';
import { bigCellCsv, hugeRecordCsv, nulByteCsv, tallCsv, wideCsv } from '../../../fixtures/hostile.js';

const read = (name: string): RawWorkbook => readCsv(readFileSync(join(FILES_DIR, name)), defaultLimits);
const rowsOf = (wb: RawWorkbook): Array<[number, CellValue[]]> => (wb.sheets[0]?.rows ?? []).map((r) => [r.row, r.cells]);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('readCsv: housing-1252.csv (Windows-1252, semicolons, CRLF)', () => {
  const wb = read('housing-1252.csv');
  const rows = wb.sheets[0]?.rows ?? [];

  it('is one sheet named CSV', () => {
    expect(wb.format).toBe('csv');
    expect(wb.sheets.map((s) => s.name)).toEqual(['CSV']);
  });

  it('decodes £, á, é, curly quotes and en dashes as typed on UK Windows', () => {
    expect(detectCsvEncoding(readFileSync(join(FILES_DIR, 'housing-1252.csv'))).encoding).toBe('windows-1252');
    expect(rows[0]?.cells).toEqual(['Housing Options – chronology for DHR Adult A']);
    expect(rows[3]?.cells[3]).toBe('Siobhán O’Connor');
    expect(rows[3]?.cells[5]).toContain('couldn’t go home');
    expect(rows[3]?.cells[5]).toContain('£1,240.50');
    expect(rows[5]?.cells[3]).toBe('René Dubois (Tenancy Sustainment)');
  });

  it('splits on semicolons although the prose is full of commas', () => {
    expect(rows[2]?.cells).toEqual(['Date', 'Time', 'Source', 'Officer', 'Contact with', 'Details', 'Outcome']);
    expect(rows[3]?.cells).toHaveLength(7);
    expect(rows[6]?.cells[5]).toBe('Mark rang asking where Sarah was staying; he said he was her “carer”. Told we cannot share information.');
  });

  it('numbers rows as Excel shows them: a multi-line cell is one row, its line breaks read as LF', () => {
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows[4]?.cells[5]).toBe('Placed in temporary accommodation at Ashley House, Room 12.\nSarah said “Mark will find me here”.\nRisk noted on the file.');
    expect(rows[5]?.cells[0]).toBe('19/4/13');
  });

  it('gives empty cells null and keeps the blank row', () => {
    expect(rows[1]?.cells).toEqual([]);
    expect(rows[4]?.cells[1]).toBeNull();
  });
});

describe('readCsv: idva-utf8bom.csv (UTF-8 with BOM)', () => {
  const rows = rowsOf(read('idva-utf8bom.csv'));

  it('strips the BOM from the first header and keeps dotted dates and am/pm times', () => {
    expect(rows[0]?.[1][0]).toBe('Date');
    expect(rows.slice(1, 5).map(([, c]) => [c[0], c[1]])).toEqual([
      ['03.04.2013', '5pm'],
      ['10.04.2013', '5.30 pm'],
      ['17.04.2013', '17:00'],
      ['01.05.2013', '1700'],
    ]);
    expect(rows[1]?.[1][3]).toBe('Zoë Clarke (IDVA)');
  });

  it('unescapes doubled quotes inside a quoted cell', () => {
    expect(rows[4]?.[1][5]).toBe('Sarah did not answer three calls. Text message sent: "Please call Zoë when it’s safe"');
  });
});

describe('readCsv: encodings and dialects', () => {
  const text = 'Date,Event\r\n03/04/2013,Siobhán paid £20 – “fine”\r\n';

  it.each([
    ['UTF-8 without BOM', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16-be')])],
    ['UTF-16 LE without BOM', Buffer.from(text, 'utf16le')],
    ['Windows-1252', iconv.encode(text, 'windows-1252')],
  ])('decodes %s', (_label, buf) => {
    expect(readCsv(buf, defaultLimits).sheets[0]?.rows[1]?.cells).toEqual(['03/04/2013', 'Siobhán paid £20 – “fine”']);
  });

  it('reads a Polish author’s Windows-1250 when chardet is sure of it', () => {
    const buf = iconv.encode('Data,Zdarzenie\r\n03/04/2013,Łukasz przyszedł, żona była śmiała, źle się czuła\r\n', 'windows-1250');
    expect(readCsv(buf, defaultLimits).sheets[0]?.rows[1]?.cells[1]).toBe('Łukasz przyszedł');
  });

  it.each([
    ['LF', '\n'],
    ['CR (old Mac)', '\r'],
  ])('reads %s line endings', (_label, eol) => {
    const rows = readCsv(Buffer.from(`Date,Event${eol}01/01/2012,a${eol}02/01/2012,b${eol}`), defaultLimits).sheets[0]?.rows;
    expect(rows?.map((r) => [r.row, r.cells[0]])).toEqual([[1, 'Date'], [2, '01/01/2012'], [3, '02/01/2012']]);
  });

  it.each([
    [',', 'Date,Time,Event\n1/1/12,17:00,"He said; she said"\n'],
    [';', 'Date;Time;Event\n1/1/12;17:00;Sarah, Mark, and Child B\n'],
    ['\t', 'Date\tTime\tEvent\n1/1/12\t17:00\tSarah, Mark; Child B\n'],
  ])('sniffs the delimiter %j', (delimiter, csv) => {
    expect(sniffDelimiter(csv)).toBe(delimiter);
  });

  it('tolerates ragged rows and stray quotes', () => {
    const rows = readCsv(Buffer.from('Date,Event,Comment\n1/1/12,He is 5" tall\n2/1/12,a,b,extra\n'), defaultLimits).sheets[0]?.rows;
    expect(rows?.[1]?.cells).toEqual(['1/1/12', 'He is 5" tall']);
    expect(rows?.[2]?.cells).toHaveLength(4);
  });

  it('ends a record at CRLF, LF or CR even when one file mixes them (files pasted together)', () => {
    const rows = readCsv(Buffer.from('Date,Event\r\n01/01/2012,a\n02/01/2012,"b\r\nc"\r03/01/2012,d'), defaultLimits).sheets[0]?.rows;
    expect(rows?.map((r) => [r.row, ...r.cells])).toEqual([[1, 'Date', 'Event'], [2, '01/01/2012', 'a'], [3, '02/01/2012', 'b\nc'], [4, '03/01/2012', 'd']]);
  });

  it('keeps a stray quote after the text of a quoted cell as text, not running the rest of the file into that cell', () => {
    const rows = readCsv(Buffer.from('Date,Event,Comment\n1/1/12,"quoted" then more,x\n2/1/12,"He said "no" twice",y\n3/1/12,c,z\n'), defaultLimits).sheets[0]?.rows;
    expect(rows?.map((r) => r.cells)).toEqual([
      ['Date', 'Event', 'Comment'],
      ['1/1/12', '"quoted" then more', 'x'],
      ['2/1/12', '"He said "no" twice"', 'y'],
      ['3/1/12', 'c', 'z'],
    ]);
  });

  it('drops spaces between a closing quote and the delimiter', () => {
    expect(readCsv(Buffer.from('Date,Event,Comment\n1/1/12,"a, b"  ,c\n'), defaultLimits).sheets[0]?.rows[1]?.cells).toEqual(['1/1/12', 'a, b', 'c']);
  });

  it('drops trailing blank lines', () => {
    expect(readCsv(Buffer.from('Date,Event\n1/1/12,a\n\n\n,\n'), defaultLimits).sheets[0]?.rows.map((r) => r.row)).toEqual([1, 2]);
  });
});

describe('readCsv: refusals', () => {
  it('refuses a NUL byte as unreadable, naming the line', () => {
    const err = thrown(() => readCsv(nulByteCsv(), defaultLimits));
    expect(err).toBeInstanceOf(UnreadableFileError);
    expect((err as UnreadableFileError).reason).toBe('nul-byte');
    expect((err as Error).message).toContain('line 3');
    expect((err as Error).message).not.toContain('bad');
  });

  it('refuses a 10 MB single record without reading it whole', () => {
    const buf = hugeRecordCsv();
    const t0 = performance.now();
    const err = thrown(() => readCsv(buf, defaultLimits));
    expect(err).toBeInstanceOf(LimitError);
    expect((err as LimitError).limit).toBe('cell');
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('refuses 100 000 columns', () => {
    const err = thrown(() => readCsv(wideCsv(100_000), defaultLimits));
    expect(err).toBeInstanceOf(LimitError);
    expect((err as LimitError).limit).toBe('columns');
    expect((err as Error).message).toContain('Row 2');
  });

  it('refuses a 1 MB cell', () => {
    const err = thrown(() => readCsv(bigCellCsv(), defaultLimits));
    expect((err as LimitError).limit).toBe('cell');
    expect((err as Error).message).not.toContain('aaaa');
  });

  it('refuses a quote that is never closed, naming no cell text', () => {
    const err = thrown(() => readCsv(Buffer.from('Date,Event\n1/1/12,"Sarah left\n2/1/12,b\n'), defaultLimits));
    expect(err).toBeInstanceOf(UnreadableFileError);
    expect((err as UnreadableFileError).reason).toBe('malformed-csv');
    expect((err as Error).message).not.toContain('Sarah');
  });

  it('reads blank lines past the row limit (then drops them), and refuses a row with text after them', () => {
    const blanks = '\n'.repeat(200_000);
    const rows = readCsv(Buffer.from(`Date,Event\n1/1/12,a\n${blanks}`), { ...defaultLimits, maxRows: 10 }).sheets[0]?.rows;
    expect(rows?.map((r) => r.row)).toEqual([1, 2]);
    const err = thrown(() => readCsv(Buffer.from(`Date,Event\n1/1/12,a\n${blanks}2/1/12,b\n`), { ...defaultLimits, maxRows: 10 }));
    expect((err as LimitError).limit).toBe('rows');
  });

  it('refuses more rows than maxRows, and accepts exactly maxRows', () => {
    expect((thrown(() => readCsv(tallCsv(10), { ...defaultLimits, maxRows: 10 })) as LimitError).limit).toBe('rows');
    expect(readCsv(tallCsv(9), { ...defaultLimits, maxRows: 10 }).sheets[0]?.rows).toHaveLength(10);
  });
});

describe('readCsv: a large UTF-8 file (read as bytes, not decoded to text first)', () => {
  it('keeps multi-byte characters whole and finds the delimiter past a sample that ends mid-character', () => {
    // 3-byte characters (€) fill the first 262 144 bytes, so the delimiter sample's byte limit falls inside one.
    const cell = '€'.repeat(500);
    const lines = ['Date;Event;Comment', ...Array.from({ length: 200 }, (_, i) => `0${(i % 9) + 1}/04/2013;${cell};Niamh, Zoë, “x”`)];
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
    expect(buf.length).toBeGreaterThan(262_144);
    const rows = readCsv(buf, defaultLimits).sheets[0]?.rows ?? [];
    expect(rows).toHaveLength(201);
    expect(rows[0]?.cells).toEqual(['Date', 'Event', 'Comment']);
    expect(rows[200]?.cells).toEqual(['02/04/2013', cell, 'Niamh, Zoë, “x”']);
  });
});

describe('readCsv reads as csv-parse read before it (papaparse is the fast path)', () => {
  // The old reader: csv-parse ending a record at any line break. Its differences from readCsv, by design: a line
  // break inside a cell reads as LF; spaces after a closing quote are dropped (so no text with a quote before a
  // space or tab is compared); trailing blank rows are dropped by both.
  const oldReading = (text: string): unknown => {
    try {
      const records = parse(text, { delimiter: sniffDelimiter(text), record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
      const rows = records.map((r) => r.map((c) => (c === '' ? null : c.replace(/\r\n?/g, '\n'))));
      for (const r of rows) while (r.length > 0 && r[r.length - 1] === null) r.pop();
      while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
      return rows;
    } catch {
      return 'refused';
    }
  };
  const newReading = (text: string): unknown => {
    try {
      return readCsv(Buffer.from(text), defaultLimits).sheets[0]?.rows.map((r) => r.cells);
    } catch (err) {
      if (err instanceof UnreadableFileError) return 'refused';
      throw err;
    }
  };
  const piece = fc.constantFrom('a', 'Zoë', ',', ';', '"', '""', '\n', '\r', '\r\n', ' ', '\t', '1/1/12');

  test.prop([fc.array(piece, { maxLength: 40 }).map((p) => p.join('')).filter((t) => !/"[ \t]/.test(t))], { numRuns: 3000 })(
    'the same rows, or both refuse',
    (text) => {
      expect(newReading(text)).toEqual(oldReading(text));
    },
  );

  // papaparse reads the clean records, csv-parse takes over at the first it cannot read cleanly.
  const quoted = (c: string): string => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  const cleanRecord = fc.array(fc.constantFrom('', 'a', 'Zoë', '1/1/12', 'a, b', 'say "hi"', 'two\nlines'), { minLength: 1, maxLength: 4 }).map((cells) => cells.map(quoted).join(','));
  const troubledTail = fc.array(piece, { maxLength: 20 }).map((p) => `"x"y${p.join('')}`);
  test.prop([fc.array(cleanRecord, { minLength: 1, maxLength: 20 }), troubledTail.filter((t) => !/"[ \t]/.test(t))], { numRuns: 1000 })(
    'the same rows when a stray quote comes after clean records',
    (records, tail) => {
      const text = `${records.join('\n')}\n${tail}`;
      expect(newReading(text)).toEqual(oldReading(text));
    },
  );
});

describe('readCsv reads the same however the text is cut into pieces', () => {
  const inPieces = (buf: Buffer, pieceBytes: number): unknown => {
    const rows: unknown[] = [];
    try {
      readCsvRows(buf, defaultLimits, (r) => rows.push([r.row, r.cells]), pieceBytes);
    } catch (err) {
      return { refused: (err as Error).message };
    }
    while (rows.length > 0 && ((rows[rows.length - 1] as [number, unknown[]])[1].length ?? 0) === 0) rows.pop();
    return rows;
  };
  const whole = (buf: Buffer): unknown => {
    try {
      return rowsOf(readCsv(buf, defaultLimits));
    } catch (err) {
      return { refused: (err as Error).message };
    }
  };

  it('idva-utf8bom.csv in pieces of 1 to 9 bytes', () => {
    const buf = readFileSync(join(FILES_DIR, 'idva-utf8bom.csv'));
    for (let bytes = 1; bytes <= 9; bytes++) expect(inPieces(buf, bytes)).toEqual(whole(buf));
  });

  const piece = fc.constantFrom('a', 'Zoë', '€', '😀', '\u00a0', '\u2009', ',', ';', '"', '""', '\n', '\r', '\r\n', ' ', '\t', '1/1/12', '"x"y');
  const anyText = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));
  test.prop([anyText, fc.integer({ min: 1, max: 12 })], { numRuns: 3000 })('the same rows, or the same refusal, for any text and piece size', (text, bytes) => {
    const buf = Buffer.from(text);
    expect(inPieces(buf, bytes)).toEqual(whole(buf));
  });

  // UTF-8 is parsed as its bytes; UTF-16 is decoded first and parsed as text: the same text reads the same both ways.
  const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  test.prop([anyText], { numRuns: 3000 })('UTF-8 read as bytes gives what the decoded text gives', (text) => {
    expect(whole(Buffer.from(text))).toEqual(whole(utf16(text)));
  });

  it('drops a no-break space between a closing quote and the delimiter, as it drops a space', () => {
    const text = 'Date,Event,Comment\n1/1/12,"x"\u00a0,y\n2/1/12,"a, b" ,c\n';
    expect(whole(Buffer.from(text))).toEqual([
      [1, ['Date', 'Event', 'Comment']],
      [2, ['1/1/12', 'x', 'y']],
      [3, ['2/1/12', 'a, b', 'c']],
    ]);
    expect(whole(Buffer.from(text))).toEqual(whole(utf16(text)));
  });
});

