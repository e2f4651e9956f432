// A worksheet cell's parts read straight from the XML bytes, with no string made for them: a reference's column, a
// number of digits; and a `t="d"` cell's ISO text as its date.

/** The column of a reference like `B12` (1-based) from its bytes, or 0 if it has no letters. */
export function columnAt(b: Buffer, s: number, e: number): number {
  let col = 0;
  for (let i = s; i < e; i++) {
    const c = (b[i] ?? 0) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + c - 0x60;
  }
  return col;
}

/** A non-negative integer from its bytes, or -1 if empty or not all digits (as Tag.int). */
export function intAt(b: Buffer, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const d = (b[i] ?? 0) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return e > s ? n : -1;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?Z?$/;

/** A `t="d"` cell: an ISO 8601 date as the day and time it shows. */
export function isoDate(text: string): Date | string {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return text;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = m;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Math.round(Number(frac || '0') * 1000)));
}
