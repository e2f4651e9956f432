// The swimlane timeline: one lane per agency across the period, a mark per entry (victim seen: a filled diamond;
// otherwise a ring; dated to the month or year only: a bar over that span), flagged entries under a triangle, gaps
// hatched. One tab stop: arrow keys move between marks and lanes, Enter opens the entry.
import type { TimelineEntry } from '../api-types.js';
import { agencyKey, dayScale, hatch, s, spanOf, yearTicks } from './svg.js';

export interface SwimlaneInput {
  lanes: readonly string[];
  entries: readonly TimelineEntry[];
  gaps: readonly { from: string; to: string; days: number }[];
  period: { from: string; to: string };
  /** Date and a short summary of an entry, in the names mode shown. */
  describe(e: TimelineEntry): string;
  /** Hover or focus on a mark. */
  onShow(e: TimelineEntry): void;
  /** Click or Enter on a mark. */
  onOpen(e: TimelineEntry): void;
}

const WIDTH = 1000;
const LEFT = 190;
const RIGHT = 12;
const TOP = 30;
const LANE = 40;

interface Mark {
  el: SVGGElement;
  entry: TimelineEntry;
  x: number;
  lane: number;
}

function shapeOf(e: TimelineEntry, x0: number, x1: number, y: number): SVGElement[] {
  const seen = e.seen === true;
  if (e.datePrecision !== 'day') {
    const w = Math.max(3, x1 - x0);
    return [
      s('rect', { x: x0 - 3, y: y - 8, width: w + 6, height: 16, class: 'mark__halo' }),
      s('rect', { x: x0, y: y - 3, width: w, height: 6, class: `mark__shape mark__shape--approx${seen ? ' mark__shape--seen' : ''}` }),
    ];
  }
  const x = (x0 + x1) / 2;
  const shape = seen
    ? s('path', { d: `M${x} ${y - 7}L${x + 7} ${y}L${x} ${y + 7}L${x - 7} ${y}Z`, class: 'mark__shape mark__shape--seen' })
    : s('circle', { cx: x, cy: y, r: 5, class: 'mark__shape' });
  return [s('circle', { cx: x, cy: y, r: 11, class: 'mark__halo' }), shape];
}

