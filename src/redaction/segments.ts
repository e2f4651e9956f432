// Cuts what is checked into located pieces: timeline fields ("entry <id> event") or paragraphs ("paragraph 3").
import type { TimelineEntry } from '../chronology/types.js';

export interface Segment {
  where: string;
  text: string;
}

const FIELDS = ['source', 'professional', 'contact', 'event', 'outcome', 'comment'] as const;

export function timelineSegments(entries: readonly TimelineEntry[]): Segment[] {
  const out: Segment[] = [];
  for (const e of entries) {
    for (const f of FIELDS) {
      const text = e[f];
      if (text) out.push({ where: `entry ${e.id} ${f}`, text });
    }
    for (const [header, text] of Object.entries(e.extra)) if (text) out.push({ where: `entry ${e.id} extra`, text: `${header}: ${text}` });
  }
  return out;
}

export function paragraphSegments(paragraphs: readonly string[]): Segment[] {
  return paragraphs.flatMap((text, i) => (text.trim() ? [{ where: `paragraph ${i + 1}`, text }] : []));
}
