// Checks an Office zip (xlsx, ods, docx) before anything reads it: entry count and names, declared and actual sizes,
// DTDs; and hands out its parts as guarded streams that count every inflated byte against the limits.
import { createInflateRaw } from 'node:zlib';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { LimitError, MiB, UnreadableFileError, messages } from './limits.js';
import { XmlScanner, damaged } from './xml-scan.js';
import type { IngestLimits } from './limits.js';
import { readWork } from './read-work.js';

export function entryName(entry: Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
}

/** `../x`, `/x`, `C:x` and NUL would escape a directory if anything ever extracted them: no office program writes them. */
function isUnsafeName(name: string): boolean {
  return /^[\\/]/.test(name) || /^[a-zA-Z]:/.test(name) || name.includes('\0') || name.split(/[\\/]/).includes('..');
}

export async function openZip(buf: Buffer, file = '.xlsx'): Promise<ZipFile> {
  try {
    return await yauzl.fromBufferPromise(buf, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, autoClose: false });
  } catch {
    throw damaged('corrupt-zip', 'its zip structure cannot be read', file);
  }
}

/** Inflated in 256 KiB chunks (zlib's default is 16 KiB, and each chunk is a round trip to the thread pool). */
const INFLATE_CHUNK = 256 * 1024;

/** An entry's bytes as they inflate; the raw stream's errors end the inflated one. */
export async function openInflated(zip: ZipFile, entry: Entry): Promise<Readable> {
  if (entry.compressionMethod !== 8) return zip.openReadStreamPromise(entry);
  const raw = await zip.openReadStreamPromise(entry, { decompress: false });
  const inflate = createInflateRaw({ chunkSize: INFLATE_CHUNK });
  raw.on('error', (err) => inflate.destroy(err));
  inflate.on('close', () => raw.destroy());
  return raw.pipe(inflate);
}

/**
 * An Office zip whose list of parts passed the checks (count, names, encryption, compression, declared sizes), with
 * each part readable as a stream of inflated chunks counted against the limits: a part that inflates past them, or
 * to another size than its header says, is refused as it inflates, so lying headers cannot get past. Generic: the
 * xlsx, ods and docx readers use it, and so may any reader of an Office file.
 */
export class GuardedZip {
  /** Bytes inflated so far, all parts together. */
  inflatedBytes = 0;

  private constructor(
    private readonly zip: ZipFile,
    readonly parts: ReadonlyArray<{ entry: Entry; name: string }>,
    private readonly fileBytes: number,
    private readonly limits: IngestLimits,
    /** The kind of file, for messages: '.xlsx', '.ods', '.docx'. */
    readonly file: string,
  ) {}

  static async open(buf: Buffer, limits: IngestLimits, file = '.xlsx'): Promise<GuardedZip> {
    const zip = await openZip(buf, file);
    try {
      if (zip.entryCount > limits.maxZipEntries) {
        throw new LimitError('zip-entries', `The ${file} file holds more than ${limits.maxZipEntries} parts; a real one holds a few dozen. ${messages.saveAgain}`);
      }
      const parts: Array<{ entry: Entry; name: string }> = [];
      try {
        for await (const entry of zip.eachEntry()) parts.push({ entry, name: entryName(entry) });
      } catch {
        throw damaged('corrupt-zip', 'its list of contents cannot be read', file);
      }
      let declared = 0;
      for (const { entry, name } of parts) {
        if (isUnsafeName(name)) throw damaged('unsafe-entry-name', 'it contains a part with an unsafe path', file);
        if (entry.isEncrypted()) throw damaged('encrypted-entry', 'a part is encrypted', file);
        if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw damaged('compression-method', 'a part uses an unknown compression', file);
        declared += entry.uncompressedSize;
      }
      const guarded = new GuardedZip(zip, parts, buf.length, limits, file);
      guarded.checkTotals(declared);
      return guarded;
    } catch (err) {
      zip.close();
      throw err;
    }
  }

  find(name: string): Entry | undefined {
    return this.parts.find((p) => p.name === name)?.entry;
  }

  private checkTotals(inflated: number): void {
    const { limits, file } = this;
    if (inflated > limits.maxInflatedBytes) {
      throw new LimitError('inflated-size', `The ${file} file unpacks to more than ${Math.round(limits.maxInflatedBytes / MiB)} MB. Remove pictures, other sheets and empty formatted rows, then upload again.`);
    }
    if (inflated > limits.maxRatio * Math.max(this.fileBytes, 1)) {
      throw new LimitError('compression-ratio', `The ${file} file unpacks to more than ${limits.maxRatio} times its size, which real files do not. ${messages.saveAgain}`);
    }
  }

  /**
   * A part's bytes as they inflate, each chunk counted against the limits before it is handed on; the part's actual
   * size is checked against its header at the end, or (`strict`) as soon as it inflates past it — for a reader that
   * parses the part as it comes, so a lying bomb is not parsed up to the limits first. Errors are LimitError or
   * UnreadableFileError.
   */
  async *inflate(entry: Entry, strict = false): AsyncGenerator<Buffer> {
    const { file } = this;
    let stream: Readable;
    try {
      stream = await openInflated(this.zip, entry);
    } catch {
      throw damaged('corrupt-zip', 'a part cannot be opened', file);
    }
    let actual = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        actual += chunk.length;
        this.inflatedBytes += chunk.length;
        readWork.inflatedBytes += chunk.length;
        this.checkTotals(this.inflatedBytes);
        if (strict && actual > entry.uncompressedSize) throw damaged('size-mismatch', 'a part is not the size its header says', file);
        yield chunk;
      }
    } catch (err) {
      if (err instanceof LimitError || err instanceof UnreadableFileError) throw err;
      throw damaged('corrupt-zip', 'a part cannot be unpacked', file);
    } finally {
      stream.destroy();
    }
    if (actual !== entry.uncompressedSize) throw damaged('size-mismatch', 'a part is not the size its header says', file);
  }

  close(): void {
    this.zip.close();
  }
}

/**
 * Inflates every part of an .ods (which SheetJS then inflates into memory): the limits as for an xlsx, and no DTD
 * in any XML part.
 */
export async function guardOds(buf: Buffer, limits: IngestLimits): Promise<void> {
  const zip = await GuardedZip.open(buf, limits, '.ods');
  try {
    if (!zip.find('content.xml')) throw damaged('not-ods', 'it has no content part', '.ods');
    for (const { entry, name } of zip.parts) {
      const scanner = /\.(xml|rdf)$/i.test(name) ? new XmlScanner('.ods') : null;
      for await (const chunk of zip.inflate(entry)) scanner?.push(chunk);
      scanner?.push(Buffer.alloc(0), true);
    }
  } finally {
    zip.close();
  }
}
