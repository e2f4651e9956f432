// A small XML tokenizer for the parts of an Office file, fed inflated chunks as they come: start and end tags with
// their local names, and character data only where the handler asks for it. It keeps no tree, refuses DTDs, checks
// that tags nest and close, and caps depth; made for SpreadsheetML, where it must keep up with zlib.
import { LimitError } from '../limits.js';
import { damaged } from '../xml-scan.js';
import { xmlAttribute, xmlText } from './xml-text.js';

export interface XmlHandler {
  /** A start tag by its local name (any prefix dropped); `tag` can be read only during the call. */
  open(name: string, tag: Tag): void;
  /** An end tag, or straight after open() for an empty element `<x/>`. */
  close(name: string): void;
  /** Character data (CDATA included), decoded, while `wantsText` is true; it may come in several pieces. */
  text(s: string): void;
  wantsText: boolean;
  /**
   * While this and `wantsText` are true, character data outside CDATA comes to `bytes` undecoded instead (the
   * handler decodes it with xmlText when it is not what it can read from the bytes: digits, for a cell's value).
   */
  wantsBytes?: boolean;
  bytes?(buf: Buffer, start: number, end: number): void;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;
const EQ = 0x3d;
const DQ = 0x22;
const SQ = 0x27;
const MAX_DEPTH = 1000;
const EMPTY = Buffer.alloc(0);
const COMMENT_END = Buffer.from('-->');
const CDATA_END = Buffer.from(']]>');
const PI_END = Buffer.from('?>');
const CDATA = Buffer.from('[CDATA[');

/** Buffer's own UTF-8 decoder without toString()'s argument checks (the offsets here are always in range). */
const utf8 = (buf: Buffer, start: number, end: number): string => (buf as unknown as { utf8Slice(s: number, e: number): string }).utf8Slice(start, end);

const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d;

/** Local names of up to three bytes, interned: a sheet's tags are almost all `row`, `c`, `v`, `is`, `t`, `f`. */
const short = new Map<number, string>();
/** One-byte names by their byte, the commonest of all (`c`, `v`, `t`, `f`): no hashing for them. */
const oneByte: (string | undefined)[] = new Array<string | undefined>(256).fill(undefined);
function localName(buf: Buffer, start: number, end: number): string {
  let s = start;
  for (let i = start; i < end; i++) if (buf[i] === COLON) s = i + 1;
  const len = end - s;
  if (len === 1) {
    const b = buf[s] as number;
    return (oneByte[b] ??= buf.toString('latin1', s, end));
  }
  if (len > 3 || len === 0) return buf.toString('latin1', s, end);
  const key = len | ((buf[s] ?? 0) << 8) | ((buf[s + 1] ?? 0) << 16) | ((buf[s + 2] ?? 0) << 24);
  let name = short.get(key);
  if (name === undefined) short.set(key, (name = buf.toString('latin1', s, end)));
  return name;
}

const malformed = (file: string): Error => damaged('xml-malformed', 'an XML part is not well-formed', file);

/** The start tag being handled: its attributes' offsets, found as the tag is scanned. */
export class Tag {
  buf: Buffer = EMPTY;
  /** Attributes found: name start, name end, value start, value end, for each. */
  count = 0;
  offsets = new Int32Array(64);

  constructor(private readonly file: string) {}

  /**
   * Scans a start tag's attributes from `i` (after its name) to the '>' that ends it, skipping any '>' inside quoted
   * values. Returns the position of that '>', or -1 if the tag is not complete in buf yet.
   */
  scan(buf: Buffer, i: number): number {
    this.buf = buf;
    this.count = 0;
    const n = buf.length;
    for (;;) {
      let b = buf[i];
      while (b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d) b = buf[++i];
      if (b === undefined) return -1;
      if (b === GT) return i;
      if (b === SLASH) {
        if (i + 1 >= n) return -1;
        if (buf[i + 1] !== GT) throw malformed(this.file);
        return i + 1;
      }
      const ns = i;
      while (b !== undefined && b !== EQ && b !== GT && b !== SLASH && b !== LT && b !== 0x20 && b !== 0x0a && b !== 0x09 && b !== 0x0d) b = buf[++i];
      const ne = i;
      while (b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d) b = buf[++i];
      if (b === undefined) return -1;
      if (b !== EQ || ne === ns) throw malformed(this.file);
      b = buf[++i];
      while (b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d) b = buf[++i];
      if (b === undefined) return -1;
      if (b !== DQ && b !== SQ) throw malformed(this.file);
      // Values are short (a reference, a type, a style number): a loop costs less than a call into indexOf.
      let close = i + 1;
      while (close < n && buf[close] !== b) close++;
      if (close >= n) return -1;
      if (this.count * 4 + 4 > this.offsets.length) {
        const grown = new Int32Array(this.offsets.length * 2);
        grown.set(this.offsets);
        this.offsets = grown;
      }
      const k = this.count++ * 4;
      this.offsets[k] = ns;
      this.offsets[k + 1] = ne;
      this.offsets[k + 2] = i + 1;
      this.offsets[k + 3] = close;
      i = close + 1;
      b = buf[i];
      if (b !== undefined && b !== GT && b !== SLASH && b !== 0x20 && b !== 0x0a && b !== 0x09 && b !== 0x0d) throw malformed(this.file);
    }
  }

