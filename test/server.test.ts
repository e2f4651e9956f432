// The real entry point: starts on an empty data dir, prints the first admin token once, answers /health, stops on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'chron-server-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

function runServer(env: Record<string, string>, whileUp?: (port: number) => Promise<void>): Promise<Run> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('server did not finish'));
    }, 25_000);
    child.stdout.on('data', () => {
      if (whileUp && stdout.includes('Server listening')) {
        const fn = whileUp;
        whileUp = undefined;
        fn(port).finally(() => child.kill('SIGTERM'));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}

describe('server', () => {
  it('stops at once with one line naming a bad variable', async () => {
    const run = await runServer({ PORT: 'eighty' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('PORT');
  });

  it('prints a first admin token once, answers /health, and exits cleanly on SIGTERM', async () => {
    let health: unknown;
    let cases = 0;
    const first = await runServer({}, async (port) => {
      health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
    });
    expect(first.code).toBe(0);
    expect(health).toEqual({ status: 'ok' });
    const token = /\b(chr_[A-Za-z0-9_-]{43})\b/.exec(first.stdout)?.[1];
    expect(token).toBeDefined();
    // The token works, and a second start prints none.
    const second = await runServer({}, async (port) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/cases`, { headers: { authorization: `Bearer ${token}` } });
      cases = res.status;
    });
    expect(cases).toBe(200);
    expect(second.stdout).not.toMatch(/chr_[A-Za-z0-9_-]{43}/);
    // The token never reaches the structured log lines.
    const logLines = first.stdout.split('\n').filter((l) => l.startsWith('{'));
    expect(logLines.join('\n')).not.toContain(token);
  });
});
