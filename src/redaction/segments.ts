// Cuts what is checked into located pieces: timeline fields ("entry <id> event") or a document's paragraphs.
import type { TimelineEntry } from '../chronology/types.js';
import type { FieldKind } from '../anonymise/pipeline.js';
import { fieldKindOf, TEXT_FIELDS } from '../anonymise/text-fields.js';

export interface Segment {
  where: string;
  text: string;
  /** How the pipeline reads it (the professional column is always initialled). */
  field: FieldKind;
}

export function timelineSegments(entries: readonly TimelineEntry[]): Segment[] {
  const out: Segment[] = [];
  for (const e of entries) {
    for (const f of TEXT_FIELDS) {
      const text = e[f];
      if (text) out.push({ where: `entry ${e.id} ${f}`, text, field: fieldKindOf(f) });
    }
    for (const [header, text] of Object.entries(e.extra)) if (text) out.push({ where: `entry ${e.id} extra ${header}`, text, field: 'text' });
  }
  return out;
}

export function paragraphSegments(paragraphs: readonly string[], part = 'paragraph'): Segment[] {
  return paragraphs.flatMap((text, i) => (text.trim() ? [{ where: `${part} ${i + 1}`, text, field: 'text' as const }] : []));
}
