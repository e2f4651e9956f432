// Chair view: the pseudonym map as an editable table; initials collisions are shown on the row they belong to.
import { api, ApiError, messageOf } from '../api.js';
import { casePath, type Ctx } from '../context.js';
import { announce, append, button, errorSummary, h, notice, scroller } from '../dom.js';
import type { Person, PersonRole } from '../api-types.js';
import { takePrefilledPerson } from '../prefill.js';

const personRoles: PersonRole[] = ['victim', 'perpetrator', 'child', 'family', 'friend', 'professional', 'other'];

interface Row {
  name: string;
  aliases: string;
  role: PersonRole;
  title: string;
  initials: string;
  pseudonym: string;
}

type Key = keyof Row;
interface RowProblem {
  index: number;
  field: Key;
  message: string;
  suggestion?: string;
}

const columns: { key: Key; label: string; hint?: string }[] = [
  { key: 'name', label: 'Full name' },
  { key: 'aliases', label: 'Other names', hint: 'commas between' },
  { key: 'role', label: 'Role' },
  { key: 'title', label: 'Title' },
  { key: 'initials', label: 'Initials', hint: 'blank: proposed' },
  { key: 'pseudonym', label: 'Pseudonym' },
];

const toRow = (p: Person): Row => ({
  name: p.name,
  aliases: p.aliases.join(', '),
  role: p.role,
  title: p.title ?? '',
  initials: p.initials,
  pseudonym: p.pseudonym ?? '',
});

function toPerson(r: Row): Record<string, unknown> {
  const aliases = r.aliases.split(',').map((a) => a.trim()).filter(Boolean);
  return {
    name: r.name.trim(),
    role: r.role,
    ...(aliases.length ? { aliases } : {}),
    ...(r.title.trim() ? { title: r.title.trim() } : {}),
    ...(r.initials.trim() ? { initials: r.initials.trim() } : {}),
    ...(r.pseudonym.trim() ? { pseudonym: r.pseudonym.trim() } : {}),
  };
}

/** Reads `body.people.3.initials`-style field paths from a 400 into row problems. */
function problemsFrom(err: ApiError): RowProblem[] {
  if (err.code === 'initials_collision' || typeof err.body.person === 'number') {
    const suggestion = typeof err.body.suggestion === 'string' ? err.body.suggestion : undefined;
    return [{ index: err.body.person as number, field: 'initials', message: err.message, ...(suggestion ? { suggestion } : {}) }];
  }
  const issues = Array.isArray(err.body.issues) ? (err.body.issues as { field?: string; message?: string }[]) : [];
  return issues.flatMap((i) => {
    const m = /people\.(\d+)\.(\w+)/.exec(i.field ?? '');
    if (!m?.[1] || !m[2]) return [];
    const key = (columns.some((c) => c.key === m[2]) ? m[2] : 'name') as Key;
    return [{ index: Number(m[1]), field: key, message: i.message ?? 'is not valid' }];
  });
}

