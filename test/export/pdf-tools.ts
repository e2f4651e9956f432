// Reads PDFs the way a reader's tools do: poppler's pdftotext, pdfinfo and pdftoppm, and a small PNG decoder.
import { execFile } from 'node:child_process';
import { inflateSync } from 'node:zlib';

function run(cmd: string, args: string[], input: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { encoding: 'buffer', maxBuffer: 512 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${err.message} ${stderr.toString('utf8')}`));
      else resolve(stdout);
    });
    child.stdin?.end(input);
  });
}

/** The text of each page (pdftotext; `raw`: in content-stream order, which is the order the writer drew it). */
export async function pdfPages(pdf: Buffer, opts: { raw?: boolean } = {}): Promise<string[]> {
  const out = await run('pdftotext', [...(opts.raw ? ['-raw'] : []), '-enc', 'UTF-8', '-', '-'], pdf);
  const pages = out.toString('utf8').split('\f');
  // pdftotext ends every page with a form feed, so the last piece is empty.
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** pdfinfo's fields (Pages, Page size, Title …). */
export async function pdfInfo(pdf: Buffer): Promise<Record<string, string>> {
  const out = (await run('pdfinfo', ['-'], pdf)).toString('utf8');
  return Object.fromEntries(out.split('\n').flatMap((l) => {
    const m = /^([^:]+):\s*(.*)$/.exec(l);
    return m ? [[m[1] ?? '', m[2] ?? '']] : [];
  }));
}

/** Page `n` rendered as PNG by pdftoppm at `dpi`. */
export function renderPng(pdf: Buffer, n: number, dpi = 40): Promise<Buffer> {
  return run('pdftoppm', ['-f', String(n), '-l', String(n), '-r', String(dpi), '-png', '-'], pdf);
}

export interface Bitmap {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes an 8-bit, non-interlaced grey, RGB or RGBA PNG (what pdftoppm writes). */
export function decodePng(png: Buffer): Bitmap {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const body = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs');
      channels = ({ 0: 1, 2: 3, 6: 4 } as Record<number, number>)[body[9] ?? -1] ?? 0;
      if (!channels) throw new Error(`colour type ${body[9]} not handled`);
    }
    if (type === 'IDAT') idat.push(body);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= channels ? (data[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (data[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (data[(y - 1) * stride + x - channels] ?? 0) : 0;
      const pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter] ?? 0;
      data[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, channels, data };
}

/** Share of pixels that are clearly not white (any channel below 200). */
export function inkShare(bmp: Bitmap): number {
  let ink = 0;
  const n = bmp.width * bmp.height;
  for (let i = 0; i < n; i++) {
    for (let ch = 0; ch < Math.min(3, bmp.channels); ch++) {
      if ((bmp.data[i * bmp.channels + ch] ?? 255) < 200) {
        ink++;
        break;
      }
    }
  }
  return ink / n;
}

/** Whitespace removed: wrapped lines and hyphen-free breaks compare equal to the text that was written. */
export const squash = (s: string): string => s.replace(/\s+/g, '');

/**
 * Everything a reader of the file can get at: each page's text in drawing order (so a cell's lines stay together) with
 * line breaks as spaces (so a name wrapped over two lines is still found), the document information and XMP metadata.
 */
export async function pdfAllText(pdf: Buffer): Promise<string> {
  const [pages, info, meta] = await Promise.all([pdfPages(pdf, { raw: true }), run('pdfinfo', ['-'], pdf), run('pdfinfo', ['-meta', '-'], pdf)]);
  return [...pages, info.toString('utf8'), meta.toString('utf8')].join('\n').replace(/\s+/g, ' ');
}
