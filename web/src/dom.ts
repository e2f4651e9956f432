// Small DOM helpers: build elements without innerHTML, announce changes, format dates the UK way.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Creates an element; `on*` attributes become listeners, booleans toggle, text is never parsed as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'class') el.className = String(value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces an element's children, skipping null/false ones. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

let idCounter = 0;
/** A unique id for label/field pairs. */
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** Says something to screen reader users through the page's polite live region. */
export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}

/** A labelled form field (label, optional hint, input) in the GOV.UK shape. */
export function field(label: string, input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLDivElement {
  if (!input.id) input.id = uid('f');
  const group = h('div', { class: 'field' }, h('label', { for: input.id, class: 'label' }, label));
  if (hint) {
    const hintId = `${input.id}-hint`;
    group.append(h('p', { class: 'hint', id: hintId }, hint));
    input.setAttribute('aria-describedby', hintId);
  }
  group.append(input);
  return group;
}

/** An error summary box; focused so keyboard and screen reader users land on it. */
export function errorSummary(title: string, messages: string[]): HTMLDivElement {
  const box = h(
    'div',
    { class: 'error-summary', role: 'alert', tabindex: -1 },
    h('h3', { class: 'error-summary__title' }, title),
    h('ul', {}, ...messages.map((m) => h('li', {}, m))),
  );
  window.setTimeout(() => box.focus(), 0);
  return box;
}

export function notice(text: string, kind: 'success' | 'info' = 'info'): HTMLDivElement {
  return h('div', { class: `notice notice--${kind}`, role: 'status' }, text);
}

export function button(text: string, onClick: (ev: Event) => void, kind: 'primary' | 'secondary' | 'warning' | 'link' = 'primary', attrs: Attrs = {}): HTMLButtonElement {
  return h('button', { type: 'button', class: `button button--${kind}`, onclick: onClick as EventListener, ...attrs }, text);
}

/** ISO partial date (2013-04-03, 2013-04, 2013) → 03/04/2013, 04/2013, 2013. */
export function ukDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  if (d && m) return `${d}/${m}/${y}`;
  if (m) return `${m}/${y}`;
  return y ?? iso;
}

/** An ISO timestamp → "3 April 2013, 14:05" in the reader's locale rules for en-GB. */
export function ukDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** A table with a caption and header row; rows are cells' contents. */
export function table(caption: string, headers: string[], rows: Child[][], cls = 'table'): HTMLTableElement {
  return h(
    'table',
    { class: cls },
    h('caption', { class: 'table__caption' }, caption),
    h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((c) => h('td', {}, c))))),
  );
}

/** A horizontally scrollable, keyboard-focusable wrapper for wide tables. */
export function scroller(label: string, content: Node): HTMLDivElement {
  return h('div', { class: 'scroller', tabindex: 0, role: 'region', 'aria-label': label }, content);
}
