// Tells the formats we read (xlsx, csv, xls, ods, docx) apart by their first bytes (the file name is only a hint) and
// names every format we refuse.
import { UnreadableFileError, UnsupportedFormatError, messages } from './limits.js';

export type ReadableFormat = 'xlsx' | 'csv' | 'xls' | 'ods' | 'docx';

const startsWith = (buf: Buffer, bytes: readonly number[], at = 0): boolean =>
  buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const utf16le = (s: string): Buffer => Buffer.from(s, 'utf16le');

const refuse = (format: string, what: string, advice = messages.saveAgain): never => {
  throw new UnsupportedFormatError(format, `This looks like ${what}. ${advice}`);
};

/** Binary signatures we recognise and refuse, most specific first. */
const SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; format: string; what: string; advice?: string }> = [
  { bytes: ascii('%PDF'), format: 'pdf', what: 'a PDF document', advice: 'Send the chronology as the Excel workbook it was written in (.xlsx) or as .csv.' },
  { bytes: ascii('{\\rtf'), format: 'rtf', what: 'a Rich Text (.rtf) document', advice: 'Copy the table into Excel and save it as .xlsx or .csv, then upload again.' },
  { bytes: ascii('MZ'), format: 'executable', what: 'a Windows program, not a spreadsheet', advice: 'Upload the chronology workbook (.xlsx) or a .csv.' },
  { bytes: [0x7f, ...ascii('ELF')], format: 'executable', what: 'a program, not a spreadsheet', advice: 'Upload the chronology workbook (.xlsx) or a .csv.' },
  { bytes: [0x89, ...ascii('PNG')], format: 'image', what: 'a PNG image', advice: 'Upload the chronology workbook (.xlsx) or a .csv, not a picture of it.' },
  { bytes: [0xff, 0xd8, 0xff], format: 'image', what: 'a JPEG image', advice: 'Upload the chronology workbook (.xlsx) or a .csv, not a picture of it.' },
  { bytes: ascii('GIF8'), format: 'image', what: 'a GIF image', advice: 'Upload the chronology workbook (.xlsx) or a .csv, not a picture of it.' },
  { bytes: ascii('II*\0'), format: 'image', what: 'a TIFF image (a scan?)', advice: 'Upload the chronology workbook (.xlsx) or a .csv, not a picture of it.' },
  { bytes: ascii('MM\0*'), format: 'image', what: 'a TIFF image (a scan?)', advice: 'Upload the chronology workbook (.xlsx) or a .csv, not a picture of it.' },
  { bytes: [0x1f, 0x8b], format: 'gzip', what: 'a compressed (.gz) archive', advice: 'Upload the workbook inside it (.xlsx) or a .csv.' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], format: '7z', what: 'a 7-Zip archive', advice: 'Upload the workbook inside it (.xlsx) or a .csv.' },
  { bytes: ascii('Rar!'), format: 'rar', what: 'a RAR archive', advice: 'Upload the workbook inside it (.xlsx) or a .csv.' },
];

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Legacy Office (OLE2 compound file): the directory names its streams in UTF-16LE. An encrypted xlsx or docx is an
 * OLE2 file holding an EncryptedPackage; an encrypted .xls is found by its reader.
 */
function detectOle2(buf: Buffer, hint: string): ReadableFormat {
  if (buf.includes(utf16le('EncryptedPackage'))) {
    return refuse('encrypted-office', 'a password-protected Office file', 'Remove the password (in Excel or Word: File › Info › Protect › Encrypt with Password, clear it), save it again, then upload again.');
  }
  if (buf.includes(utf16le('WordDocument'))) return refuse('doc', 'a legacy Word 97–2003 .doc document', 'Open it in Word and save it as .docx (Word Document), or copy the chronology table into Excel and save it as .xlsx, then upload again.');
  if (buf.includes(utf16le('Workbook')) || buf.includes(utf16le('Book')) || hint === 'xls') return 'xls';
  return refuse('ole2', 'a legacy Microsoft Office 97–2003 file');
}

const OLE2_HEAD = Buffer.from(OLE2);
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/**
 * Whether the file is one SheetJS reads (an OLE2 .xls or an .ods), told from its first bytes only, so the main thread
 * can choose the sandboxed worker for it without reading the whole file.
 */
