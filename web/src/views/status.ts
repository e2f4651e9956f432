// Chair view: each agency's submission status, and whether authors may see the combined chronology.
import { api, messageOf } from '../api.js';
import { casePath, caseIdOf, type Ctx } from '../context.js';
import { announce, errorSummary, h, scroller, table, ukDate, ukDateTime } from '../dom.js';
import type { Submission, TokenView } from '../api-types.js';
import { loadSubmissions, renderVersions } from './versions.js';

export async function renderStatus(container: HTMLElement, ctx: Ctx): Promise<void> {
  const c = ctx.caseRecord;
  if (!c) return;
  const statusBox = h('div', {});
  const settingsMsg = h('div', {});

  const allow = h('input', { type: 'checkbox', id: 'authors-see', class: 'checkbox__input', ...(c.authorsSeeMergedTimeline ? { checked: true } : {}) });
  allow.addEventListener('change', () => {
    api('PATCH', casePath(ctx), { authorsSeeMergedTimeline: allow.checked }).then(
      async () => {
        await ctx.refreshCase();
        settingsMsg.replaceChildren();
        announce(allow.checked ? 'Authors can now see the anonymised combined chronology.' : 'Authors can no longer see the combined chronology.');
      },
      (err: unknown) => {
        allow.checked = !allow.checked;
        settingsMsg.replaceChildren(errorSummary('The setting was not changed', [messageOf(err)]));
      },
    );
  });

  let subs: Submission[] = [];
  let authorAgencies: string[];
  try {
    subs = await loadSubmissions(ctx);
  } catch (err) {
    statusBox.replaceChildren(errorSummary('Submissions could not be loaded', [messageOf(err)]));
  }
  try {
    const { tokens } = await api<{ tokens: TokenView[] }>('GET', '/api/tokens');
    authorAgencies = tokens.filter((t) => t.caseId === caseIdOf(ctx) && t.role === 'author' && t.agency).map((t) => t.agency as string);
  } catch {
    authorAgencies = [];
  }

  const byAgency = new Map<string, Submission | null>();
  for (const a of authorAgencies) byAgency.set(a.trim().toLowerCase(), null);
  const names = new Map<string, string>(authorAgencies.map((a) => [a.trim().toLowerCase(), a]));
  for (const s of subs) {
    const key = s.agency.trim().toLowerCase();
    names.set(key, s.agency);
    if (s.current) byAgency.set(key, s);
    else if (!byAgency.has(key)) byAgency.set(key, null);
  }
  const rows = [...byAgency.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en-GB'))
    .map(([key, s]) => [
      names.get(key) ?? key,
      s ? h('strong', { class: 'tag tag--green' }, 'Received') : h('strong', { class: 'tag tag--yellow' }, 'Waiting'),
      s ? String(s.version) : '–',
      s ? s.entries.toLocaleString('en-GB') : '–',
      s ? ukDateTime(s.uploadedAt) : '–',
    ]);
  if (rows.length === 0) statusBox.replaceChildren(h('p', { class: 'body' }, 'No agency has uploaded yet, and no author tokens have been issued.'));
  else statusBox.replaceChildren(scroller('Agency status', table('Each agency’s chronology', ['Agency', 'Status', 'Version', 'Entries', 'Last upload'], rows, 'table table--status')));

  container.replaceChildren(
    h('h1', { class: 'heading-xl', id: 'status-title' }, 'Agency submissions'),
    h(
      'dl',
      { class: 'summary-list' },
      h('dt', {}, 'Case'),
      h('dd', {}, c.title),
      h('dt', {}, 'Review period'),
      h('dd', {}, `${ukDate(c.reviewPeriod.from)} to ${ukDate(c.reviewPeriod.to)}`),
    ),
    h('h2', { class: 'heading-l' }, 'Status by agency'),
    statusBox,
    h('h2', { class: 'heading-l' }, 'Sharing with authors'),
    settingsMsg,
    h('div', { class: 'checkbox' }, allow, h('label', { for: 'authors-see', class: 'checkbox__label' }, 'Let agency authors see the anonymised combined chronology')),
    await renderVersions(ctx),
  );
}
