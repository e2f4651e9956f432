// The export benchmarks' synthetic agency entries, and the XLSX baseline: a plain exceljs streaming write of 100 000 of them.
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { EntryInput } from '../src/chronology/types.js';
import { measure, report } from './measure.js';

const AGENCIES = 20;
const PER_AGENCY = 5000;

const OPENINGS = ['Officers attended', 'Telephone call from', 'Home visit to', 'Letter received from', 'Seen in clinic with', 'Email from', 'Strategy discussion about', 'Referral received for'];
const MIDDLES = ['the address after a neighbour reported shouting', 'the victim about rent arrears and the tenancy', 'the children and their school attendance', 'injuries described as bruising to the arm', 'a breach of bail conditions reported by the victim', 'the safety plan and a code word with her sister', 'concerns raised by the health visitor at the last visit', 'missed appointments and medication not collected'];
const ENDINGS = ['DASH completed and graded medium risk.', 'No further action recorded.', 'Referred to the IDVA service.', 'MARAC referral considered but not made.', 'Case closed on the system.', 'Follow-up booked in two weeks.', 'Information shared with children’s social care.', 'Sarah Thompson said Mark Reid had left.'];

const WORDS = `address arrears assessment bail benefits bruising call carer child clinic concern contact counselling court curfew
custody debt disclosure doctor email eviction family finance friend health hospital housing injury interview letter medication
meeting mental money mother neighbour nursery officer partner phone pregnancy prison probation refuge relationship rent
report review risk safety school shelter sister support tenancy text threat visit warning weekend witness work worry`.split(/\s+/);

/** A small seeded generator, so every run measures the same data. */
function rng(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    // The low bits of this generator repeat quickly; the high ones do not.
    return (x >>> 12) % n;
  };
}

/**
 * Entries like a real agency's: varied narratives (about 1 in 100 also recorded by another agency, so the
 * duplicate flags have work to do, as they would in a real case), some untimed, spread over three years.
 */
export function syntheticEntries(agency: number, n: number): EntryInput[] {
  const r = rng(agency + 1);
  return Array.from({ length: n }, (_, i) => {
    const shared = i % 100 === 0;
    const pick = shared ? rng(i)(1000) : r(1_000_000);
    const day = shared ? (i % 28) + 1 : r(28) + 1;
    const month = shared ? ((i >> 5) % 12) + 1 : r(12) + 1;
    const year = shared ? 2012 + ((i >> 9) % 3) : 2012 + r(3);
    const untimed = shared ? i % 3 === 0 : r(3) === 0;
    return {
      date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      datePrecision: 'day',
      time: untimed ? null : shared ? '10:00' : `${String(8 + r(12)).padStart(2, '0')}:${String(r(60)).padStart(2, '0')}`,
      source: `Record system ${agency}`,
      professional: `Officer ${r(50)}`,
      contact: 'Adult A',
      event: `${OPENINGS[pick % 8] ?? ''} ${MIDDLES[(pick >> 3) % 8] ?? ''}. ${ENDINGS[(pick >> 6) % 8] ?? ''}${shared ? '' : ` Noted: ${Array.from({ length: 12 }, () => WORDS[r(WORDS.length)]).join(' ')}.`}`,
      outcome: r(4) === 0 ? 'No further action' : null,
      seen: r(2) === 0,
      comment: null,
      agency: null,
      extra: {},
      sheet: 'Chronology',
      row: i + 2,
      dateText: null,
      timeText: null,
    };
  });
}

/** The baseline: exceljs's streaming writer with the same 100 000 rows and columns, to a sink. */
export async function plainXlsxWrite(): Promise<void> {
  const rows = Array.from({ length: AGENCIES }, (_, a) => syntheticEntries(a, PER_AGENCY)).flat();
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      bytes += chunk.length;
      cb();
    },
  });
  report(
    await measure('plain exceljs streaming write, same rows', async () => {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: true });
      const ws = wb.addWorksheet('Combined chronology');
      for (const e of rows) ws.addRow([e.date, e.time, `Agency`, e.source, e.professional, e.contact, e.event, e.outcome, e.seen ? 'Yes' : 'No', e.comment, '']).commit();
      ws.commit();
      await wb.commit();
      return { rows: rows.length, bytes };
    }),
  );
}
