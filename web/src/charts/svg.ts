// SVG building for the page's charts: elements made through the DOM (no markup strings), days as numbers for scales.

type SvgAttrs = Record<string, string | number | null | undefined>;

const NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes and children; text children become text nodes. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: SvgAttrs = {}, ...children: (Node | string | null)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) if (c !== null) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO day. */
export function dayNumber(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS);
}

/** First and last day of an ISO date at day, month or year precision. */
export function spanOf(iso: string): { start: number; end: number } {
  if (iso.length === 10) return { start: dayNumber(iso), end: dayNumber(iso) };
  const y = Number(iso.slice(0, 4));
  if (iso.length === 7) {
    const m = Number(iso.slice(5, 7));
    return { start: Math.round(Date.UTC(y, m - 1, 1) / DAY_MS), end: Math.round(Date.UTC(y, m, 0) / DAY_MS) };
  }
  return { start: Math.round(Date.UTC(y, 0, 1) / DAY_MS), end: Math.round(Date.UTC(y, 11, 31) / DAY_MS) };
}

/** A linear scale from day numbers [d0, d1 + 1) to [x0, x1]. */
export function dayScale(d0: number, d1: number, x0: number, x1: number): (day: number) => number {
  const k = (x1 - x0) / Math.max(1, d1 + 1 - d0);
  return (day) => x0 + (day - d0) * k;
}

/** 1 January of every year in [d0, d1], as day numbers with their year. */
export function yearTicks(d0: number, d1: number): { day: number; year: number }[] {
  const out: { day: number; year: number }[] = [];
  const first = new Date(d0 * DAY_MS).getUTCFullYear();
  const last = new Date(d1 * DAY_MS).getUTCFullYear();
  for (let y = first; y <= last + 1; y++) {
    const day = Math.round(Date.UTC(y, 0, 1) / DAY_MS);
    if (day >= d0 && day <= d1 + 1) out.push({ day, year: y });
  }
  return out;
}

/** Agency names compared as the service compares them (case- and space-insensitively). */
export const agencyKey = (a: string): string => a.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The hatch pattern gaps are shaded with, so they read in grey scale and in print. */
export function hatch(id: string): SVGDefsElement {
  return s('defs', {}, s('pattern', { id, width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, s('rect', { width: 8, height: 8, class: 'hatch__bg' }), s('line', { x1: 0, y1: 0, x2: 0, y2: 8, class: 'hatch__line' })));
}
