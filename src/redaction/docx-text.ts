// Reads the paragraphs of a .docx (word/document.xml) safely: size-capped inflate, no DTDs, text runs only.
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { AppError } from '../errors.js';

const MAX_XML_BYTES = 50 * 1024 * 1024;
const MAX_RATIO = 100;

const unreadable = (): AppError =>
  new AppError(422, 'unreadable_file', 'The document could not be read. Save it again as .docx (Word Document) or paste the text instead.');

function open(buf: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => (err || !zip ? reject(unreadable()) : resolve(zip)));
  });
}

function findDocument(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: Entry) => (entry.fileName === 'word/document.xml' ? resolve(entry) : zip.readEntry()));
    zip.on('end', () => resolve(null));
    zip.on('error', () => reject(unreadable()));
    zip.readEntry();
  });
}

function inflate(zip: ZipFile, entry: Entry, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(unreadable());
      const chunks: Buffer[] = [];
      let total = 0;
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limit) {
          stream.destroy();
          reject(new AppError(413, 'too_large', 'The document is larger than the service reads.', { limit: 'inflated-size' }));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      stream.on('error', () => reject(unreadable()));
    });
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? '';
  });
}

/** The text of each paragraph, in order; tabs and breaks inside a paragraph become spaces and newlines. */
export function paragraphsOf(xml: string): string[] {
  if (/<!(doctype|entity)/i.test(xml)) throw unreadable();
  const out: string[] = [];
  for (const p of xml.split(/<\/w:p>/)) {
    const text = p
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<w:(br|cr)\/>/g, '\n')
      .match(/<w:t(?:\s[^>]*)?>[^<]*<\/w:t>|\t|\n/g)
      ?.map((run) => (run.startsWith('<') ? decode(run.replace(/<[^>]+>/g, '')) : run))
      .join('');
    if (text && text.trim()) out.push(text);
  }
  return out;
}

export async function docxParagraphs(buf: Buffer): Promise<string[]> {
  const zip = await open(buf);
  try {
    const entry = await findDocument(zip);
    if (!entry) throw unreadable();
    const limit = Math.min(MAX_XML_BYTES, Math.max(1024 * 1024, buf.length * MAX_RATIO));
    if (entry.uncompressedSize > limit) throw new AppError(413, 'too_large', 'The document is larger than the service reads.', { limit: 'inflated-size' });
    return paragraphsOf(await inflate(zip, entry, limit));
  } finally {
    zip.close();
  }
}
