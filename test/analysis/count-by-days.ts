// An independent count for the analysis tests: every day of the period walked one by one with Date objects, and
// entries bucketed by the text of their date, with none of the analysis module's code.

export interface Contact {
  agency: string;
  /** ISO at its precision: yyyy-mm-dd, yyyy-mm or yyyy. */
  date: string;
  seen: boolean | null;
}

export function countByDays(entries: readonly Contact[], from: string, to: string, gapDays: number) {
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
  const contact = new Set(entries.filter((x) => x.date.length === 10).map((x) => x.date));
  const gaps: [string, string, number][] = [];
  let run: string[] = [];
  for (const d of [...days, 'end']) {
    if (d !== 'end' && !contact.has(d)) run.push(d);
    else {
      if (run.length > gapDays) gaps.push([run[0] as string, run[run.length - 1] as string, run.length]);
      run = [];
    }
  }
  /** `agency|yyyy-mm` → [contacts, seen, approximate]. */
  const monthly = new Map<string, [number, number, number]>();
  for (const x of entries) {
    if (x.date.length === 4 || x.date.slice(0, 7) < from.slice(0, 7) || x.date.slice(0, 7) > to.slice(0, 7)) continue;
    if (x.date.length === 10 && (x.date < from || x.date > to)) continue;
    const k = `${x.agency}|${x.date.slice(0, 7)}`;
    const c = monthly.get(k) ?? [0, 0, 0];
    c[0]++;
    if (x.seen === true) c[1]++;
    if (x.date.length === 7) c[2]++;
    monthly.set(k, c);
  }
  return { gaps, monthly };
}
