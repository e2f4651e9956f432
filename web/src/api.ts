// Talks to the service: the token lives in sessionStorage only and travels in the Authorization header.

const TOKEN_KEY = 'dhr-chronology-token';

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function clearToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** An error answer from the API: `{ error, message, … }` plus the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Called when the token is refused (401), so the page can sign out. */
let onUnauthorised: (() => void) | null = null;
export function whenUnauthorised(handler: () => void): void {
  onUnauthorised = handler;
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = getToken();
  return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
}

async function toError(res: Response): Promise<ApiError> {
  let body: Record<string, unknown>;
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    body = {};
  }
  return errorFrom(res.status, body);
}

function errorFrom(status: number, body: Record<string, unknown>): ApiError {
  const code = typeof body.error === 'string' ? body.error : `http_${status}`;
  const fallback = status === 404 ? 'Not found, or your token cannot see it.' : `The service answered ${status}.`;
  const message = typeof body.message === 'string' ? body.message : fallback;
  if (status === 401) onUnauthorised?.();
  return new ApiError(status, code, message, body);
}

/** A JSON request; resolves with the parsed body, rejects with ApiError. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: headers(body === undefined ? {} : { 'content-type': 'application/json' }) };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(path, init);
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** A multipart (or empty) POST answered with JSON. */
export async function postForm<T>(path: string, form?: FormData): Promise<T> {
  const init: RequestInit = { method: 'POST', headers: headers() };
  if (form) init.body = form;
  const res = await fetch(path, init);
  if (!res.ok) throw await toError(res);
  return (await res.json()) as T;
}

/** Uploads a form with XMLHttpRequest so the page can show upload progress (0–1). */
export function uploadWithProgress<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    const token = getToken();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (ev) => {
      if (ev.lengthComputable) onProgress(ev.loaded / ev.total);
    });
    xhr.addEventListener('load', () => {
      const body = (xhr.response ?? {}) as Record<string, unknown>;
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(errorFrom(xhr.status, body));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network', 'The upload could not reach the service. Check your connection and try again.', {})));
    xhr.addEventListener('abort', () => reject(new ApiError(0, 'aborted', 'The upload was cancelled.', {})));
    xhr.send(form);
  });
}

function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
}

/**
 * Downloads a file with the bearer header and saves it through a Blob URL,
 * so the token never appears in a URL.
 */
export async function download(path: string, fallbackName: string): Promise<string> {
  const res = await fetch(path, { headers: headers() });
  if (!res.ok) throw await toError(res);
  const blob = await res.blob();
  const name = fileNameOf(res, fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** A person-readable message for any error the page meets. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}
