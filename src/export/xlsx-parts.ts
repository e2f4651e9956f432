// The fixed parts of the timeline workbook as SpreadsheetML text: package parts, styles, workbook and agencies sheet.
import { safeXlsxText } from './cell-safety.js';
import type { ExportSubmission } from './export-context.js';
import { xmlText } from './xml-text.js';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Style indexes (cellXfs) written by xlsxStyles, in its order; `notes` is the default, unwrapped (a long line overflows). */
export const STYLE = { notes: 0, header: 1, text: 2, date: 3, dateTime: 4, number: 5, month: 6 } as const;

export const CHRONOLOGY_SHEET = 'Combined chronology';
export const AGENCIES_SHEET = 'Agencies';
export const CONTACTS_SHEET = 'Contacts by month';

export function contentTypes(): string {
  const sheet = (n: number): string =>
    `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  return `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    `${sheet(1)}${sheet(2)}${sheet(3)}` +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>';
}

export function packageRels(): string {
  return `${HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/>` +
    '</Relationships>';
}

export function workbookRels(): string {
  return `${HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${REL_NS}/worksheet" Target="worksheets/sheet2.xml"/>` +
    `<Relationship Id="rId3" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId4" Type="${REL_NS}/worksheet" Target="worksheets/sheet3.xml"/>` +
    '</Relationships>';
}

/** Title, creator and dates; the title is the case's, made safe. */
export function coreProps(title: string, at: Date): string {
  const when = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(safeXlsxText(title))}</dc:title><dc:creator>DHR chronology service</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>';
}

export function appProps(): string {
  return `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>DHR chronology service</Application></Properties>`;
}

/** Arial 11 throughout (no Calibri anywhere), bold header, wrapped top-aligned cells, text and UK date formats. */
export function xlsxStyles(): string {
  const font = (bold: boolean): string => `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="Arial"/><family val="2"/></font>`;
  const wrap = '<alignment wrapText="1" vertical="top"/>';
  const xf = (numFmt: number, fontId: number, align: boolean): string =>
    `<xf numFmtId="${numFmt}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmt ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${align ? ` applyAlignment="1">${wrap}</xf>` : '/>'}`;
  return `${HEAD}<styleSheet xmlns="${MAIN_NS}">` +
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/><numFmt numFmtId="166" formatCode="mmm yyyy"/></numFmts>' +
    `<fonts count="2">${font(false)}${font(true)}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    // In STYLE's order: default, header, text, date, date and time, number, month.
    `<cellXfs count="7">${xf(0, 0, false)}${xf(0, 1, true)}${xf(49, 0, true)}${xf(164, 0, true)}${xf(165, 0, true)}${xf(0, 0, true)}${xf(166, 0, true)}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>';
}

const quoted = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

/**
 * The workbook: the chronology, then its contacts by month, then the agencies (the parts sheet1, sheet3, sheet2:
 * the contacts sheet is written last, once the chronology's entries have been counted); the chronology's header row
 * printed on every page, its filter range.
 */
export function workbookXml(lastRow: number, lastColumn: string): string {
  const c = quoted(CHRONOLOGY_SHEET);
  return `${HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<bookViews><workbookView/></bookViews>' +
    `<sheets><sheet name="${CHRONOLOGY_SHEET}" sheetId="1" r:id="rId1"/><sheet name="${CONTACTS_SHEET}" sheetId="3" r:id="rId4"/>` +
    `<sheet name="${AGENCIES_SHEET}" sheetId="2" r:id="rId2"/></sheets>` +
    '<definedNames>' +
    `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${c}!$A$1:$${lastColumn}$${lastRow}</definedName>` +
    `<definedName name="_xlnm.Print_Titles" localSheetId="0">${c}!$1:$1</definedName>` +
    '</definedNames></workbook>';
}

/** The start of a worksheet: frozen first row, then the column widths (each column styled `colStyle` by default). */
export function sheetStart(widths: readonly number[], colStyle: number, fitToPage: boolean): string {
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" style="${colStyle}" customWidth="1"/>`).join('');
  return `${HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    (fitToPage ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
}

/** The end of a worksheet: the filter, landscape A4 fitted to the page width, and a printed page header. */
export function sheetEnd(filterRef: string, pageHeader?: string): string {
  const header = pageHeader ? `<headerFooter><oddHeader>${xmlText(`&L${pageHeader.replace(/&/g, '&&')}`)}</oddHeader></headerFooter>` : '';
  return `</sheetData><autoFilter ref="${filterRef}"/>` +
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>${header}</worksheet>`;
}

/** The letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** One inline text cell; empty text writes no cell (the column's style applies). */
export function textCell(ref: string, text: string, style: number): string {
  return text === '' ? '' : `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

export function numberCell(ref: string, value: number, style: number): string {
  return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
}

/** Day zero of Excel's 1900 date system for dates from 01/03/1900 on. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const FIRST_TRUE_SERIAL_DAY = Date.UTC(1900, 2, 1);

/** The serial of a UTC instant (a fraction for the time of day), or null before 01/03/1900 (written as text instead). */
export function excelSerial(at: Date): number | null {
  const ms = at.getTime();
  return Number.isNaN(ms) || ms < FIRST_TRUE_SERIAL_DAY ? null : (ms - EPOCH_1900) / 86_400_000;
}

const AGENCY_WIDTHS = [30, 10, 10, 18, 40];
const AGENCY_HEADERS = ['Agency', 'Version', 'Rows', 'Uploaded at', 'File name'];

/**
 * The agencies sheet: each submission with its version, rows, upload time and file name; below them, after a blank
 * row, `notes` one to a row (what the export states about itself: names mode, sign-off).
 */
export function agenciesSheet(submissions: readonly ExportSubmission[], notes: readonly string[] = []): string {
  let xml = sheetStart(AGENCY_WIDTHS, STYLE.text, false);
  xml += `<row r="1">${AGENCY_HEADERS.map((h, i) => textCell(`${'ABCDE'.charAt(i)}1`, h, STYLE.header)).join('')}</row>`;
  submissions.forEach((s, i) => {
    const r = i + 2;
    const at = excelSerial(new Date(s.uploadedAt));
    xml += `<row r="${r}">${textCell(`A${r}`, safeXlsxText(s.agency), STYLE.text)}${numberCell(`B${r}`, s.version, STYLE.number)}` +
      `${numberCell(`C${r}`, s.entries, STYLE.number)}${at === null ? textCell(`D${r}`, safeXlsxText(s.uploadedAt), STYLE.text) : numberCell(`D${r}`, at, STYLE.dateTime)}` +
      `${textCell(`E${r}`, safeXlsxText(s.fileName ?? ''), STYLE.text)}</row>`;
  });
  notes.forEach((note, i) => {
    const r = submissions.length + 3 + i;
    xml += `<row r="${r}">${textCell(`A${r}`, safeXlsxText(note), STYLE.notes)}</row>`;
  });
  return xml + sheetEnd('A1:E1');
}
