// The check's reading of a Word document: every part, located; hostile files refused as the upload refuses them.
import { describe, expect, it } from 'vitest';
import { docxSegments } from '../../src/redaction/docx-parts.js';
import { DomainError } from '../../src/domain-error.js';
import { deepXmlDocx, docx, docxBomb, laughsDocx, p, xxeDocx } from '../../fixtures/hostile-office.js';

describe('docxSegments', () => {
  it('reads the body by paragraph, with line breaks', async () => {
    const segments = await docxSegments(docx(p('Summary.') + p('Seen at home\nby the GP.')));
    expect(segments).toEqual([
      { where: 'body paragraph 1', text: 'Summary.', field: 'text' },
      { where: 'body paragraph 2', text: 'Seen at home\nby the GP.', field: 'text' },
    ]);
  });

  it.each([
    ['a DTD with an external entity', xxeDocx()],
    ['billion laughs', laughsDocx()],
    ['elements nested past any real document', deepXmlDocx(5000)],
    ['a zip bomb whose headers lie', docxBomb({ lie: true })],
    ['a file that is no zip', Buffer.from('%PDF-1.7 not a document')],
  ])('refuses %s with a domain error (a 4xx)', async (_what, bytes) => {
    await expect(docxSegments(bytes)).rejects.toBeInstanceOf(DomainError);
  });
});
