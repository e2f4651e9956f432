// What every view is given: the signed-in session, the case in hand, and a way to move between views.
import type { CaseRecord, Session } from './api-types.js';

export interface Ctx {
  session: Session;
  /** The case being worked on (the token's own case, or the one an administrator opened). */
  caseRecord: CaseRecord | null;
  selectCase(id: string): Promise<void>;
  refreshCase(): Promise<void>;
  go(view: string): void;
}

export interface View {
  id: string;
  /** Link text in the navigation. */
  title: string;
  roles: readonly Session['role'][];
  needsCase: boolean;
  /** Hide for authors unless the chair lets them see the merged timeline. */
  authorsOnlyIfAllowed?: boolean;
  render(container: HTMLElement, ctx: Ctx): Promise<void> | void;
}

export function caseIdOf(ctx: Ctx): string {
  if (!ctx.caseRecord) throw new Error('No case is open.');
  return ctx.caseRecord.id;
}

export const casePath = (ctx: Ctx, rest = ''): string => `/api/cases/${encodeURIComponent(caseIdOf(ctx))}${rest}`;