export function swimlane(input: SwimlaneInput): SVGSVGElement {
  const spans = input.entries.map((e) => spanOf(e.date));
  const review = { start: spanOf(input.period.from).start, end: spanOf(input.period.to).end };
  const d0 = Math.min(review.start, ...spans.map((p) => p.start));
  const d1 = Math.max(review.end, ...spans.map((p) => p.end));
  const x = dayScale(d0, d1, LEFT, WIDTH - RIGHT);
  const height = TOP + input.lanes.length * LANE + 8;
  const laneOf = new Map(input.lanes.map((a, i) => [agencyKey(a), i]));

  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'swimlane', role: 'group', 'aria-label': `Swimlane timeline: ${input.lanes.length} agencies, ${input.entries.length} entries. Use the arrow keys to move between entries, Enter to open one.` });
  svg.append(hatch('gap-hatch'));
  const bottom = TOP + input.lanes.length * LANE;
  input.lanes.forEach((agency, i) => {
    const y = TOP + i * LANE;
    svg.append(
      s('rect', { x: LEFT, y, width: WIDTH - RIGHT - LEFT, height: LANE, class: i % 2 ? 'swim__lane swim__lane--odd' : 'swim__lane' }),
      s('text', { x: LEFT - 8, y: y + LANE / 2 + 4, class: 'swim__label' }, agency.length > 26 ? `${agency.slice(0, 25)}…` : agency, agency.length > 26 ? s('title', {}, agency) : null),
    );
  });
  // outside the review period: a shaded band over the lanes; the period's edges drawn
  if (d0 < review.start) svg.append(s('rect', { x: LEFT, y: TOP, width: x(review.start) - LEFT, height: bottom - TOP, class: 'swim__outside' }));
  if (d1 > review.end) svg.append(s('rect', { x: x(review.end + 1), y: TOP, width: WIDTH - RIGHT - x(review.end + 1), height: bottom - TOP, class: 'swim__outside' }));
  for (const g of input.gaps) {
    const a = spanOf(g.from).start;
    const b = spanOf(g.to).end + 1;
    svg.append(s('rect', { x: x(a), y: TOP, width: Math.max(1, x(b) - x(a)), height: bottom - TOP, class: 'swim__gap' }, s('title', {}, `No contact from any agency for ${g.days} days`)));
  }
  for (const t of yearTicks(d0, d1)) {
    svg.append(s('line', { x1: x(t.day), x2: x(t.day), y1: TOP - 6, y2: bottom, class: 'swim__tick' }));
    if (x(t.day) + 32 < WIDTH) svg.append(s('text', { x: x(t.day) + 3, y: TOP - 10, class: 'swim__year' }, String(t.year)));
  }
  svg.append(s('line', { x1: x(review.start), x2: x(review.start), y1: TOP, y2: bottom, class: 'swim__edge' }), s('line', { x1: x(review.end + 1), x2: x(review.end + 1), y1: TOP, y2: bottom, class: 'swim__edge' }));

  const lanes: Mark[][] = input.lanes.map(() => []);
  input.entries.forEach((e, i) => {
    const lane = laneOf.get(agencyKey(e.agency));
    const span = spans[i];
    if (lane === undefined || !span) return;
    const y = TOP + lane * LANE + LANE / 2;
    const x0 = x(span.start);
    const x1 = x(span.end + 1);
    const flagged = e.flags.length > 0;
    const el = s('g', { class: `mark${flagged ? ' mark--flagged' : ''}`, tabindex: -1, role: 'button', 'data-entry': e.id, 'aria-label': input.describe(e) }, s('title', {}, input.describe(e)), ...shapeOf(e, x0, x1, y));
    if (flagged) {
      const cx = e.datePrecision === 'day' ? (x0 + x1) / 2 : x0;
      el.append(s('path', { d: `M${cx - 5} ${y - 17}L${cx + 5} ${y - 17}L${cx} ${y - 10}Z`, class: 'mark__flag' }));
    }
    lanes[lane]?.push({ el, entry: e, x: (x0 + x1) / 2, lane });
    svg.append(el);
  });
  for (const l of lanes) l.sort((a, b) => a.x - b.x);

  const all = lanes.flat();
  const first = lanes.find((l) => l.length > 0)?.[0];
  if (first) first.el.setAttribute('tabindex', '0');
  const find = (el: Element | null): Mark | undefined => all.find((m) => m.el === el?.closest('.mark'));
  const focus = (m: Mark | undefined): void => {
    if (!m) return;
    for (const o of all) o.el.setAttribute('tabindex', '-1');
    m.el.setAttribute('tabindex', '0');
    m.el.focus();
  };
  const nearest = (lane: number, x0: number, step: number): Mark | undefined => {
    for (let l = lane + step; l >= 0 && l < lanes.length; l += step) {
      const list = lanes[l] ?? [];
      if (list.length === 0) continue;
      return list.reduce((best, m) => (Math.abs(m.x - x0) < Math.abs(best.x - x0) ? m : best));
    }
    return undefined;
  };
  svg.addEventListener('keydown', (ev) => {
    const m = find(ev.target as Element);
    if (!m) return;
    const list = lanes[m.lane] ?? [];
    const i = list.indexOf(m);
    const moves: Record<string, () => Mark | undefined> = {
      ArrowRight: () => list[i + 1],
      ArrowLeft: () => list[i - 1],
      Home: () => list[0],
      End: () => list[list.length - 1],
      ArrowDown: () => nearest(m.lane, m.x, 1),
      ArrowUp: () => nearest(m.lane, m.x, -1),
    };
    const move = moves[ev.key];
    if (move) {
      ev.preventDefault();
      focus(move() ?? m);
    } else if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      input.onOpen(m.entry);
    }
  });
  svg.addEventListener('focusin', (ev) => {
    const m = find(ev.target as Element);
    if (m) input.onShow(m.entry);
  });
  svg.addEventListener('mouseover', (ev) => {
    const m = find(ev.target as Element);
    if (m) input.onShow(m.entry);
  });
  svg.addEventListener('click', (ev) => {
    const m = find(ev.target as Element);
    if (m) {
      focus(m);
      input.onOpen(m.entry);
    }
  });
  return svg;
}
