// Chair view: issue author and reader tokens for the case (the secret is shown once) and revoke them.
import { api, messageOf } from '../api.js';
import { caseIdOf, type Ctx } from '../context.js';
import { announce, button, errorSummary, field, h, scroller, table, ukDateTime } from '../dom.js';
import type { Role, TokenView } from '../api-types.js';

const roleText: Record<Role, string> = { admin: 'Administrator', chair: 'Chair', author: 'Agency author', reader: 'Reader' };

export async function renderTokens(container: HTMLElement, ctx: Ctx): Promise<void> {
  const caseId = caseIdOf(ctx);
  const listBox = h('div', {});
  const issued = h('div', {});
  const roles: Role[] = ctx.session.role === 'admin' ? ['author', 'reader', 'chair'] : ['author', 'reader'];
  const role = h('select', { name: 'role', class: 'select' }, ...roles.map((r) => h('option', { value: r }, roleText[r])));
  const agency = h('input', { type: 'text', name: 'agency', class: 'input input--wide', autocomplete: 'off' });
  const agencyField = field('Agency', agency, 'Authors can upload and see only this agency’s chronology.');
  const label = h('input', { type: 'text', name: 'label', class: 'input input--wide', autocomplete: 'off' });
  const syncAgency = () => {
    agencyField.hidden = role.value !== 'author';
  };
  role.addEventListener('change', syncAgency);
  syncAgency();

  const form = h(
    'form',
    { class: 'form', novalidate: true },
    field('Role', role),
    agencyField,
    field('Label', label, 'Who the token is for, by role, for example "GMP IMR author". Do not use names of family members.'),
    h('button', { type: 'submit', class: 'button button--primary' }, 'Issue token'),
  );

  const refresh = async () => {
    let tokens: TokenView[];
    try {
      tokens = (await api<{ tokens: TokenView[] }>('GET', '/api/tokens')).tokens.filter((t) => t.caseId === caseId);
    } catch (err) {
      listBox.replaceChildren(errorSummary('Tokens could not be listed', [messageOf(err)]));
      return;
    }
    if (tokens.length === 0) {
      listBox.replaceChildren(h('p', { class: 'body' }, 'No tokens have been issued for this case yet.'));
      return;
    }
    const rows = tokens.map((t) => [
      t.label,
      roleText[t.role],
      t.agency ?? '',
      ukDateTime(t.createdAt),
      t.lastUsedAt ? ukDateTime(t.lastUsedAt) : 'Never',
      t.id === ctx.session.tokenId
        ? h('span', { class: 'muted' }, 'Your token')
        : button('Revoke', () => revoke(t), 'warning', { 'aria-label': `Revoke ${t.label}` }),
    ]);
    listBox.replaceChildren(scroller('Tokens', table('Tokens for this case', ['Label', 'Role', 'Agency', 'Issued', 'Last used', ''], rows)));
  };

  const revoke = (t: TokenView) => {
    if (!window.confirm(`Revoke the token "${t.label}"? Whoever holds it will no longer be able to sign in.`)) return;
    api('DELETE', `/api/tokens/${encodeURIComponent(t.id)}`).then(
      () => {
        announce('Token revoked.');
        void refresh();
      },
      (err: unknown) => listBox.prepend(errorSummary('The token was not revoked', [messageOf(err)])),
    );
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const problems: string[] = [];
    if (!label.value.trim()) problems.push('Enter a label.');
    if (role.value === 'author' && !agency.value.trim()) problems.push('Enter the agency for an author token.');
    if (problems.length > 0) {
      issued.replaceChildren(errorSummary('There is a problem', problems));
      return;
    }
    const body = { role: role.value, caseId, label: label.value.trim(), ...(role.value === 'author' ? { agency: agency.value.trim() } : {}) };
    api<TokenView & { token: string }>('POST', '/api/tokens', body).then(
      (created) => {
        issued.replaceChildren(secretPanel(created));
        form.reset();
        syncAgency();
        void refresh();
      },
      (err: unknown) => issued.replaceChildren(errorSummary('The token was not issued', [messageOf(err)])),
    );
  });

  container.replaceChildren(
    h('h1', { class: 'heading-xl', id: 'tokens-title' }, 'Access tokens'),
    h('p', { class: 'lead' }, 'Give each agency author their own token. Readers can see anonymised outputs only.'),
    h('h2', { class: 'heading-l' }, 'Issue a token'),
    form,
    issued,
    h('h2', { class: 'heading-l' }, 'Tokens issued'),
    listBox,
  );
  await refresh();
}

function secretPanel(created: TokenView & { token: string }): HTMLElement {
  const secret = h('input', { type: 'text', class: 'input input--secret', readonly: true, value: created.token, id: 'new-token', spellcheck: 'false' });
  const copied = h('p', { class: 'hint', 'aria-live': 'polite' }, '');
  const copy = button('Copy token', () => {
    secret.select();
    navigator.clipboard.writeText(created.token).then(
      () => (copied.textContent = 'Copied. Send it to the person securely.'),
      () => (copied.textContent = 'Copying was blocked: the token is selected, press Ctrl+C (or Cmd+C) to copy it.'),
    );
  });
  const panel = h(
    'div',
    { class: 'panel panel--success', role: 'status', tabindex: -1 },
    h('h3', { class: 'panel__title' }, `Token issued for ${created.label}`),
    h('p', {}, h('strong', {}, 'This is the only time the token is shown.'), ' Copy it now and send it securely; it cannot be shown again.'),
    field('The new token', secret),
    copy,
    copied,
  );
  window.setTimeout(() => panel.focus(), 0);
  return panel;
}
