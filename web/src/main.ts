// Starts the page: sign-in, the session banner, role-based navigation and hash routing between views.
import { api, clearToken, getToken, messageOf, whenUnauthorised } from './api.js';
import type { Ctx, View } from './context.js';
import { announce, button, h } from './dom.js';
import { renderSignIn } from './sign-in.js';
import type { CaseRecord, Session } from './api-types.js';
import { views } from './views.js';

const main = document.getElementById('main-content') as HTMLElement;
const banner = document.getElementById('session') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;

const roleNames: Record<Session['role'], string> = {
  admin: 'Administrator',
  chair: 'Review chair',
  author: 'Agency report author',
  reader: 'Reader',
};

let ctx: Ctx | null = null;

function signOut(reason?: string): void {
  clearToken();
  ctx = null;
  banner.replaceChildren();
  nav.replaceChildren();
  nav.hidden = true;
  history.replaceState(null, '', location.pathname);
  renderSignIn(main, start, reason);
}

function available(c: Ctx): View[] {
  return views.filter((v) => {
    if (!v.roles.includes(c.session.role)) return false;
    if (v.needsCase && !c.caseRecord) return false;
    if (v.authorsOnlyIfAllowed && c.session.role === 'author' && !c.caseRecord?.authorsSeeMergedTimeline) return false;
    return true;
  });
}

function renderBanner(c: Ctx): void {
  const s = c.session;
  const items: [string, string][] = [['Signed in as', roleNames[s.role]]];
  if (s.label) items.push(['Token', s.label]);
  if (c.caseRecord) items.push(['Case', c.caseRecord.title]);
  else if (s.role === 'admin') items.push(['Case', 'none open']);
  if (s.agency) items.push(['Agency', s.agency]);
  banner.replaceChildren(
    h('dl', { class: 'session__facts' }, ...items.flatMap(([k, v]) => [h('dt', {}, k), h('dd', { 'data-fact': k }, v)])),
    button('Sign out', () => signOut('You have signed out.'), 'secondary', { class: 'button button--secondary session__out' }),
  );
}

function renderNav(c: Ctx, current: string): void {
  const list = available(c).map((v) =>
    h('li', {}, h('a', { href: `#${v.id}`, class: 'nav__link', ...(v.id === current ? { 'aria-current': 'page' } : {}) }, v.title)),
  );
  nav.replaceChildren(h('ul', { class: 'nav__list' }, ...list));
  nav.hidden = false;
}

async function route(): Promise<void> {
  if (!ctx) return;
  const c = ctx;
  const list = available(c);
  const wanted = location.hash.replace(/^#/, '');
  const view = list.find((v) => v.id === wanted) ?? list[0];
  if (!view) return;
  renderBanner(c);
  renderNav(c, view.id);
  const section = h('section', { class: 'view', 'aria-labelledby': `${view.id}-title` });
  main.replaceChildren(section);
  try {
    await view.render(section, c);
  } catch (err) {
    section.append(h('div', { class: 'error-summary', role: 'alert' }, h('p', {}, messageOf(err))));
  }
  const heading = section.querySelector<HTMLElement>('h1');
  document.title = `${heading?.textContent ?? view.title} – DHR chronology service`;
  if (heading && wanted) {
    heading.tabIndex = -1;
    heading.focus();
  }
  announce(`${view.title} page`);
}

async function start(session: Session): Promise<void> {
  let caseRecord: CaseRecord | null = null;
  if (session.caseId) {
    try {
      caseRecord = await api<CaseRecord>('GET', `/api/cases/${encodeURIComponent(session.caseId)}`);
    } catch {
      caseRecord = null;
    }
  }
  const c: Ctx = {
    session,
    caseRecord,
    async selectCase(id) {
      c.caseRecord = await api<CaseRecord>('GET', `/api/cases/${encodeURIComponent(id)}`);
    },
    async refreshCase() {
      if (c.caseRecord) c.caseRecord = await api<CaseRecord>('GET', `/api/cases/${encodeURIComponent(c.caseRecord.id)}`);
    },
    go(viewId) {
      if (location.hash === `#${viewId}`) void route();
      else location.hash = viewId;
    },
  };
  ctx = c;
  await route();
}

whenUnauthorised(() => {
  if (ctx) signOut('Your token is no longer accepted (it may have been revoked or have expired). Sign in again.');
});
window.addEventListener('hashchange', () => void route());

if (getToken()) {
  api<Session>('GET', '/api/session').then(
    (s) => start(s),
    () => signOut(),
  );
} else {
  signOut();
}