export async function renderPeople(container: HTMLElement, ctx: Ctx): Promise<void> {
  const { people } = await api<{ people: Person[] }>('GET', casePath(ctx, '/people'));
  let rows: Row[] = people.map(toRow);
  let problems: RowProblem[] = [];
  const messages = h('div', {});
  const tableBox = h('div', {});
  const idOf = (i: number, key: Key) => `person-${i}-${key}`;

  const draw = () => {
    const body = h('tbody', {});
    rows.forEach((row, i) => {
      const tr = h('tr', { 'data-person': i });
      for (const col of columns) {
        const id = idOf(i, col.key);
        const problem = problems.find((p) => p.index === i && p.field === col.key);
        const input =
          col.key === 'role'
            ? h('select', { id, class: 'select select--compact' }, ...personRoles.map((r) => h('option', { value: r, ...(r === row.role ? { selected: true } : {}) }, r)))
            : h('input', { id, type: 'text', class: `input input--compact input--${col.key}`, value: row[col.key], autocomplete: 'off', spellcheck: 'false' });
        input.addEventListener('input', () => {
          (row as unknown as Record<Key, string>)[col.key] = input.value;
        });
        input.addEventListener('change', () => {
          (row as unknown as Record<Key, string>)[col.key] = input.value;
        });
        const cell = h('td', { class: problem ? 'cell--error' : '' }, h('label', { for: id, class: 'visually-hidden' }, `${col.label}, person ${i + 1}`));
        if (problem) {
          const errId = `${id}-error`;
          input.setAttribute('aria-invalid', 'true');
          input.setAttribute('aria-describedby', errId);
          const fix = problem.suggestion
            ? button(`Use ${problem.suggestion}`, () => {
                row.initials = problem.suggestion ?? row.initials;
                problems = problems.filter((p) => p !== problem);
                draw();
                document.getElementById(id)?.focus();
              }, 'secondary', { class: 'button button--secondary button--small' })
            : null;
          append(cell, h('p', { class: 'field-error', id: errId }, h('span', { class: 'visually-hidden' }, 'Error: '), problem.message, problem.suggestion ? ` Suggestion: ${problem.suggestion}.` : ''), input, fix);
        } else cell.append(input);
        tr.append(cell);
      }
      tr.append(
        h('td', {}, button('Remove', () => {
          rows.splice(i, 1);
          problems = [];
          draw();
          announce(`Person ${i + 1} removed. Save to keep the change.`);
          document.getElementById('add-person')?.focus();
        }, 'warning', { class: 'button button--warning button--small', 'aria-label': `Remove person ${i + 1}` })),
      );
      body.append(tr);
    });
    const head = h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c.label, c.hint ? h('span', { class: 'th-hint' }, ` (${c.hint})`) : null)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Remove'))));
    const tbl = h('table', { class: 'table table--people' }, h('caption', { class: 'table__caption' }, `People in the map (${rows.length})`), head, body);
    tableBox.replaceChildren(rows.length ? scroller('Pseudonym map', tbl) : h('p', { class: 'body' }, 'No people in the map yet.'));
  };

  const save = () => {
    problems = [];
    const blank = rows.findIndex((r) => !r.name.trim());
    if (blank >= 0) {
      problems = [{ index: blank, field: 'name', message: 'Enter the full name, or remove this row.' }];
      draw();
      messages.replaceChildren(summary());
      return;
    }
    api<{ people: Person[] }>('PUT', casePath(ctx, '/people'), { people: rows.map(toPerson) }).then(
      (res) => {
        rows = res.people.map(toRow);
        draw();
        messages.replaceChildren(notice(`The map is saved: ${res.people.length} people. Initials were proposed where blank.`, 'success'));
        announce('Pseudonym map saved.');
      },
      (err: unknown) => {
        problems = err instanceof ApiError ? problemsFrom(err) : [];
        draw();
        messages.replaceChildren(problems.length ? summary() : errorSummary('The map was not saved', [messageOf(err)]));
      },
    );
  };

  const summary = () =>
    h(
      'div',
      { class: 'error-summary', role: 'alert', tabindex: -1, id: 'people-errors' },
      h('h2', { class: 'error-summary__title' }, 'The map was not saved'),
      h('ul', {}, ...problems.map((p) => h('li', {}, h('a', { href: `#${idOf(p.index, p.field)}`, class: 'error-link', onclick: ((ev: Event) => {
        ev.preventDefault();
        document.getElementById(idOf(p.index, p.field))?.focus();
      }) as EventListener }, `Person ${p.index + 1}: ${p.message}`)))),
    );

  // "add to the map" from the redaction view: a new row with the name found, for the chair to complete and save
  const prefilled = takePrefilledPerson();
  if (prefilled) {
    rows.push({ name: prefilled, aliases: '', role: 'other', title: '', initials: '', pseudonym: '' });
    messages.replaceChildren(notice(`"${prefilled}" is added as a new row below: choose the role, then save the map.`));
  }
  draw();
  if (prefilled) window.setTimeout(() => document.getElementById(idOf(rows.length - 1, 'role'))?.focus(), 0);
  container.replaceChildren(
    h('h1', { class: 'heading-xl', id: 'people-title' }, 'People and pseudonyms'),
    h('p', { class: 'lead' }, 'Everyone named in the chronologies whose name must not be published. Mentions become initials (or the pseudonym agreed with the family) in every anonymised output.'),
    messages,
    tableBox,
    h('div', { class: 'button-group' }, button('Add a person', () => {
      rows.push({ name: '', aliases: '', role: 'family', title: '', initials: '', pseudonym: '' });
      draw();
      document.getElementById(idOf(rows.length - 1, 'name'))?.focus();
    }, 'secondary', { id: 'add-person' }), button('Save the map', save, 'primary', { id: 'save-people' })),
  );
  // Errors moved focus? Keep the summary focused when it appears.
  new MutationObserver(() => messages.querySelector<HTMLElement>('.error-summary')?.focus()).observe(messages, { childList: true });
}
