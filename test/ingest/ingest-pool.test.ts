// The worker pool: .xls and .ods read in the sandboxed SheetJS worker (frozen intrinsics, tight limits), a time limit
// on every read, and the pool still serving after a file is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { createIngestPool, sheetWorkerSetup } from '../../src/ingest/ingest-pool.js';
import { defaultLimits } from '../../src/ingest/limits.js';
import { FILES_DIR } from '../../fixtures/paths.js';

const fixture = (name: string): Buffer => readFileSync(join(FILES_DIR, name));

describe('ingest pool', () => {
  const pool = createIngestPool();
  afterAll(() => pool.close());

  it('starts the SheetJS worker with frozen intrinsics and limits on heap, young generation and stack', async () => {
    const setup = sheetWorkerSetup();
    const probe = new Worker(
      `const { parentPort, resourceLimits } = require('node:worker_threads');
       let polluted = false;
       try { Object.prototype.polluted = true; polluted = ({}).polluted === true; } catch { polluted = false; }
       parentPort.postMessage({ frozen: Object.isFrozen(Object.prototype) && Object.isFrozen(Array.prototype), polluted, resourceLimits });`,
      { eval: true, execArgv: setup.execArgv.filter((a) => a !== '--import' && a !== 'tsx'), resourceLimits: setup.resourceLimits },
    );
    const seen = await new Promise<{ frozen: boolean; polluted: boolean; resourceLimits: Record<string, number> }>((resolve) => probe.once('message', resolve));
    await probe.terminate();
    expect(seen).toMatchObject({ frozen: true, polluted: false, resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 } });
  });

  it.each(['gm-police.xls', 'gm-police.ods', 'gm-police.docx'])('reads %s in its worker', async (name) => {
    const out = await pool.run(fixture(name), name, { limits: defaultLimits });
    expect(out).toMatchObject({ ok: true, count: 23 });
  });

  it('stops a read that takes longer than the time limit with 413 naming the limit, then reads the next file', async () => {
    const slow = await pool.run(fixture('gm-police.xls'), 'gm-police.xls', { limits: { ...defaultLimits, maxReadMs: 1 } });
    expect(slow).toMatchObject({ ok: false, failure: { kind: 'over-limit', code: 'too_large', details: { limit: 'time' } } });
    expect(await pool.run(fixture('gm-police.xls'), 'gm-police.xls', { limits: defaultLimits })).toMatchObject({ ok: true, count: 23 });
  });
});
