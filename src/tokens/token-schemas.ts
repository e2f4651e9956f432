// Request and response schemas of the tokens API.
import { z } from 'zod';
import { ROLE_BINDING, ROLES } from '../access/roles.js';

export const roleEnum = z.enum(ROLES);

export const createTokenBody = z
  .object({
    role: roleEnum,
    caseId: z.string().min(1).max(64).nullish(),
    agency: z.string().trim().min(1).max(200).nullish(),
    label: z.string().trim().min(1).max(200),
    expiresAt: z.iso.datetime({ offset: true }).nullish(),
  })
  .superRefine((t, ctx) => {
    const binding = ROLE_BINDING[t.role];
    if (binding.caseBound && !t.caseId) ctx.addIssue({ code: 'custom', path: ['caseId'], message: `a ${t.role} token needs a caseId` });
    if (!binding.caseBound && t.caseId) ctx.addIssue({ code: 'custom', path: ['caseId'], message: `a ${t.role} token is not tied to a case` });
    if (binding.agencyBound && !t.agency) ctx.addIssue({ code: 'custom', path: ['agency'], message: `a ${t.role} token needs an agency` });
    if (!binding.agencyBound && t.agency) ctx.addIssue({ code: 'custom', path: ['agency'], message: 'only author tokens have an agency' });
    if (t.expiresAt && Date.parse(t.expiresAt) <= Date.now()) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'is already past; a token must expire in the future' });
    }
  })
  .meta({ id: 'NewToken' });

export const tokenView = z.object({
  id: z.string(),
  role: roleEnum,
  caseId: z.string().nullable(),
  agency: z.string().nullable(),
  label: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
}).meta({ id: 'Token' });

export const createdToken = tokenView.extend({ token: z.string().describe('The secret; shown once, never again') }).meta({ id: 'CreatedToken' });

export const tokenParams = z.object({ id: z.string().min(1).max(64) });

export const tokenList = z.object({ tokens: z.array(tokenView) }).meta({ id: 'TokenList' });
