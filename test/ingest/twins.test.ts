// The seed templates in every format agencies send: each .xls, .ods and .docx gives the entries of its .xlsx twin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/chronology/build-entries.js';
import type { EntryInput } from '../../src/chronology/types.js';
import { defaultLimits } from '../../src/ingest/limits.js';
import { buildUpload } from '../../src/ingest/read-upload.js';
import { FILES_DIR } from '../../fixtures/paths.js';

const build = (name: string): Promise<BuildResult> => buildUpload(readFileSync(join(FILES_DIR, name)), name, defaultLimits, {});

/**
 * What an entry says, without where it came from: `sheet` and `row` are the format's own (a Word table numbers its
 * rows from its header), and a date typed in Word is text where Excel held a date cell (`dateText`, `timeText`).
 */
const said = (e: EntryInput): unknown[] => [e.date, e.datePrecision, e.time, e.source, e.professional, e.contact, e.event, e.outcome, e.seen, e.comment, e.agency, e.extra];

describe.each([
  ['gm-police', 23],
  ['darlington-gp', 9],
])('%s', (base, count) => {
  it.each(['xls', 'ods', 'docx'])(`.%s gives the entries of ${base}.xlsx`, async (ext) => {
    const [twin, ours] = await Promise.all([build(`${base}.xlsx`), build(`${base}.${ext}`)]);
    if (!twin.ok || !ours.ok) throw new Error(`${base}: ${JSON.stringify(ours).slice(0, 300)}`);
    expect(ours.entries).toHaveLength(count);
    expect(ours.entries.map(said)).toEqual(twin.entries.map(said));
    if (ext === 'docx') {
      expect(ours.report).toMatchObject({ sheet: 'Table 2', headerRow: 1 });
    } else {
      // A spreadsheet keeps its sheet, row numbers and the report's mapping exactly.
      expect(ours.entries.map((e) => [e.sheet, e.row])).toEqual(twin.entries.map((e) => [e.sheet, e.row]));
      expect(ours.report).toEqual(twin.report);
    }
  });
});
