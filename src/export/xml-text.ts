// Escapes text for XML element content and attribute values (the streamed xlsx and docx parts).

const CONTENT_SPECIAL = /[&<>]/;
const ATTR_SPECIAL = /[&<>"]/;

/** Text for element content: & < > escaped (the text is already free of characters XML cannot hold). */
export function xmlText(s: string): string {
  if (!CONTENT_SPECIAL.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text for a double-quoted attribute value. */
export function xmlAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  return xmlText(s).replace(/"/g, '&quot;');
}