  /** Index into offsets of the attribute with this qualified name, or (`local`) any prefixed one with this local name. */
  private find(name: string, local: boolean): number {
    const { buf, offsets } = this;
    const end = this.count * 4;
    for (let k = 0; k < end; k += 4) {
      const ns = offsets[k] as number;
      const ne = offsets[k + 1] as number;
      let s = ns;
      if (local) {
        const colon = buf.indexOf(COLON, ns);
        if (colon < 0 || colon >= ne) continue;
        s = colon + 1;
      }
      if (ne - s !== name.length) continue;
      let same = true;
      for (let j = 0; j < name.length && same; j++) same = buf[s + j] === name.charCodeAt(j);
      if (same) return k;
    }
    return -1;
  }

  /** An attribute's value as text (decoded), or undefined. */
  attr(name: string, local = false): string | undefined {
    const k = this.find(name, local);
    if (k < 0) return undefined;
    return xmlAttribute(this.buf.toString('utf8', this.offsets[k + 2], this.offsets[k + 3]), this.file);
  }

  /** A non-negative integer attribute read straight from the bytes, or undefined if absent or not all digits. */
  int(name: string): number | undefined {
    const k = this.find(name, false);
    if (k < 0) return undefined;
    const s = this.offsets[k + 2] as number;
    const e = this.offsets[k + 3] as number;
    let n = 0;
    for (let i = s; i < e; i++) {
      const d = (this.buf[i] ?? 0) - 0x30;
      if (d < 0 || d > 9) return undefined;
      n = n * 10 + d;
    }
    return e > s ? n : undefined;
  }

  /** Whether the tag has this attribute (qualified name). */
  has(name: string): boolean {
    return this.find(name, false) >= 0;
  }
}

/** Feeds chunks of one XML part to a handler. */
export class XmlTokens {
  private carry: Buffer = EMPTY;
  private readonly stack: string[] = [];
  private readonly tag: Tag;
  private started = false;

  /** `maxPending`: the longest run of bytes (text or tag) kept while waiting for its end, then a LimitError. */
  constructor(
    private readonly handler: XmlHandler,
    private readonly maxPending: number,
    private readonly file = '.xlsx',
  ) {
    this.tag = new Tag(file);
  }

  push(chunk: Buffer): void {
    let buf = chunk;
    if (!this.started) {
      buf = this.checkStart(buf);
      if (!this.started) return;
    }
    if (this.carry.length > 0) buf = Buffer.concat([this.carry, buf]);
    const stop = this.run(buf);
    this.carry = stop < buf.length ? buf.subarray(stop) : EMPTY;
    if (this.carry.length > this.maxPending) throw new LimitError('cell', `A cell or tag in the ${this.file} file holds more than ${this.maxPending} bytes. Split the text over continuation rows, then upload again.`);
  }

  /** The part has ended: anything left open is not well-formed. */
  end(): void {
    let rest = this.carry;
    if (!this.started) {
      this.started = true;
      rest = rest.subarray(this.run(rest));
    }
    for (let i = 0; i < rest.length; i++) if (!isSpace(rest[i] ?? 0)) throw malformed(this.file);
    if (this.stack.length > 0) throw malformed(this.file);
  }

