// One benchmark step, run by bench/run.ts in its own process: `tsx bench/step.ts <step> <args…>`.
import { exportTimeline, plainXlsxWrite } from './export-cases.js';
import { plainCsv, plainXlsx, upload } from './ingest-cases.js';

const steps: Record<string, (...args: string[]) => Promise<void>> = {
  plainXlsx: (f = '') => plainXlsx(f),
  plainCsv: (f = '') => plainCsv(f),
  upload: (f = '') => upload(f),
  exportTimeline: (format = 'json', names = 'real') => exportTimeline(format, names),
  plainXlsxWrite: () => plainXlsxWrite(),
};

const [name = '', ...args] = process.argv.slice(2);
const fn = steps[name];
if (!fn) throw new Error(`unknown step ${name}`);
await fn(...args);
