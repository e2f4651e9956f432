// Contacts per month, one small bar chart per agency on one scale: a bar's height is the month's contacts, its dark
// part those where the victim was seen; each chart has a label saying what it shows (the table beside it has all).
import type { Analysis } from '../api-types.js';
import { s } from './svg.js';

const WIDTH = 1000;
const LEFT = 190;
const HEIGHT = 74;
const TOP = 8;
const BOTTOM = 18;

const ukMonth = (m: string): string => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

export function monthCharts(a: Analysis): SVGSVGElement[] {
  const agencies = a.agencies.map((x) => x.agency);
  const months = [...new Set(a.months.map((m) => m.month))];
  const max = Math.max(1, ...a.months.map((m) => m.contacts));
  const w = (WIDTH - LEFT - 8) / Math.max(1, months.length);
  const barH = (n: number): number => ((HEIGHT - TOP - BOTTOM) * n) / max;
  return agencies.map((agency) => {
    const rows = a.months.filter((m) => m.agency === agency);
    const total = rows.reduce((n, m) => n + m.contacts, 0);
    const busiest = rows.reduce<(typeof rows)[number] | undefined>((b, m) => (!b || m.contacts > b.contacts ? m : b), undefined);
    const label = `Contacts per month, ${agency}: ${total} in ${months.length} months${busiest && busiest.contacts > 0 ? `, most in ${ukMonth(busiest.month)} (${busiest.contacts})` : ''}.`;
    const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'month-chart', role: 'img', 'aria-label': label });
    const base = HEIGHT - BOTTOM;
    svg.append(s('line', { x1: LEFT, x2: WIDTH - 8, y1: base, y2: base, class: 'month-chart__axis' }), s('text', { x: LEFT - 8, y: base - 20, class: 'swim__label' }, agency.length > 26 ? `${agency.slice(0, 25)}…` : agency));
    svg.append(s('text', { x: LEFT - 8, y: base - 4, class: 'month-chart__max' }, `max ${max}`));
    rows.forEach((m) => {
      const i = months.indexOf(m.month);
      const x = LEFT + i * w + 1;
      const bw = Math.max(1, w - 2);
      const title = `${ukMonth(m.month)}: ${m.contacts} contacts, ${m.seen} victim seen${m.approximate ? `, ${m.approximate} dated to the month only` : ''}`;
      const g = s('g', { class: 'month-chart__bar' }, s('title', {}, title));
      if (m.contacts > 0) g.append(s('rect', { x, y: base - barH(m.contacts), width: bw, height: barH(m.contacts), class: 'bar' }));
      if (m.seen > 0) g.append(s('rect', { x, y: base - barH(m.seen), width: bw, height: barH(m.seen), class: 'bar bar--seen' }));
      if (m.month.endsWith('-01') || i === 0) svg.append(s('text', { x, y: HEIGHT - 4, class: 'swim__year' }, m.month.slice(0, 4)));
      svg.append(g);
    });
    return svg;
  });
}
