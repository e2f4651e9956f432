// The sign-in form: a token pasted in, checked against GET /api/session, kept in sessionStorage.
import { api, clearToken, messageOf, setToken } from './api.js';
import { errorSummary, field, fill, h } from './dom.js';
import type { Session } from './api-types.js';

export function renderSignIn(container: HTMLElement, onSignedIn: (s: Session) => void, reason?: string): void {
  const input = h('input', { type: 'password', name: 'token', class: 'input', autocomplete: 'off', spellcheck: 'false', required: true });
  const errors = h('div', {});
  const form = h(
    'form',
    { class: 'form', novalidate: true },
    errors,
    field('Your access token', input, 'Paste the token the review chair or administrator gave you. It stays in this browser tab only and is forgotten when you close it.'),
    h('button', { type: 'submit', class: 'button button--primary' }, 'Sign in'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const token = input.value.trim();
    errors.replaceChildren();
    if (!token) {
      errors.append(errorSummary('There is a problem', ['Enter your access token.']));
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    setToken(token);
    api<Session>('GET', '/api/session').then(
      (session) => onSignedIn(session),
      (err: unknown) => {
        clearToken();
        input.setAttribute('aria-invalid', 'true');
        const status = (err as { status?: number }).status;
        const text = status === 401 ? 'That token was not accepted. Check it was copied in full, or ask for a new one.' : messageOf(err);
        errors.replaceChildren(errorSummary('There is a problem', [text]));
      },
    );
  });
  fill(
    container,
    h('h1', { class: 'heading-xl', tabindex: -1 }, 'Sign in'),
    h('p', { class: 'lead' }, 'Upload agency chronologies, check them, and work on the combined chronology for a Domestic Homicide Review.'),
    reason ? h('div', { class: 'notice notice--info', role: 'status' }, reason) : null,
    form,
  );
}
