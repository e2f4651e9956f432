// Marks redaction findings inside the text they were found in, each labelled with its kind.
import { h } from '../dom.js';
import type { Finding } from '../api-types.js';

export const kindText: Record<Finding['kind'], string> = {
  'mapped-name': 'Name in the map',
  person: 'Possible name',
  'protected-term': 'Protected place',
  organisation: 'Organisation',
  phone: 'Phone number',
  email: 'Email address',
  postcode: 'Postcode',
  address: 'Address',
  'nhs-number': 'NHS number',
  'ni-number': 'NI number',
  vehicle: 'Vehicle registration',
  'date-of-birth': 'Date of birth',
  reference: 'Reference number',
};

export const kindLabel = (kind: Finding['kind']): string => kindText[kind];

/** A finding's place: "entry <id> <field>" in the timeline, or "paragraph <n>" (from 1) in a document. */
export interface Place {
  entryId: string | null;
  field: string | null;
  paragraph: number | null;
}

export function placeOf(where: Finding['where']): Place {
  const place: Place = { entryId: null, field: null, paragraph: null };
  const entry = /^entry\s+(\S+)\s+(\w+)/i.exec(where);
  const para = /^paragraph\s+(\d+)/i.exec(where);
  if (entry?.[1] && entry[2]) Object.assign(place, { entryId: entry[1], field: entry[2] });
  if (para?.[1]) place.paragraph = Number(para[1]);
  return place;
}

/** Where a finding is, in words; `entryLabel` names a timeline entry (date, agency, row) when known. */
export function describeWhere(where: Finding['where'], entryLabel?: (id: string) => string | null): string {
  const p = placeOf(where);
  if (p.paragraph !== null) return `Paragraph ${p.paragraph}`;
  if (p.entryId) {
    const label = entryLabel?.(p.entryId) ?? 'Entry';
    return p.field ? `${label}, ${p.field}` : label;
  }
  return where;
}

interface Range {
  start: number;
  end: number;
  kind: Finding['kind'];
}

/** Every place each finding's text occurs, overlaps dropped (earliest, then longest wins). */
function ranges(text: string, findings: Finding[]): Range[] {
  const found: Range[] = [];
  for (const f of findings) {
    if (!f.text) continue;
    let at = text.indexOf(f.text);
    while (at >= 0) {
      found.push({ start: at, end: at + f.text.length, kind: f.kind });
      at = text.indexOf(f.text, at + f.text.length);
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Range[] = [];
  for (const r of found) {
    const last = kept.at(-1);
    if (!last || r.start >= last.end) kept.push(r);
  }
  return kept;
}

/** The text with findings wrapped in <mark>, each followed by its kind; null if none occurs in it. */
export function highlighted(text: string, findings: Finding[]): HTMLElement | null {
  const rs = ranges(text, findings);
  if (rs.length === 0) return null;
  const out = h('p', { class: 'context-text' });
  let pos = 0;
  for (const r of rs) {
    if (r.start > pos) out.append(text.slice(pos, r.start));
    out.append(
      h('mark', { class: `finding finding--${r.kind}`, 'data-kind': r.kind }, text.slice(r.start, r.end)),
      h('span', { class: 'finding__kind' }, kindLabel(r.kind)),
    );
    pos = r.end;
  }
  if (pos < text.length) out.append(text.slice(pos));
  return out;
}

/** Paragraphs of a text, split on blank lines and numbered from 1 as the service numbers them. */
export function paragraphs(text: string): string[] {
  return text.split(/\r?\n\s*\r?\n/);
}
