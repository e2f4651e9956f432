// Merged cells as the readers apply them, row by row: the ranges of a sheet (as xlsx writes them, or already numbered)
// and the walk that blanks each range's slaves and repeats a short value down a vertical merge, as exceljs's load() does.
import type { CellValue } from '../../chronology/types.js';
import { LimitError, messages, type IngestLimits } from '../limits.js';
import { shouldRepeat } from './xlsx-cells.js';

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const columnNumber = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

export function parseMerge(ref: string): Merge | null {
  const m = /^([A-Za-z]{1,3})(\d{1,7}):([A-Za-z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m) return null;
  const [a, b] = [
    { col: columnNumber(m[1] ?? ''), row: Number(m[2]) },
    { col: columnNumber(m[3] ?? ''), row: Number(m[4]) },
  ];
  const merge = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  return merge.top === merge.bottom && merge.left === merge.right ? null : merge;
}

/**
 * Merged ranges top to bottom, refused past maxCells cells in all (load() would create each one; the walk visits
 * each row of each range). `file` names the file in the message ('.xlsx', '.xls' …).
 */
export function orderedMerges(merges: Merge[], limits: IngestLimits, file = '.xlsx'): Merge[] {
  let area = 0;
  for (const m of merges) area += (m.bottom - m.top + 1) * (m.right - m.left + 1);
  if (area > limits.maxCells) throw new LimitError('cells', `The ${file} file has more than ${limits.maxCells} cells. Delete unused rows and columns, then upload again.`);
  return merges.sort((x, y) => x.top - y.top);
}

/** Applies merged ranges row by row as load() does: slaves lose their own value; a short value repeats down. */
export class MergeWalk {
  private next = 0;
  private active: Merge[] = [];
  private readonly masters = new Map<Merge, CellValue>();

  constructor(private readonly merges: Merge[]) {}

  /**
   * Applies the merges covering row `r` to its cells (as read), remembering the masters that sit on it. Says whether
   * a 0-based column of the row is a merge's slave (load() records no formula there).
   */
  apply(r: number, cells: CellValue[], limits: IngestLimits): (column: number) => boolean {
    while (this.next < this.merges.length && (this.merges[this.next]?.top ?? Infinity) <= r) this.active.push(this.merges[this.next++] as Merge);
    if (this.active.length > 0) this.active = this.active.filter((m) => m.bottom >= r);
    const active = this.active;
    if (active.length === 0) return () => false;
    const vertical: { col: number; value: CellValue }[] = [];
    for (const m of active) {
      if (m.top === r) this.masters.set(m, cells[m.left - 1] ?? null);
      const master = this.masters.get(m) ?? null;
      if (m.right > limits.maxColumns && master !== null) throw new LimitError('columns', messages.columns(r, limits));
      for (let col = m.left; col <= Math.min(m.right, cells.length); col++) if (m.top !== r || col !== m.left) cells[col - 1] = null;
      if (m.top < r) vertical.push({ col: m.left, value: master });
    }
    const ownContent = cells.some((c) => c !== null);
    for (const slave of vertical) {
      if (ownContent && shouldRepeat(slave.value)) {
        while (cells.length < slave.col - 1) cells.push(null);
        cells[slave.col - 1] = slave.value;
      }
    }
    return (column) => active.some((m) => column + 1 >= m.left && column + 1 <= m.right && (m.top !== r || column + 1 !== m.left));
  }
}

