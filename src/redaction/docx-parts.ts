// Reads a .docx whole for the publication check (DESIGN §6): body, tables, headers, footers, notes, comments, text boxes, properties.
import { defaultLimits } from '../ingest/limits.js';
import { SafeXmlParser } from '../ingest/safe-xml.js';
import { damaged } from '../ingest/xml-scan.js';
import { GuardedZip } from '../ingest/zip-guard.js';
import type { Segment } from './segments.js';

/** The parts read, in the order a reader meets them; `where` names each ('header1 paragraph 2', 'footnote 3'). */
const PART = /^(?:word\/(?:document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml|docProps\/(?:core|app|custom)\.xml)$/u;

/** The properties a report's author fills in or Word fills in for them, by element name (prefix dropped). */
const PROPERTY_ELEMENTS = new Set(['title', 'subject', 'creator', 'keywords', 'description', 'lastModifiedBy', 'category', 'Company', 'Manager', 'lpwstr', 'contentStatus']);

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

interface PartHandlers {
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  text(t: string): void;
}

/** Parses one part with the ingest's safe parser (no DTD, no entities, bounded depth), element names unprefixed. */
function parse(chunks: readonly Buffer[], handlers: PartHandlers): void {
  const parser = new SafeXmlParser(
    {
      open: (tag) => handlers.open(local(tag.name), tag.attributes),
      close: (tag) => handlers.close(local(tag.name)),
      text: (t) => handlers.text(t),
    },
    '.docx',
  );
  for (const chunk of chunks) parser.write(chunk);
  parser.end();
}

/**
 * The paragraphs of one WordprocessingML part. Text boxes (w:txbxContent) and deleted text of tracked changes
 * (w:delText: still in the file, and still published to anyone who opens it) are their own segments; a note or
 * comment is numbered as the reader sees it. Field codes (w:instrText) are not text; their results are.
 */
function wordSegments(part: string, xml: readonly Buffer[]): Segment[] {
  const label = part === 'document' ? 'body' : part;
  const out: Segment[] = [];
  const stack: { where: string; text: string }[] = [];
  let paragraphs = 0;
  let boxes = 0;
  let item = 0;
  let inText = false;
  let deleted = false;
  // Word writes a text box twice, as DrawingML and as a VML fallback: the fallback is skipped
  let fallback = 0;
  const current = (): { where: string; text: string } | undefined => stack[stack.length - 1];
  parse(xml, {
    open(name, attrs) {
      if (name === 'Fallback') fallback += 1;
      if (fallback > 0) return;
      if (name === 'footnote' || name === 'endnote' || name === 'comment') {
        const type = attrs['w:type'];
        if (type === 'separator' || type === 'continuationSeparator') item = -1;
        else item += 1;
      } else if (name === 'txbxContent') boxes += 1;
      else if (name === 'p') {
        paragraphs += 1;
        const inBox = boxes > 0 ? ` text box ${boxes}` : '';
        const where = part === 'footnotes' || part === 'endnotes' || part === 'comments'
          ? `${part.replace(/s$/u, '')} ${item}${inBox}`
          : `${label}${inBox} paragraph ${paragraphs}`;
        stack.push({ where, text: '' });
      } else if (name === 't') inText = true;
      else if (name === 'delText') {
        inText = true;
        deleted = true;
      } else if (name === 'tab') {
        const c = current();
        if (c) c.text += '\t';
      } else if (name === 'br' || name === 'cr') {
        const c = current();
        if (c) c.text += '\n';
      }
    },
    close(name) {
      if (name === 'Fallback') fallback -= 1;
      if (fallback > 0) return;
      if (name === 't' || name === 'delText') inText = false;
      else if (name === 'txbxContent') boxes = Math.max(0, boxes - 1);
      else if (name === 'p') {
        const p = stack.pop();
        if (p && p.text.trim()) out.push({ where: deleted ? `${p.where} (deleted text)` : p.where, text: p.text, field: 'text' });
        deleted = false;
      }
    },
    text(t) {
      const c = current();
      if (inText && c && fallback === 0) c.text += t;
    },
  });
  return out;
}

/** Document properties (core, app, custom): each value its own segment, named by its property. */
function propertySegments(xml: readonly Buffer[]): Segment[] {
  const out: Segment[] = [];
  let name: string | null = null;
  let custom: string | null = null;
  let text = '';
  parse(xml, {
    open(n, attrs) {
      if (n === 'property') custom = attrs['name'] ?? 'custom';
      if (PROPERTY_ELEMENTS.has(n)) {
        name = n === 'lpwstr' ? (custom ?? 'custom') : n;
        text = '';
      }
    },
    close(n) {
      if (name && PROPERTY_ELEMENTS.has(n)) {
        if (text.trim()) out.push({ where: `document properties: ${name}`, text, field: 'text' });
        name = null;
      }
    },
    text(t) {
      if (name) text += t;
    },
  });
  return out;
}

/**
 * Every readable piece of a .docx as located segments, for the check. The zip is opened by the ingest's guard (part
 * names, encryption, declared and actual inflated sizes) and each chosen part inflated under its limits.
 */
export async function docxSegments(buf: Buffer): Promise<Segment[]> {
  const zip = await GuardedZip.open(buf, defaultLimits, '.docx');
  try {
    const names = zip.parts.map((p) => p.name).filter((n) => PART.test(n));
    if (!names.includes('word/document.xml')) throw damaged('not-docx', 'it has no document part', '.docx');
    names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }));
    const out: Segment[] = [];
    for (const name of names) {
      const entry = zip.find(name);
      if (!entry) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of zip.inflate(entry, true)) chunks.push(chunk);
      out.push(...(name.startsWith('docProps/') ? propertySegments(chunks) : wordSegments(name.slice('word/'.length, -'.xml'.length), chunks)));
    }
    return out;
  } finally {
    zip.close();
  }
}

/** Properties, headers, the body, footers, then notes and comments. */
function rank(name: string): number {
  if (name.startsWith('docProps/')) return 0;
  if (name.startsWith('word/header')) return 1;
  if (name === 'word/document.xml') return 2;
  if (name.startsWith('word/footer')) return 3;
  return 4;
}
