// Security headers, the failed sign-in limit, the request rate limit and request ids in error bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';

describe('hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', {}, { authFailuresPerMinute: 10, requestsPerMinute: 40 });
  });
  afterAll(async () => t.close());

  it('sends helmet headers with a strict Content-Security-Policy', async () => {
    const res = await t.call({ method: 'GET', url: '/health', token: null });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('puts the request id in error bodies', async () => {
    const res = await t.call({ method: 'GET', url: '/api/cases/nope' });
    expect(res.json().requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('makes an address wait after 10 failed sign-ins in a minute, even with a good token', async () => {
    for (let i = 0; i < 10; i++) expect((await t.call({ method: 'GET', url: '/api/cases', token: `chr_wrong_${i}` })).statusCode).toBe(401);
    const blocked = await t.call({ method: 'GET', url: '/api/cases' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits requests per minute on /api but not /health', async () => {
    const other = await startTestApp('sqlite', {}, { requestsPerMinute: 5 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await other.call({ method: 'GET', url: '/api/session' })).statusCode);
      expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(codes.slice(5)).toEqual([429, 429]);
      for (let i = 0; i < 7; i++) expect((await other.call({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });
});
