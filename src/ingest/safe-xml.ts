// A saxes parser set up for untrusted Office XML: a DTD (and with it any entity, internal or external) is refused
// before anything is read from it, and every well-formedness error ends the parse with a typed 422.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { StringDecoder } from 'node:string_decoder';
import { damaged, XmlScanner } from './xml-scan.js';

/** Elements open at once: Word nests a table in a cell with three (table, row, cell), so 100 nested tables need ~400. */
const MAX_DEPTH = 1000;

export interface XmlHandlers {
  open(tag: SaxesTagPlain): void;
  close(tag: SaxesTagPlain): void;
  text(text: string): void;
}

/**
 * Parses one XML part fed as UTF-8 chunks, refusing elements nested past MAX_DEPTH. Two guards stand before the handlers: the byte scan that refuses a DTD
 * or entity declaration and non-UTF-8 XML as soon as its chunk arrives (xml-scan.ts), and saxes itself, which
 * refuses a doctype and knows no entity beyond XML's five and character references. `file` names the file in
 * messages ('.docx' …).
 */
export class SafeXmlParser {
  private readonly parser = new SaxesParser({ xmlns: false, position: false });
  private readonly scanner: XmlScanner;
  private readonly decoder = new StringDecoder('utf8');

  constructor(handlers: XmlHandlers, file: string) {
    this.scanner = new XmlScanner(file);
    const parser = this.parser;
    parser.on('doctype', () => {
      throw damaged('xml-dtd', 'an XML part declares a DTD or entities', file);
    });
    parser.on('error', () => {
      throw damaged('malformed-xml', 'an XML part is not well-formed', file);
    });
    // saxes keeps every open element on a stack of its own: past a depth no document reaches, the file is refused.
    let depth = 0;
    parser.on('opentag', (tag) => {
      if (++depth > MAX_DEPTH) throw damaged('xml-depth', `an XML part nests elements more than ${MAX_DEPTH} deep`, file);
      handlers.open(tag);
    });
    parser.on('closetag', (tag) => {
      depth--;
      handlers.close(tag);
    });
    parser.on('text', (text) => handlers.text(text));
    parser.on('cdata', (text) => handlers.text(text));
  }

  write(chunk: Buffer): void {
    this.scanner.push(chunk);
    this.parser.write(this.decoder.write(chunk));
  }

  end(): void {
    this.scanner.push(Buffer.alloc(0), true);
    this.parser.write(this.decoder.end());
    this.parser.close();
  }
}
