// Email addresses, including ones typed with spaces around the @ or with "(at)" / "[dot]" obfuscation.
import type { Span } from '../types.js';
import { CaselessRegExp } from './caseless.js';
import { makeSpan, matchesOf } from './identifier-span.js';

const EMAIL = /(?<![\w.%+'-])[\p{L}\d][\p{L}\d._%+'’-]*\s?@\s?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}(?![\p{L}\d])/gu;
const OBFUSCATED = new CaselessRegExp(
  String.raw`(?<![\w.-])[\p{L}\d][\p{L}\d._-]*\s?[([]\s?at\s?[)\]]\s?[\p{L}\d-]+(?:\s?(?:\.|[([]\s?dot\s?[)\]])\s?[\p{L}\d-]+)+(?![\p{L}\d])`,
  'giu',
);

export function detectEmails(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of matchesOf(EMAIL, text)) spans.push(makeSpan(text, 'email', m.index, m.index + m[0].length, 0.99));
  for (const m of matchesOf(OBFUSCATED.forText(text), text)) spans.push(makeSpan(text, 'email', m.index, m.index + m[0].length, 0.8));
  return spans;
}
