// The SpreadsheetML parts' small helpers: column letters past Z (a case with many agencies has 30 and more columns).
import { describe, expect, it } from 'vitest';
import { columnLetter } from '../../src/export/xlsx-parts.js';

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16_383, 'XFD'], // Excel's last column
  ])('column %i is %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });
});
