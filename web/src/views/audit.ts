// Chair view: the case's audit log (who did what, when, and the outcome), loaded a page at a time.
import { api, messageOf } from '../api.js';
import { casePath, type Ctx } from '../context.js';
import { button, errorSummary, h, scroller, ukDateTime } from '../dom.js';
import type { AuditEvent } from '../api-types.js';

const PAGE = 200;

function detailText(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}

export async function renderAudit(container: HTMLElement, ctx: Ctx): Promise<void> {
  const body = h('tbody', {});
  const more = h('div', {});
  const errors = h('div', {});

  const loadPage = async (after: number | null) => {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (after !== null) query.set('after', String(after));
    try {
      const res = await api<{ events: AuditEvent[]; next: number | null }>('GET', casePath(ctx, `/audit?${query.toString()}`));
      for (const e of res.events) {
        body.append(
          h(
            'tr',
            { class: e.outcome === 'ok' ? '' : 'row--flagged' },
            h('td', {}, String(e.seq)),
            h('td', { class: 'nowrap' }, ukDateTime(e.at)),
            h('td', {}, e.actor.role ?? '–', h('span', { class: 'cell-note' }, e.actor.tokenId ?? '')),
            h('td', {}, e.action),
            h('td', {}, e.outcome === 'ok' ? h('span', { class: 'tag tag--green' }, 'ok') : h('strong', { class: 'tag tag--red' }, e.outcome)),
            h('td', { class: 'cell-detail' }, detailText(e.detail)),
          ),
        );
      }
      more.replaceChildren(res.next !== null ? button('Show more events', () => void loadPage(res.next), 'secondary') : h('p', { class: 'hint' }, body.children.length ? 'That is every event.' : 'No events yet.'));
    } catch (err) {
      errors.replaceChildren(errorSummary('The audit log could not be loaded', [messageOf(err)]));
    }
  };

  container.replaceChildren(
    h('h1', { class: 'heading-xl', id: 'audit-title' }, 'Audit log'),
    h('p', { class: 'lead' }, 'Every upload, export, map change, redaction check and refusal in this case. The log never holds names or cell text.'),
    errors,
    scroller(
      'Audit log',
      h(
        'table',
        { class: 'table table--audit' },
        h('caption', { class: 'table__caption' }, 'Events, oldest first'),
        h('thead', {}, h('tr', {}, ...['#', 'When', 'Who (role, token)', 'Action', 'Outcome', 'Detail'].map((t) => h('th', { scope: 'col' }, t)))),
        body,
      ),
    ),
    more,
  );
  await loadPage(null);
}
