// A short crash run in the suite: the real server SIGKILLed mid-upload on SQLite and PostgreSQL loses nothing acknowledged and half-stores nothing.
import { describe, expect, it } from 'vitest';
import { runCrashTest } from './crash-harness.js';
import { storeKinds } from '../helpers/stores.js';

const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const kills = { sqlite: 20, postgres: 5 } as const;

describe.each(storeKinds)('crash safety on %s', (kind) => {
  it(`survives ${kills[kind]} SIGKILLs at random moments of uploads (seed ${seed})`, { timeout: 300_000 }, async () => {
    const r = await runCrashTest({ kind, kills: kills[kind], seed, sizes: { min: 200, max: 2000 }, xlsxPool: 2 });
    expect(r.failures, `seed ${seed} — replay with CRASH_SEED=${seed}`).toEqual([]);
    expect(r.kills).toBe(kills[kind]);
    // The run really uploaded and really cut uploads off; otherwise it proved nothing.
    expect(r.acknowledged + r.interrupted).toBeGreaterThan(kills[kind]);
  });
});
