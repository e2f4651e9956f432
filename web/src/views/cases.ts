// Administrator view: open a new case (a review) and choose the case to work on.
import { api, messageOf } from '../api.js';
import type { Ctx } from '../context.js';
import { announce, button, errorSummary, field, h, scroller, table, ukDate } from '../dom.js';
import { isoFromUk } from '../dates.js';
import type { CaseRecord } from '../api-types.js';

export async function renderCases(container: HTMLElement, ctx: Ctx): Promise<void> {
  const listBox = h('div', {});
  const formErrors = h('div', {});
  const title = h('input', { type: 'text', name: 'title', class: 'input input--wide', autocomplete: 'off' });
  const from = h('input', { type: 'text', name: 'from', class: 'input input--date', inputmode: 'numeric', autocomplete: 'off' });
  const to = h('input', { type: 'text', name: 'to', class: 'input input--date', inputmode: 'numeric', autocomplete: 'off' });
  const form = h(
    'form',
    { class: 'form', novalidate: true },
    formErrors,
    field('Case title', title, 'For example "DHR 2024/03 – Adult A". Do not use real names.'),
    h(
      'fieldset',
      { class: 'fieldset' },
      h('legend', { class: 'fieldset__legend' }, 'Review period (from the terms of reference)'),
      h('p', { class: 'hint' }, 'Day first, for example 01/01/2012.'),
      h('div', { class: 'inline-fields' }, field('From', from), field('To', to)),
    ),
    h('button', { type: 'submit', class: 'button button--primary' }, 'Open the case'),
  );

  const openCase = async (id: string) => {
    await ctx.selectCase(id);
    announce('Case opened.');
    ctx.go('status');
  };

  const refresh = async () => {
    const { cases } = await api<{ cases: CaseRecord[] }>('GET', '/api/cases');
    if (cases.length === 0) {
      listBox.replaceChildren(h('p', { class: 'body' }, 'There are no cases yet.'));
      return;
    }
    const rows = cases.map((c) => [
      c.title,
      `${ukDate(c.reviewPeriod.from)} to ${ukDate(c.reviewPeriod.to)}`,
      c.status === 'open' ? 'Open' : 'Closed',
      ctx.caseRecord?.id === c.id
        ? h('strong', { class: 'tag tag--blue' }, 'Working on this case')
        : button('Open', () => void openCase(c.id), 'secondary', { 'aria-label': `Open ${c.title}` }),
    ]);
    listBox.replaceChildren(scroller('Cases', table('Cases', ['Title', 'Review period', 'Status', ''], rows)));
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const problems: string[] = [];
    const start = isoFromUk(from.value, true);
    const end = isoFromUk(to.value, true);
    if (!title.value.trim()) problems.push('Enter the case title.');
    if (!start) problems.push('Enter the start of the review period as a real date, for example 01/01/2012.');
    if (!end) problems.push('Enter the end of the review period as a real date, for example 31/12/2014.');
    if (start && end && start > end) problems.push('The review period must not end before it starts.');
    if (problems.length > 0) {
      formErrors.replaceChildren(errorSummary('There is a problem', problems));
      return;
    }
    api<CaseRecord>('POST', '/api/cases', { title: title.value.trim(), reviewPeriod: { from: start, to: end } }).then(
      (created) => {
        formErrors.replaceChildren();
        form.reset();
        void openCase(created.id);
      },
      (err: unknown) => formErrors.replaceChildren(errorSummary('The case was not opened', [messageOf(err)])),
    );
  });

  container.replaceChildren(
    h('h1', { class: 'heading-xl', id: 'cases-title' }, 'Cases'),
    h('p', { class: 'lead' }, 'Open a case for each review, then issue tokens to the chair and the agencies.'),
    h('h2', { class: 'heading-l' }, 'Your cases'),
    listBox,
    h('h2', { class: 'heading-l' }, 'Open a new case'),
    form,
  );
  await refresh();
}
