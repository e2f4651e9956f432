// UK day-first dates typed into the page (01/03/2013, 03/2013, 2013) → the API's ISO form; never month-first.

/** Returns yyyy-mm-dd, yyyy-mm or yyyy; null when the text is not a real UK date. `wholeDay` refuses partial dates. */
export function isoFromUk(text: string, wholeDay = false): string | null {
  const t = text.trim();
  const pad = (n: string) => n.padStart(2, '0');
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m?.[1] && m[2] && m[3]) {
    const iso = `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
    const d = new Date(`${iso}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isoFromUk(t.split('-').reverse().join('/'), wholeDay);
  if (wholeDay) return null;
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m?.[1] && m[2]) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `${m[2]}-${pad(m[1])}` : null;
  if (/^\d{4}$/.test(t)) return t;
  return null;
}
