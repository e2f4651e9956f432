// The fixed parts of the chronology Word document as WordprocessingML text, and the paragraph and cell markup.
import { stripXmlInvalid } from './cell-safety.js';
import { xmlText } from './xml-text.js';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

// A4 in twips (portrait figures, swapped for landscape) and 2 cm margins.
const A4_WIDTH = 11906;
const A4_HEIGHT = 16838;
const MARGIN = 1134;
export const TEXT_WIDTH = A4_HEIGHT - 2 * MARGIN;

export function docxContentTypes(): string {
  const part = (name: string, type: string): string => `<Override PartName="/${name}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/>`;
  return `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    part('word/document.xml', 'wordprocessingml.document.main+xml') +
    part('word/styles.xml', 'wordprocessingml.styles+xml') +
    part('word/settings.xml', 'wordprocessingml.settings+xml') +
    part('word/footer1.xml', 'wordprocessingml.footer+xml') +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    part('docProps/app.xml', 'extended-properties+xml') +
    '</Types>';
}

export function docxPackageRels(): string {
  return `${HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="word/document.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/>` +
    '</Relationships>';
}

export function documentRels(): string {
  return `${HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId2" Type="${REL_NS}/settings" Target="settings.xml"/>` +
    `<Relationship Id="rId3" Type="${REL_NS}/footer" Target="footer1.xml"/>` +
    '</Relationships>';
}

export function docxCoreProps(title: string, at: Date): string {
  const when = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(stripXmlInvalid(title))}</dc:title><dc:creator>DHR chronology service</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>';
}

export function docxAppProps(): string {
  return `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>DHR chronology service</Application></Properties>`;
}

export function docxSettings(): string {
  return `${HEAD}<w:settings xmlns:w="${W_NS}"><w:updateFields w:val="false"/><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;
}

/** Arial 11 as the document default; Title and Heading 1 in black Arial. */
export function docxStyles(): string {
  const arial = '<w:rFonts w:ascii="Arial" w:cs="Arial" w:eastAsia="Arial" w:hAnsi="Arial"/>';
  const heading = (id: string, name: string, size: number): string =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
    `<w:pPr><w:keepNext/><w:spacing w:after="160"/></w:pPr><w:rPr>${arial}<w:b/><w:bCs/><w:color w:val="000000"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`;
  return `${HEAD}<w:styles xmlns:w="${W_NS}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${arial}<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>` +
    '<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="table" w:styleId="TableNormal" w:default="1"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' +
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    heading('Title', 'Title', 36) +
    heading('Heading1', 'heading 1', 28) +
    '</w:styles>';
}

/** The footer: 'Page n of m', right-aligned, 9 pt. */
export function docxFooter(): string {
  const rPr = '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>';
  const text = (t: string): string => `<w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>`;
  const field = (code: string): string =>
    `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rPr}<w:instrText xml:space="preserve"> ${code} </w:instrText></w:r>` +
    `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${rPr}<w:t>1</w:t></w:r><w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`;
  return `${HEAD}<w:ftr xmlns:w="${W_NS}" xmlns:r="${REL_NS}"><w:p><w:pPr><w:jc w:val="right"/></w:pPr>${text('Page ')}${field('PAGE')}${text(' of ')}${field('NUMPAGES')}</w:p></w:ftr>`;
}

export function documentStart(): string {
  return `${HEAD}<w:document xmlns:w="${W_NS}" xmlns:r="${REL_NS}"><w:body>`;
}

/** Landscape A4 with 2 cm margins and the page-number footer. */
export function documentEnd(): string {
  return '<w:sectPr><w:footerReference w:type="default" r:id="rId3"/>' +
    `<w:pgSz w:w="${A4_HEIGHT}" w:h="${A4_WIDTH}" w:orient="landscape"/>` +
    `<w:pgMar w:top="${MARGIN}" w:right="${MARGIN}" w:bottom="${MARGIN}" w:left="${MARGIN}" w:header="708" w:footer="708" w:gutter="0"/>` +
    '</w:sectPr></w:body></w:document>';
}

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
}

/** Runs for a text, keeping the author's line breaks (a run with a break before each later line). */
export function runs(text: string, style: RunStyle = {}): string {
  const rPr = style.bold || style.italics ? `<w:rPr>${style.bold ? '<w:b/><w:bCs/>' : ''}${style.italics ? '<w:i/><w:iCs/>' : ''}</w:rPr>` : '';
  const lines = stripXmlInvalid(text).split(/\r\n|\r|\n/);
  let xml = '';
  for (let i = 0; i < lines.length; i++) {
    xml += `<w:r>${rPr}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${xmlText(lines[i] ?? '')}</w:t></w:r>`;
  }
  return xml;
}

/** A paragraph of text; `style` a paragraph style id, `after` the spacing after it in twips. */
export function paragraph(text: string, opts: RunStyle & { style?: string; after?: number } = {}): string {
  const pPr = opts.style || opts.after !== undefined
    ? `<w:pPr>${opts.style ? `<w:pStyle w:val="${opts.style}"/>` : ''}${opts.after !== undefined ? `<w:spacing w:after="${opts.after}"/>` : ''}</w:pPr>`
    : '';
  return `<w:p>${pPr}${text === '' ? '' : runs(text, opts)}</w:p>`;
}

export const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

/** The start of a fixed-layout table with single borders, the given column widths and cell margins set once. */
export function tableStart(widths: readonly number[]): string {
  const border = (side: string): string => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`;
  return '<w:tbl><w:tblPr>' +
    `<w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/>` +
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>' +
    `</w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
}

/** A table cell holding paragraphs (an empty one still needs a paragraph). */
export function tableCell(paragraphsXml: string, width: number, fill?: string): string {
  const shade = fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>` : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shade}</w:tcPr>${paragraphsXml || '<w:p/>'}</w:tc>`;
}

/** A row; `header` repeats it at the top of each page, `keep` keeps it on one page. */
export function tableRow(cellsXml: string, opts: { header?: boolean; keep?: boolean } = {}): string {
  const trPr = opts.header || opts.keep ? `<w:trPr>${opts.keep ? '<w:cantSplit/>' : ''}${opts.header ? '<w:tblHeader/>' : ''}</w:trPr>` : '';
  return `<w:tr>${trPr}${cellsXml}</w:tr>`;
}
