// Walks the elements of a Word document.xml (as a SAX parser reports them) and keeps its body-level tables as Word
// shows them: rows of cells with their grid span and vertical merge, each cell's paragraphs and line breaks as text.

/** One cell of a table row: its text, how many grid columns it spans, and its vertical merge. */
export interface DocxCell {
  text: string;
  span: number;
  vMerge: 'restart' | 'continue' | null;
}

export interface DocxRow {
  cells: DocxCell[];
  /** Empty grid columns before the first cell and after the last (w:gridBefore, w:gridAfter). */
  gridBefore: number;
  gridAfter: number;
  /** The row holds tracked changes (insertions were kept, deletions left out). */
  changed: boolean;
  /** The row itself is a tracked deletion: Word leaves it out once the change is accepted, and so does the reader. */
  deleted: boolean;
}

export interface DocxTable {
  rows: DocxRow[];
}

/** What a document may hold; past one, the walker throws what `refuse` returns. */
export interface TableLimits {
  maxRows: number;
  maxCellChars: number;
  maxCells: number;
}

const W = 'w:';
/** Elements whose content Word shows as deleted (kept out until the change is accepted) or not at all. */
const HIDDEN = new Set(['w:del', 'w:moveFrom', 'mc:Fallback']);
const CHANGES = new Set(['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo']);

/** A w:val count (gridSpan, gridBefore …): a whole number up to Word's own 63 columns and more, else the fallback. */
const count = (v: string | undefined, fallback: number): number => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n <= 10_000 ? n : fallback;
};

/**
 * Feed it every open and close tag and every text node of document.xml in order; `tables` then holds the body-level
 * tables. A table nested in a cell is read as text of that cell (its paragraphs become lines), at any depth, so it
 * never ends or reorders the outer table. Elements are matched by their qualified names as Word writes them (w:, mc:).
 */
export class TableWalker {
  readonly tables: DocxTable[] = [];
  /** Tables open around the current element (1 inside a body-level table, more inside nested ones). */
  private depth = 0;
  private table: DocxTable | null = null;
  private row: DocxRow | null = null;
  private cell: DocxCell | null = null;
  /** Paragraphs of the current cell, and the text of the one open now. */
  private paragraphs: string[] = [];
  private paragraph: string | null = null;
  private inText = false;
  /** Open elements whose content is hidden (w:del …), nested. */
  private hidden = 0;
  private cells = 0;
  /** Characters in the current cell so far, its line breaks counted. */
  private cellChars = 0;

  constructor(
    private readonly limits: TableLimits,
    private readonly refuse: (what: 'rows' | 'cell' | 'cells') => Error,
  ) {}

  /** An element opens; `attributes` by qualified name ('w:val'). */
  open(name: string, attributes: Readonly<Record<string, string>>): void {
    if (HIDDEN.has(name)) {
      // A w:del in a row's properties (w:trPr) marks the whole row deleted.
      if (name === 'w:del' && this.row && !this.cell && this.depth === 1) this.row.deleted = true;
      this.hidden++;
    }
    const val = attributes['w:val'];
    if (CHANGES.has(name) && this.row) this.row.changed = true;
    if (!name.startsWith(W)) return;
    switch (name) {
      case 'w:tbl':
        this.depth++;
        if (this.depth === 1) this.table = { rows: [] };
        return;
      case 'w:tr':
        if (this.depth === 1 && this.table) {
          if (this.table.rows.length >= this.limits.maxRows) throw this.refuse('rows');
          this.row = { cells: [], gridBefore: 0, gridAfter: 0, changed: false, deleted: false };
        }
        return;
      case 'w:tc':
        if (this.depth === 1 && this.row) {
          if (++this.cells > this.limits.maxCells) throw this.refuse('cells');
          this.cell = { text: '', span: 1, vMerge: null };
          this.paragraphs = [];
          this.cellChars = 0;
        }
        return;
      case 'w:gridBefore':
        if (this.depth === 1 && this.row && !this.cell) this.row.gridBefore = count(val, 0);
        return;
      case 'w:gridAfter':
        if (this.depth === 1 && this.row && !this.cell) this.row.gridAfter = count(val, 0);
        return;
      case 'w:gridSpan':
        if (this.depth === 1 && this.cell) this.cell.span = Math.max(1, count(val, 1));
        return;
      case 'w:vMerge':
        if (this.depth === 1 && this.cell) this.cell.vMerge = val === 'restart' ? 'restart' : 'continue';
        return;
      case 'w:p':
        if (this.cell) this.paragraph = '';
        return;
      case 'w:t':
        this.inText = true;
        return;
      case 'w:br':
      case 'w:cr':
        this.add('\n');
        return;
      case 'w:tab':
        // A tab in a run (not a tab stop in the paragraph's properties, which has no run around it).
        if (this.paragraph !== null) this.add('\t');
        return;
      case 'w:noBreakHyphen':
        this.add('-');
        return;
    }
  }

  close(name: string): void {
    if (HIDDEN.has(name)) this.hidden--;
    if (!name.startsWith(W)) return;
    switch (name) {
      case 'w:t':
        this.inText = false;
        return;
      case 'w:p':
        if (this.cell && this.paragraph !== null) {
          if (this.paragraphs.length > 0) this.count(1);
          this.paragraphs.push(this.paragraph);
          this.paragraph = null;
        }
        return;
      case 'w:tc':
        if (this.depth === 1 && this.cell && this.row) {
          this.cell.text = this.paragraphs.join('\n');
          this.row.cells.push(this.cell);
          this.cell = null;
        }
        return;
      case 'w:tr':
        if (this.depth === 1 && this.row && this.table) {
          this.table.rows.push(this.row);
          this.row = null;
        }
        return;
      case 'w:tbl':
        if (this.depth === 1 && this.table) {
          this.tables.push(this.table);
          this.table = null;
        }
        this.depth = Math.max(0, this.depth - 1);
        return;
    }
  }

  text(t: string): void {
    if (this.inText) this.add(t);
  }

  private add(t: string): void {
    if (this.hidden > 0 || this.paragraph === null || !this.cell) return;
    this.count(t.length);
    this.paragraph += t;
  }

  /** Stops a hostile cell before it grows without bound. */
  private count(chars: number): void {
    this.cellChars += chars;
    if (this.cellChars > this.limits.maxCellChars) throw this.refuse('cell');
  }
}
