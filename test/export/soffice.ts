// Runs LibreOffice headless conversions for the export tests (each call with its own profile directory).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const SOFFICE = '/usr/bin/soffice';

/** Waits (up to `ms`) for LibreOffice to be installed; true when it is there. */
export async function waitForSoffice(ms = 600_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (!existsSync(SOFFICE)) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 5_000));
  }
  return true;
}

/** Converts `file` with `soffice --convert-to <target>`; returns the path of the single output file. */
export async function convertWithSoffice(file: string, target: string): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'lo-out-'));
  const profile = await mkdtemp(join(tmpdir(), 'lo-profile-'));
  await run(
    SOFFICE,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', target, '--outdir', outDir, file],
    { timeout: 110_000 },
  );
  const [out] = await readdir(outDir);
  if (!out) throw new Error(`soffice produced nothing for ${target}`);
  return join(outDir, out);
}
