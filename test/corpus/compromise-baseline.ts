// The baseline the names pipeline must beat: compromise's .people() over the same text, as spans.
import nlp from 'compromise';

interface OffsetJson {
  offset?: { start?: unknown; length?: unknown };
}

export function compromisePeople(text: string): Array<{ start: number; end: number }> {
  // compromise types .json() loosely; the shape read here is checked field by field.
  const found = nlp(text).people().json({ offset: true, terms: { offset: false } }) as unknown;
  if (!Array.isArray(found)) return [];
  const spans: Array<{ start: number; end: number }> = [];
  for (const item of found as OffsetJson[]) {
    const start = item.offset?.start;
    const length = item.offset?.length;
    if (typeof start === 'number' && typeof length === 'number') spans.push({ start, end: start + length });
  }
  return spans;
}
