// What an export says about itself on its first page: how names are shown, and whether a sign-off covers it.
import type { ExportContext, ExportSignOff } from './export-context.js';
import { formatDisplayDateTime } from './format-date.js';

/** The names mode in words; the real-names warning says plainly that the file must not be published. */
export function namesModeNote(mode: ExportContext['namesMode']): string {
  switch (mode) {
    case 'initials':
      return 'Names are anonymised: people are referred to by their initials and identifying details are removed.';
    case 'pseudonym':
      return 'Names are anonymised: people are referred to by the pseudonyms agreed with the family, or by initials, and identifying details are removed.';
    case 'real':
      return 'NOT ANONYMISED: this version contains real names and identifying details. It is for the review panel only and must not be published.';
  }
}

/** A short form of the names mode for running footers and page headers. */
export function namesModeShort(mode: ExportContext['namesMode']): string {
  return mode === 'real' ? 'REAL NAMES: not for publication' : `Anonymised (${mode})`;
}

const ROLE_WORDS: Record<string, string> = { chair: 'the chair', admin: 'an administrator' };

/** The role that signed, in words: a role only, never a person or a token. */
function signer(role: string): string {
  return ROLE_WORDS[role] ?? 'the review team';
}

/**
 * The sign-off state in words. A sign-off covers the anonymised timeline of every agency; a real-names export is
 * never covered, and the note says so whatever the state.
 */
export function signOffNote(signOff: ExportSignOff | undefined, mode: ExportContext['namesMode']): string {
  const realNames = mode === 'real' ? ' A sign-off never covers a real-names export such as this one.' : '';
  if (!signOff) return `Sign-off: not stated.${realNames}`;
  switch (signOff.state) {
    case 'not-shown':
      return `Sign-off: not shown in this export.${realNames}`;
    case 'none':
      return `Not signed off: the anonymised timeline has not been signed off for publication.${realNames}`;
    case 'holds':
      return `Signed off: the anonymised timeline was signed off for publication by ${signer(signOff.role)} on ${formatDisplayDateTime(new Date(signOff.at))}, and nothing it rests on has changed since.${realNames}`;
    case 'void':
      return `Not signed off: a sign-off by ${signer(signOff.role)} on ${formatDisplayDateTime(new Date(signOff.at))} no longer holds, because chronologies, the people map or decisions changed after it.${realNames}`;
  }
}

/** A short form of the sign-off state for page headers: empty where the export does not state it. */
export function signOffShort(signOff: ExportSignOff | undefined, mode: ExportContext['namesMode']): string {
  if (mode === 'real' || !signOff || signOff.state === 'not-shown') return '';
  switch (signOff.state) {
    case 'none':
      return 'Not signed off';
    case 'holds':
      return `Signed off ${formatDisplayDateTime(new Date(signOff.at))}`;
    case 'void':
      return 'Not signed off (an earlier sign-off no longer holds)';
  }
}

/** The lines every export states about itself: the names mode, then the sign-off state. */
export function exportStatusLines(ctx: Pick<ExportContext, 'namesMode' | 'signOff'>): [string, string] {
  return [namesModeNote(ctx.namesMode), signOffNote(ctx.signOff, ctx.namesMode)];
}
