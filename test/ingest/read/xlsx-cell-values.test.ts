// A cell's `<v>` read from its bytes (shared-string indices and whole numbers) gives what its text gives, however the
// XML writes it: split by a comment or CDATA, padded with zeros or spaces, longer than a number's digits.
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/ingest/read/xlsx.js';
import { defaultLimits } from '../../../src/ingest/limits.js';
import { minimalXlsx } from '../../../fixtures/hostile.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STRINGS = `<sst xmlns="${NS}">${Array.from({ length: 13 }, (_, i) => `<si><t>item ${i}</t></si>`).join('')}</sst>`;

async function firstRow(cells: string): Promise<unknown[]> {
  const buf = minimalXlsx(`<worksheet xmlns="${NS}"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`, STRINGS);
  const book = await readXlsx(buf, defaultLimits);
  return book.sheets[0]?.rows[0]?.cells ?? [];
}

describe('readXlsx: values read from their bytes', () => {
  it.each<[string, string, unknown]>([
    ['a shared string by its index', '<c r="A1" t="s"><v>12</v></c>', 'item 12'],
    ['an index with leading zeros', '<c r="A1" t="s"><v>007</v></c>', 'item 7'],
    ['an index split by a comment', '<c r="A1" t="s"><v>1<!-- x -->2</v></c>', 'item 12'],
    ['an index with a CDATA part', '<c r="A1" t="s"><v>1<![CDATA[1]]></v></c>', 'item 11'],
    ['an index padded with spaces', '<c r="A1" t="s"><v> 3 </v></c>', 'item 3'],
    ['a whole number', '<c r="A1"><v>42</v></c>', 42],
    ['a number split by a comment', '<c r="A1"><v>4<!-- x -->2.5</v></c>', 42.5],
    ['a number of more digits than fit exactly', '<c r="A1"><v>12345678901234567890</v></c>', 1.2345678901234567e19],
    ['a negative number', '<c r="A1"><v>-7</v></c>', -7],
    ['a number as a character reference', '<c r="A1"><v>&#52;2</v></c>', 42],
    ['a string cell of digits, kept as text', '<c r="A1" t="str"><v>0042</v></c>', '0042'],
  ])('%s', async (_label, cell, value) => {
    expect(await firstRow(cell)).toEqual([value]);
  });

  it('an empty value is no value, and a second <v> replaces the first', async () => {
    expect(await firstRow('<c r="A1" t="s"><v></v></c><c r="B1"><v>1</v><v>2</v></c>')).toEqual([null, 2]);
  });
});