  /** UTF-8 only (a UTF-16 part would hide its DTD from the byte scans); a UTF-8 byte order mark is skipped. */
  private checkStart(chunk: Buffer): Buffer {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    if (buf.length < 3) {
      this.carry = Buffer.from(buf);
      return EMPTY;
    }
    this.carry = EMPTY;
    this.started = true;
    if (buf[0] === 0 || buf[1] === 0 || (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
      throw damaged('xml-encoding', 'an XML part is not UTF-8', this.file);
    }
    return buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  }

  /** Handles every complete token in buf; returns where the first incomplete one starts. */
  private run(buf: Buffer): number {
    const { handler } = this;
    const n = buf.length;
    let pos = 0;
    while (pos < n) {
      if (buf[pos] !== LT) {
        // Most text in a sheet is a few bytes (a number, a string's index): a loop finds its end sooner than a call
        // into indexOf, which takes over for longer text.
        let lt = pos + 1;
        const near = Math.min(n, pos + 32);
        while (lt < near && buf[lt] !== LT) lt++;
        if (lt === near) lt = near < n ? buf.indexOf(LT, near) : -1;
        if (handler.wantsText) {
          if (lt < 0) return pos;
          if (handler.wantsBytes === true) handler.bytes?.(buf, pos, lt);
          else handler.text(xmlText(utf8(buf, pos, lt), this.file));
        } else if (this.stack.length === 0) {
          // Outside the root only whitespace may stand.
          for (let i = pos, e = lt < 0 ? n : lt; i < e; i++) if (!isSpace(buf[i] ?? 0)) throw malformed(this.file);
        }
        if (lt < 0) return n;
        pos = lt;
      }
      const next = buf[pos + 1];
      if (next === undefined) return pos;
      if (next === SLASH) {
        let gt = pos + 2;
        while (gt < n && buf[gt] !== GT) gt++;
        if (gt >= n) return pos;
        let e = gt;
        while (e > pos + 2 && isSpace(buf[e - 1] ?? 0)) e--;
        const name = localName(buf, pos + 2, e);
        if (this.stack.pop() !== name) throw malformed(this.file);
        handler.close(name);
        pos = gt + 1;
      } else if (next === BANG || next === QUESTION) {
        const after = this.special(buf, pos, next);
        if (after < 0) return pos;
        pos = after;
      } else {
        let ne = pos + 1;
        for (let b = buf[ne]; b !== undefined && b !== GT && b !== SLASH && b !== 0x20 && b !== 0x0a && b !== 0x09 && b !== 0x0d; b = buf[++ne]) if (b === LT) throw malformed(this.file);
        if (ne >= n) return pos;
        if (ne === pos + 1) throw malformed(this.file);
        const gt = this.tag.scan(buf, ne);
        if (gt < 0) return pos;
        const empty = buf[gt - 1] === SLASH;
        const name = localName(buf, pos + 1, ne);
        if (!empty) {
          if (this.stack.length >= MAX_DEPTH) throw damaged('xml-depth', `an XML part nests elements more than ${MAX_DEPTH} deep`, this.file);
          this.stack.push(name);
        }
        handler.open(name, this.tag);
        if (empty) handler.close(name);
        pos = gt + 1;
      }
    }
    return n;
  }

  /** `<!-- … -->`, `<![CDATA[ … ]]>`, `<? … ?>`; a DOCTYPE or anything else after `<!` is refused. Returns the position after it, or -1. */
  private special(buf: Buffer, pos: number, next: number): number {
    if (next === QUESTION) {
      const e = buf.indexOf(PI_END, pos + 2);
      return e < 0 ? -1 : e + 2;
    }
    if (pos + 4 > buf.length) return -1;
    if (buf[pos + 2] === 0x2d && buf[pos + 3] === 0x2d) {
      const e = buf.indexOf(COMMENT_END, pos + 4);
      return e < 0 ? -1 : e + 3;
    }
    if (pos + 9 > buf.length) return -1;
    if (buf.compare(CDATA, 0, CDATA.length, pos + 2, pos + 2 + CDATA.length) === 0) {
      const e = buf.indexOf(CDATA_END, pos + 9);
      if (e < 0) return -1;
      if (this.handler.wantsText) this.handler.text(buf.toString('utf8', pos + 9, e).replace(/\r\n?/g, '\n'));
      return e + 3;
    }
    throw damaged('xml-dtd', 'an XML part declares a DTD or entities', this.file);
  }
}