export function readsWithSheetJs(buf: Buffer): boolean {
  if (buf.subarray(0, OLE2_HEAD.length).equals(OLE2_HEAD)) return true;
  return startsWith(buf, ascii('PK\x03\x04')) && buf.subarray(0, 256).toString('latin1').includes(ODS_MIME);
}

/** Zip-based formats: told apart by the entry names stored in plain text in the zip headers. */
function detectZip(buf: Buffer): ReadableFormat {
  const head = buf.subarray(0, 256).toString('latin1');
  const odf = /application\/vnd\.oasis\.opendocument\.(spreadsheet|text|presentation|graphics|chart|formula|database)/.exec(head);
  if (odf) {
    const kind = odf[1] ?? '';
    if (kind === 'spreadsheet') return 'ods';
    return refuse('odf', `an OpenDocument ${kind} file`, 'Copy the chronology table into a spreadsheet and save it as .xlsx or .csv, then upload again.');
  }
  const has = (name: string): boolean => buf.includes(name, 0, 'latin1');
  if (has('xl/workbook.xml')) return 'xlsx';
  if (has('xl/workbook.bin')) return refuse('xlsb', 'an Excel Binary Workbook (.xlsb)', 'Open it in Excel and save it as .xlsx (Excel Workbook) or .csv, then upload again.');
  if (has('word/document.xml')) return 'docx';
  if (has('word/')) return refuse('docx', 'a Word document without its main part', 'Open it in Word and save it again as .docx (Word Document), then upload again.');
  if (has('ppt/')) return refuse('pptx', 'a PowerPoint presentation', 'Upload the chronology workbook (.xlsx) or a .csv.');
  return refuse('zip', 'a zip archive, not an Excel workbook', 'Upload the workbook itself (.xlsx) or a .csv, not a zip of it.');
}

/** Text that is not a CSV: web pages and Excel 2003 XML, which systems often export under a .xls name. */
function refuseMarkup(buf: Buffer): void {
  const head = buf.subarray(0, 2048).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    refuse('xml-spreadsheet', 'an Excel 2003 XML spreadsheet');
  }
  if (head.startsWith('<html') || head.startsWith('<!doctype html') || head.startsWith('<table') || (head.startsWith('<?xml') && head.includes('<html'))) {
    refuse('html', 'a web page (HTML), perhaps exported from a case system with a spreadsheet name');
  }
}

/** UTF-16 without a BOM: nearly every other byte NUL (ASCII text), the rest mostly not. */
export function guessUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const sample = buf.subarray(0, 8192 - (Math.min(buf.length, 8192) % 2));
  if (sample.length < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const half = sample.length / 2;
  if (oddNul > half * 0.9 && evenNul < half * 0.1) return 'utf-16le';
  if (evenNul > half * 0.9 && oddNul < half * 0.1) return 'utf-16be';
  return null;
}

/** A few NULs among printable text is a damaged CSV; mostly control bytes is some binary format we do not know. */
function looksLikeText(buf: Buffer): boolean {
  const sample = buf.subarray(0, 8192);
  let control = 0;
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  return control <= sample.length * 0.01;
}

/** Detects the upload's format from its bytes; throws UnsupportedFormatError naming what it saw. */
export function detectFormat(buf: Buffer, fileName?: string): ReadableFormat {
  if (buf.length === 0) throw new UnreadableFileError('empty', 'The file is empty. Check you chose the right file, then upload again.');
  const hint = (/\.([a-z0-9]{1,5})$/i.exec(fileName ?? '')?.[1] ?? '').toLowerCase();

  if (startsWith(buf, OLE2)) return detectOle2(buf, hint);
  if (startsWith(buf, ascii('PK\x03\x04')) || startsWith(buf, ascii('PK\x05\x06'))) return detectZip(buf);
  for (const sig of SIGNATURES) if (startsWith(buf, sig.bytes)) refuse(sig.format, sig.what, sig.advice);
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) refuse('image', 'a WebP image', 'Upload the chronology workbook (.xlsx) or a .csv, not a picture of it.');

  // UTF-16 is text even though half its bytes are NUL.
  if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff]) || guessUtf16(buf)) return 'csv';
  if (!buf.includes(0) || looksLikeText(buf)) {
    refuseMarkup(buf);
    return 'csv'; // read/csv.ts refuses stray NUL bytes with a row number
  }
  return refuse('binary', 'a file that is neither an Excel workbook nor text');
}
