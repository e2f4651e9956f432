// Opens a .docx's zip safely for the check: chosen parts only, each inflated under a size cap (no zip bombs).
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { AppError } from '../errors.js';

/** The most any one part may inflate to, and all of them together. */
const MAX_PART_BYTES = 50 * 1024 * 1024;
const MAX_TOTAL_BYTES = 100 * 1024 * 1024;
const MAX_RATIO = 100;

const unreadable = (): AppError =>
  new AppError(422, 'unreadable_file', 'The document could not be read. Save it again as .docx (Word Document) or paste the text instead.');
const tooLarge = (): AppError => new AppError(413, 'too_large', 'The document is larger than the service reads.', { limit: 'inflated-size' });

function open(buf: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => (err || !zip ? reject(unreadable()) : resolve(zip)));
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
          reject(tooLarge());
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      stream.on('error', () => reject(unreadable()));
    });
  });
}

/** The text of every entry `wanted` accepts, by name; an encrypted or broken file is refused with 422. */
export async function readZipParts(buf: Buffer, wanted: (name: string) => boolean): Promise<Map<string, string>> {
  const zip = await open(buf);
  const parts = new Map<string, string>();
  const limit = Math.min(MAX_PART_BYTES, Math.max(1024 * 1024, buf.length * MAX_RATIO));
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        if (!wanted(entry.fileName)) return zip.readEntry();
        if (entry.uncompressedSize > limit || total + entry.uncompressedSize > MAX_TOTAL_BYTES) return reject(tooLarge());
        total += entry.uncompressedSize;
        inflate(zip, entry, limit).then((text) => {
          parts.set(entry.fileName, text);
          zip.readEntry();
        }, reject);
      });
      zip.on('end', () => resolve());
      zip.on('error', () => reject(unreadable()));
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return parts;
}
