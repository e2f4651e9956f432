// `npm run test:crash`: SIGKILLs the real server mid-upload again and again (SQLite, then PostgreSQL) and checks nothing is lost or half-stored.
// CRASH_KILLS (SQLite, default 40) + CRASH_PG_KILLS (default 8) ≈ 4 min on 2 cores (a restart costs ~3 s); CRASH_KILLS=1000 is the long run. CRASH_SEED replays.
import { runCrashTest, type CrashResult } from '../test/reliability/crash-harness.js';

function count(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`${name} must be a whole number, not ${raw}`);
    process.exit(2);
  }
  return n;
}

const seed = count('CRASH_SEED', Math.floor(Math.random() * 2 ** 31));
const plan: { kind: 'sqlite' | 'postgres'; kills: number }[] = [
  { kind: 'sqlite', kills: count('CRASH_KILLS', 40) },
  { kind: 'postgres', kills: count('CRASH_PG_KILLS', 8) },
];

console.log(`crash test: seed ${seed} (replay with CRASH_SEED=${seed})`);
const results: CrashResult[] = [];
for (const p of plan) {
  if (p.kills === 0) continue;
  results.push(await runCrashTest({ ...p, seed, log: (line) => console.log(line) }));
}

console.log('\nstore      kills  acknowledged  cut off  stored  seconds');
for (const r of results) {
  console.log(
    `${r.kind.padEnd(10)} ${String(r.kills).padStart(5)}  ${String(r.acknowledged).padStart(12)}  ${String(r.interrupted).padStart(7)}  ${String(r.storedAtEnd).padStart(6)}  ${String(r.seconds).padStart(7)}`,
  );
}
const failures = results.flatMap((r) => r.failures.map((f) => `${r.kind}: ${f}`));
if (failures.length > 0) {
  console.error(`\nFAILED (seed ${seed}):\n${failures.slice(0, 50).join('\n')}`);
  process.exit(1);
}
console.log(`\nno acknowledged upload lost, nothing half-stored (seed ${seed})`);
