// The words before a name, read from the end of the text: the same answers as the plain patterns on the whole window.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { hasCueBefore, isShouting, RELATIONSHIP_CUES, wordBefore } from '../../../src/anonymise/names/name-context.js';

// the patterns as they were run on the 40 characters before the name
const WORD_BEFORE = /([\p{L}][\p{L}'’-]*)[\s,]*$/u;
const TWO_WORDS_BEFORE = /([\p{L}][\p{L}'’-]*)\s+([\p{L}][\p{L}'’-]*)[\s,]*$/u;

function reference(text: string, start: number): { word: string | null; cue: boolean } {
  const slice = text.slice(Math.max(0, start - 40), start);
  const one = WORD_BEFORE.exec(slice);
  const m = TWO_WORDS_BEFORE.exec(slice) ?? one;
  let cue = false;
  if (m) {
    const last = (m[2] ?? m[1] ?? '').toLowerCase().replace(/['’]s$/, '');
    cue = last === 'as' ? m[2] !== undefined && (m[1] ?? '').toLowerCase() === 'known' : RELATIONSHIP_CUES.has(last);
  }
  return { word: one?.[1] ? one[1].toLowerCase() : null, cue };
}

describe('words before a name', () => {
  it.each([
    ['her partner Gary', 11],
    ['known as Baz', 9],
    ['son, Kyle', 5],
    ['the victim’s mother Dawn', 20],
    ['Siobhán’s ex-partner Kyle', 21],
    ['rang.  ', 7],
    ['', 0],
  ])('%j before %i', (text, start) => {
    expect({ word: wordBefore(text, start), cue: hasCueBefore(text, start) }).toEqual(reference(text, start));
  });

  const piece = fc.constantFrom('her', 'partner', 'known', 'as', 'son', 'ex-partner', "victim's", 'victim’s', 'Siobhán', 'é', 'mother', 'x', '-', "'", ',', ' ', '  ', '\t', '\n', '.', '(', '1', '\u00a0', ' , ');
  test.prop([fc.array(piece, { maxLength: 30 }), fc.nat()])('match the plain patterns on the whole window', (pieces, at) => {
    const text = pieces.join('');
    const start = text.length === 0 ? 0 : at % (text.length + 1);
    expect({ word: wordBefore(text, start), cue: hasCueBefore(text, start) }).toEqual(reference(text, start));
  });
});

describe('isShouting', () => {
  const at = (text: string, word: string): [string, number, number] => [text, text.indexOf(word), text.indexOf(word) + word.length];

  it('reads a log in capitals as shouting, with or without the labels an anonymiser wrote', () => {
    expect(isShouting(...at('OFFICERS ATTENDED. V IN HOUSE. S STATES V "WENT OUT AT DAWN". V DECLINED.', 'DAWN'))).toBe(true);
    expect(isShouting(...at('OFFICERS ATTENDED. V [address]. S STATES V "WENT OUT AT DAWN". V DECLINED.', 'DAWN'), { labels: true })).toBe(true);
  });

  it('still does when its window cuts a label in two', () => {
    const text = 'OFFICERS ATTENDED AT [address]. S STATES V "WENT OUT ON HER OWN AT DAWN". V DECLINED [reference]';
    expect(isShouting(...at(text, 'DAWN'), { labels: true })).toBe(true);
    expect(isShouting(...at(text, 'DAWN'))).toBe(false);
  });

  it('does not in mixed case', () => {
    expect(isShouting(...at('Officers attended. She went out at DAWN with the dog.', 'DAWN'))).toBe(false);
  });
});
