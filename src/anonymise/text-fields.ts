// The one list of an entry's text fields (DESIGN §5.8), and how each is read: the anonymiser and the check share it.
import type { FieldKind } from './pipeline.js';

/** Every free-text field of a timeline entry, in column order; `extra` columns are read as 'text' too. */
export const TEXT_FIELDS = ['source', 'professional', 'contact', 'event', 'outcome', 'comment'] as const;

export type TextField = (typeof TEXT_FIELDS)[number];

/** The professional column is always initialled; the contact column holds names; the rest is free text. */
export function fieldKindOf(field: TextField | 'extra'): FieldKind {
  if (field === 'professional') return 'professional';
  if (field === 'contact') return 'names';
  return 'text';
}
