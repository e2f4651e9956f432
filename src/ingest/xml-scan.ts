// Reads the XML parts of an Office zip as bytes while they inflate, before any parser sees them: refuses DTDs and
// entity declarations, and XML that is not UTF-8.
import { UnreadableFileError, messages } from './limits.js';

/** `file` names the kind of file in the message: '.xlsx' (the default), '.ods', '.docx'. */
export const damaged = (reason: string, what: string, file = '.xlsx'): UnreadableFileError =>
  new UnreadableFileError(reason, `The ${file} file is damaged or was not written by ${file === '.docx' ? 'Word' : 'a spreadsheet program'} (${what}). ${messages.saveAgain}`);

const CARRY = 64; // longer than any token scanned for (and the window read after it), so a token split over two chunks is seen exactly once
const LT = 0x3c;
const EMPTY = Buffer.alloc(0);
const DOCTYPE = Buffer.from('doctype');
const ENTITY = Buffer.from('entity');
const ROW = Buffer.from('row');

/** ASCII letters compared without case (bytes 0x41–0x5a and 0x61–0x7a only, as a non-Unicode /i pattern does). */
function hasWordAt(bytes: Buffer, at: number, lower: Buffer): boolean {
  if (at + lower.length > bytes.length) return false;
  for (let i = 0; i < lower.length; i++) if (((bytes[at + i] ?? 0) | 0x20) !== lower[i]) return false;
  return true;
}

const isWordByte = (b: number | undefined): boolean =>
  b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f);
/** `[\s>/]` on latin1 text: tab, LF, VT, FF, CR, space, NBSP, '>' and '/'. */
const isNameEnd = (b: number | undefined): boolean =>
  b !== undefined && ((b >= 0x09 && b <= 0x0d) || b === 0x20 || b === 0xa0 || b === 0x3e || b === 0x2f);

function nameAt(bytes: Buffer, at: number): 'row' | 'c' | null {
  if (hasWordAt(bytes, at, ROW) && isNameEnd(bytes[at + 3])) return 'row';
  if (((bytes[at] ?? 0) | 0x20) === 0x63 && isNameEnd(bytes[at + 1])) return 'c';
  return null;
}

/**
 * The token at a '<', byte for byte what `/<!(?:doctype|entity)|<(?:\w+:)?(row|c)[\s>/]/gi` matches there on the
 * latin1 text: a DTD, a (namespaced) row or cell element, or nothing. A match holds one '<', so each is seen once.
 */
export function tokenAt(bytes: Buffer, lt: number): 'dtd' | 'row' | 'c' | null {
  if (bytes[lt + 1] === 0x21) return hasWordAt(bytes, lt + 2, DOCTYPE) || hasWordAt(bytes, lt + 2, ENTITY) ? 'dtd' : null;
  let word = lt + 1;
  while (isWordByte(bytes[word])) word++;
  const prefixed = word > lt + 1 && bytes[word] === 0x3a ? nameAt(bytes, word + 1) : null;
  return prefixed ?? nameAt(bytes, lt + 1);
}
/** Scans one XML part chunk by chunk, as it inflates, for a DTD (or entity declaration) and a non-UTF-8 encoding. */
export class XmlScanner {
  private carry: Buffer = EMPTY;
  private started = false;
  constructor(private readonly file = '.xlsx') {}

  push(chunk: Buffer, final = false): void {
    this.checkStart(chunk);
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = final ? bytes.length : bytes.length - CARRY;
    for (let at = bytes.indexOf(LT); at >= 0 && at < end; at = bytes.indexOf(LT, at + 1)) {
      if (tokenAt(bytes, at) === 'dtd') throw damaged('xml-dtd', 'an XML part declares a DTD or entities', this.file);
    }
    this.carry = final ? EMPTY : Buffer.from(bytes.subarray(Math.max(0, end)));
  }

  private checkStart(chunk: Buffer): void {
    if (!this.started && chunk.length >= 2) {
      this.started = true;
      // UTF-16 XML would hide a DOCTYPE from a byte scan; Excel writes UTF-8 only.
      if (chunk[0] === 0 || chunk[1] === 0 || (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        throw damaged('xml-encoding', 'an XML part is not UTF-8', this.file);
      }
    }
  }
}
