// Runs the real server (`node --import tsx src/server.ts`) as a child process on 127.0.0.1, for crash, start-up and load tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SERVER_TOKEN = 'chr_reliability_admin_token_0123456789';

export interface ServerEnv {
  dataDir: string;
  databaseUrl?: string | undefined;
  port?: number;
  extra?: Record<string, string>;
}

export interface RunningServer {
  pid: number;
  baseUrl: string;
  child: ChildProcess;
  /** What the server wrote to stderr so far (a crash or a refusal explains itself there). */
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>;
  /** SIGKILL: no shutdown hooks, no flush; resolves when the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM and wait (graceful close). */
  stop(): Promise<void>;
}

/** A port the kernel says is free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function childEnv(e: ServerEnv, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: e.dataDir,
    ADMIN_TOKEN: SERVER_TOKEN,
    LOG_LEVEL: 'error',
    ...e.extra,
  };
  if (e.databaseUrl) env.DATABASE_URL = e.databaseUrl;
  return env;
}

function spawnServer(e: ServerEnv, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: REPO_ROOT,
    env: childEnv(e, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts the server and waits until GET /ready answers 200 (or the process dies, or the time is up). */
export async function startServer(e: ServerEnv, readyTimeoutMs = 30_000): Promise<RunningServer> {
  const port = e.port ?? (await freePort());
  const child = spawnServer(e, port);
  let err = '';
  child.stderr?.on('data', (b: Buffer) => {
    err = (err + b.toString('utf8')).slice(-20_000);
  });
  child.stdout?.resume();
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  let gone = false;
  void exited.then(() => (gone = true));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (gone) throw new Error(`server exited before it was ready: ${err.trim().slice(-500)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${readyTimeoutMs} ms: ${err.trim().slice(-500)}`);
    }
    const ok = await fetch(`${baseUrl}/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const pid = child.pid ?? -1;
  return {
    pid,
    baseUrl,
    child,
    stderr: () => err,
    exited,
    async kill() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs the server expecting it to refuse to start: its exit code and what it printed. */
export async function runUntilExit(e: ServerEnv, timeoutMs = 30_000): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const child = spawnServer(e, await freePort());
  let out = '';
  let err = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr?.on('data', (b: Buffer) => (err += b.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | string>((resolve) => child.once('exit', (c, s) => resolve(c ?? s ?? -1)));
  clearTimeout(timer);
  return { code, stdout: out, stderr: err };
}

/** Resident set size of a process in KiB (Linux /proc), or NaN when it cannot be read. */
export function rssKiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
