// The standard agency chronology template (xlsx and csv): header block, the columns, one example row, date validation.
import ExcelJS from 'exceljs';

export const TEMPLATE_COLUMNS = [
  { header: 'Date', width: 13 },
  { header: 'Time', width: 8 },
  { header: 'Source of evidence', width: 20 },
  { header: 'Name of professional', width: 22 },
  { header: 'Contact with', width: 20 },
  { header: 'Event description, actions taken, decisions made', width: 60 },
  { header: 'Action / Outcome', width: 30 },
  { header: 'Victim seen', width: 10 },
  { header: 'Comments', width: 30 },
] as const;

const EXAMPLE = [
  '01/01/2012',
  '17:00',
  'Incident log',
  'PC A. Officer',
  'Victim',
  'Example only — delete this row. Officers attended a report of a verbal argument; DASH risk assessment completed (standard risk).',
  'Referred to IDVA service',
  'Yes',
  'Example comment',
];

const GUIDANCE = [
  'Insert the date as per the example (dd/mm/yyyy) to allow merging with other agencies’ chronologies, and nothing else in the date column.',
  'If only the month or year is known, write mm/yyyy or yyyy. Put the time as hh:mm (24-hour) in the Time column.',
  'One contact per row. A long narrative may continue on the next row with the Date and Time left empty.',
  'Write names in full here; the service anonymises the combined chronology before publication.',
];

const HEADER_ROW = 8;
const DATA_ROWS = 2000;

export async function templateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DHR chronology service';
  const ws = wb.addWorksheet('Chronology', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  ws.columns = TEMPLATE_COLUMNS.map((c) => ({ width: c.width }));
  const font = { name: 'Arial', size: 11 };
  ws.getCell('A1').value = 'Comprehensive Agency Chronology';
  ws.getCell('A1').font = { ...font, bold: true, size: 14 };
  const block: [string, string][] = [
    ['Agency:', ''],
    ['Author (name and role):', ''],
    ['Review period:', ''],
    ['Date completed:', ''],
  ];
  block.forEach(([label], i) => {
    const cell = ws.getCell(2 + i, 1);
    cell.value = label;
    cell.font = { ...font, bold: true };
  });
  ws.getCell('A6').value = GUIDANCE.join(' ');
  ws.getCell('A6').font = { ...font, italic: true };
  ws.getCell('A6').alignment = { wrapText: true, vertical: 'top' };
  ws.mergeCells('A6:I6');
  ws.getRow(6).height = 45;
  const header = ws.getRow(HEADER_ROW);
  TEMPLATE_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...font, bold: true };
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  });
  const example = ws.getRow(HEADER_ROW + 1);
  example.values = [new Date(Date.UTC(2012, 0, 1)), ...EXAMPLE.slice(1)];
  example.getCell(1).numFmt = 'dd/mm/yyyy';
  example.eachCell((cell) => {
    cell.font = font;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  for (let r = HEADER_ROW + 1; r <= HEADER_ROW + DATA_ROWS; r++) {
    const date = ws.getCell(r, 1);
    date.numFmt = 'dd/mm/yyyy';
    date.dataValidation = {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [new Date(Date.UTC(1900, 0, 1))],
      showErrorMessage: true,
      errorTitle: 'Date',
      error: 'Type the date as dd/mm/yyyy, e.g. 01/01/2012.',
    };
    ws.getCell(r, 8).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Yes,No"'] };
  }
  const guide = wb.addWorksheet('Guidance');
  guide.getColumn(1).width = 110;
  ['How to complete this chronology', '', ...GUIDANCE].forEach((line, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = line;
    cell.font = { ...font, bold: i === 0 };
    cell.alignment = { wrapText: true };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvCell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** The csv template: UTF-8 with BOM and CRLF, the header row and the example row. */
export function templateCsv(): Buffer {
  const lines = [TEMPLATE_COLUMNS.map((c) => csvCell(c.header)).join(','), EXAMPLE.map(csvCell).join(',')];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
