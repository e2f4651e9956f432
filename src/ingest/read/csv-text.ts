// A CSV upload's bytes as text: the encoding detected, NUL bytes refused, and the text handed over a piece at a time
// with every line break as LF, so parsing need not wait for the whole file to be decoded.
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { guessUtf16 } from '../detect-format.js';
import { UnreadableFileError, messages } from '../limits.js';

/** 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252', or another single-byte code page chardet is sure of. */
export type CsvEncoding = string;

/** How much of the start of the text the delimiter is sniffed from (and chardet reads, in bytes). */
export const SNIFF_CHARS = 65_536;
/** How much of the text is handed over at a time: about a millisecond's parsing. */
const PIECE_BYTES = 1 << 20;

/** Single-byte code pages chardet may name instead of Windows-1252 (e.g. a Polish author's 1250), if it is sure. */
const OTHER_CODE_PAGES = new Set(['windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1257', 'ISO-8859-2', 'ISO-8859-7', 'ISO-8859-9']);
const CHARDET_SURE = 60;

const nulError = (text: string, at: number): UnreadableFileError => {
  const line = text.slice(0, at).split('\n').length;
  return new UnreadableFileError('nul-byte', `The file contains a NUL byte near line ${line}, so it is not a plain CSV. ${messages.saveAgain}`);
};

/**
 * BOMs first (UTF-8, UTF-16 LE/BE); then BOM-less UTF-16 by its NUL pattern; then valid UTF-8; then chardet: another
 * Windows/ISO code page only when it is sure, otherwise Windows-1252 — Excel's "CSV (Comma delimited)" on UK Windows
 * (ISO-8859-1 guesses are read as 1252, which adds curly quotes, en dash and € in 0x80–0x9F).
 */
export function detectCsvEncoding(buf: Buffer): { encoding: CsvEncoding; bomLength: number } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = guessUtf16(buf);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  if (isUtf8(buf)) return { encoding: 'utf-8', bomLength: 0 };
  const top = chardet.analyse(buf.subarray(0, SNIFF_CHARS))[0];
  if (top && top.confidence >= CHARDET_SURE && OTHER_CODE_PAGES.has(top.name) && iconv.encodingExists(top.name)) {
    return { encoding: top.name, bomLength: 0 };
  }
  return { encoding: 'windows-1252', bomLength: 0 };
}

/** How many of the first `max` bytes of valid UTF-8 to take so as to end where a character does. */
function utf8Prefix(bytes: Buffer, max: number): number {
  if (max >= bytes.length) return bytes.length;
  let at = max;
  while (at > 0 && ((bytes[at] ?? 0) & 0xc0) === 0x80) at--;
  return at;
}

/** The bytes a piece at a time, one character per byte (latin1): a copy, where decoding UTF-8 is four times slower. */
function* bytePieces(bytes: Buffer, pieceBytes: number): Generator<string> {
  for (let start = 0; start < bytes.length; start += pieceBytes) yield bytes.toString('latin1', start, Math.min(bytes.length, start + pieceBytes));
}

const NON_ASCII = /[\x80-\xff]/;

/** UTF-8 bytes, one character each, as the text they are; ASCII is the same either way (and is not copied). */
const fromBytes = (bytes: string): string => (NON_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes);

const same = (text: string): string => text;

/**
 * Every line break as LF, as the whole text with CRLF then CR replaced would have them, across piece boundaries too:
 * a piece's last CR becomes LF at once, and an LF that opens the next piece was its CRLF's. No piece is empty.
 */
function* lineFeeds(raw: Iterable<string>): Generator<string> {
  let dropLf = false;
  for (const piece of raw) {
    let p: string = dropLf && piece.startsWith('\n') ? piece.slice(1) : piece;
    dropLf = p.endsWith('\r');
    if (p.includes('\r')) p = p.replaceAll('\r\n', '\n').replaceAll('\r', '\n');
    if (p.length > 0) yield p;
  }
}

export interface CsvText {
  /** The first SNIFF_CHARS characters as decoded, line breaks as written: what the delimiter is sniffed from. */
  head: string;
  /** The whole text without its BOM, a piece at a time, every line break as LF; for UTF-8, as its bytes (see csvText). */
  pieces(): Iterator<string>;
  /** The pieces are UTF-8 bytes, one character each: `decode` makes any run of them (a cell, the rest) text. */
  bytes: boolean;
  decode(raw: string): string;
}

/**
 * The text of a CSV; a NUL anywhere is refused (a binary file renamed .csv). Valid UTF-8 is handed over as its
 * bytes, one character each, which parse exactly as the decoded text does (a multi-byte character has no byte below
 * 0x80, so no delimiter, quote or line break is inside one): copying bytes is four times faster than decoding, and
 * cells of plain ASCII stay one-byte strings even in a file that has curly quotes elsewhere. Each cell is then
 * decoded alone (`decode`). Any other encoding is decoded whole and handed over as one piece (papaparse still hands
 * on each row as it reads it). `pieceBytes` only for tests.
 */
export function csvText(buf: Buffer, pieceBytes = PIECE_BYTES): CsvText {
  const { encoding, bomLength } = detectCsvEncoding(buf);
  const body = buf.subarray(bomLength);
  if (!encoding.startsWith('utf-16')) {
    const at = body.indexOf(0);
    if (at >= 0) throw nulError(body.toString('latin1'), at);
  }
  // Valid UTF-8 has a NUL character exactly where it has a 0 byte, which was refused just above. (A BOM is no
  // promise of valid UTF-8: decoded whole, bad bytes read as U+FFFD wherever the pieces would have been cut.)
  if (encoding === 'utf-8' && (bomLength === 0 || isUtf8(body))) {
    const head = body.toString('utf8', 0, utf8Prefix(body, SNIFF_CHARS * 4)).slice(0, SNIFF_CHARS);
    return { head, pieces: () => lineFeeds(bytePieces(body, pieceBytes)), bytes: true, decode: fromBytes };
  }
  const text = encoding === 'utf-8' ? body.toString('utf8') : iconv.decode(body, encoding);
  const at = text.indexOf('\0');
  if (at >= 0) throw nulError(text, at);
  return { head: text.slice(0, SNIFF_CHARS), pieces: () => lineFeeds([text]), bytes: false, decode: same };
}
