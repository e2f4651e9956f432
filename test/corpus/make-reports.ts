// Makes each report draft of the corpus (<case>.report*.json) into a real .docx with LibreOffice: `npm run corpus:reports`.
// The description becomes a flat ODF text document (headers, footers, footnotes, endnotes, comments, text boxes,
// tables, properties), which soffice converts as Word would save it. The .docx files are committed beside the JSON.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { CORPUS_DIR, parseMarked, type ReportBlock, type ReportDescription } from './load-corpus.js';
import { readdirSync } from 'node:fs';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Markup stripped, XML escaped, line breaks as ODF line breaks. */
const plain = (s: string): string => esc(parseMarked(s, 1000, 1000).text).replace(/\n/g, '<text:line-break/>');

let notes = 0;
let boxes = 0;

function block(b: ReportBlock): string {
  if ('heading' in b) return `<text:h text:outline-level="1">${plain(b.heading)}</text:h>`;
  if ('table' in b) {
    const cols = Math.max(...b.table.map((r) => r.length));
    const rows = b.table.map((r) => `<table:table-row>${Array.from({ length: cols }, (_, i) => `<table:table-cell office:value-type="string"><text:p>${plain(r[i] ?? '')}</text:p></table:table-cell>`).join('')}</table:table-row>`);
    return `<table:table table:name="Table${++notes}"><table:table-column table:number-columns-repeated="${cols}"/>${rows.join('')}</table:table>`;
  }
  if ('textbox' in b) {
    boxes += 1;
    return `<text:p><draw:frame draw:name="Box${boxes}" text:anchor-type="paragraph" svg:width="12cm" svg:height="3cm"><draw:text-box><text:p>${plain(b.textbox)}</text:p></draw:text-box></draw:frame></text:p>`;
  }
  const note = (cls: 'footnote' | 'endnote', text: string): string =>
    `<text:note text:id="n${++notes}" text:note-class="${cls}"><text:note-citation>${notes}</text:note-citation><text:note-body><text:p>${plain(text)}</text:p></text:note-body></text:note>`;
  const comment = b.comment
    ? `<office:annotation><dc:creator>Reviewer</dc:creator><dc:date>2024-01-10T10:00:00</dc:date><text:p>${plain(b.comment)}</text:p></office:annotation>`
    : '';
  return `<text:p>${comment}${plain(b.p)}${b.footnote ? note('footnote', b.footnote) : ''}${b.endnote ? note('endnote', b.endnote) : ''}</text:p>`;
}

function fodt(d: ReportDescription): string {
  notes = 0;
  boxes = 0;
  const p = d.properties ?? {};
  const meta = [
    p['title'] ? `<dc:title>${plain(p['title'])}</dc:title>` : '',
    p['subject'] ? `<dc:subject>${plain(p['subject'])}</dc:subject>` : '',
    p['author'] ? `<meta:initial-creator>${plain(p['author'])}</meta:initial-creator>` : '',
    p['lastModifiedBy'] ? `<dc:creator>${plain(p['lastModifiedBy'])}</dc:creator>` : '',
    p['keywords'] ? `<meta:keyword>${plain(p['keywords'])}</meta:keyword>` : '',
  ].join('');
  const lines = (xs: string[] | undefined): string => (xs ?? []).map((x) => `<text:p>${plain(x)}</text:p>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta>${meta}</office:meta>
 <office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/><style:header-style/><style:footer-style/></style:page-layout></office:automatic-styles>
 <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header>${lines(d.header)}</style:header><style:footer>${lines(d.footer)}</style:footer></style:master-page></office:master-styles>
 <office:body><office:text>${d.body.map(block).join('\n')}</office:text></office:body>
</office:document>`;
}

const work = mkdtempSync(join(tmpdir(), 'corpus-reports-'));
try {
  for (const split of ['dev', 'test']) {
    const dir = join(CORPUS_DIR, split);
    for (const file of readdirSync(dir).filter((f) => /\.report[^.]*\.json$/.test(f))) {
      const d = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ReportDescription;
      const name = basename(file, '.json');
      writeFileSync(join(work, `${name}.fodt`), fodt(d));
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, join(work, `${name}.fodt`)], { stdio: 'ignore' });
      renameSync(join(work, `${name}.docx`), join(dir, `${name}.docx`));
      console.log(`${split}/${name}.docx`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
