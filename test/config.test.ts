// Configuration comes from the environment only; a bad value stops start-up with one line naming it.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: './data', databaseUrl: undefined, logLevel: 'info' });
    expect(c.maxUploadBytes).toBe(25 * 1024 * 1024);
    expect(c.exportIdleSeconds).toBe(30);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MAX_UPLOAD_MB: '-1' }, 'MAX_UPLOAD_MB'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN'],
    [{ EXPORT_IDLE_SECONDS: '0' }, 'EXPORT_IDLE_SECONDS'],
    [{ EXPORT_IDLE_SECONDS: '2.5' }, 'EXPORT_IDLE_SECONDS'],
    [{ EXPORT_IDLE_SECONDS: 'soon' }, 'EXPORT_IDLE_SECONDS'],
  ])('refuses %o naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain(name);
      expect(message).not.toContain('\n');
    }
  });

  it('reads MAX_UPLOAD_MB as mebibytes', () => {
    expect(loadConfig({ MAX_UPLOAD_MB: '2' }).maxUploadBytes).toBe(2 * 1024 * 1024);
  });

  it('reads EXPORT_IDLE_SECONDS as whole seconds', () => {
    expect(loadConfig({ EXPORT_IDLE_SECONDS: '5' }).exportIdleSeconds).toBe(5);
  });
});
