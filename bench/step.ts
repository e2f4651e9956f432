// One benchmark step, run by bench/run.ts in its own process: `tsx bench/step.ts <step> <args…>`.
import { anonymise, compromisePeople } from './anonymise-cases.js';
import { plainXlsxWrite } from './export-cases.js';
import { exportRoute, plainCsvWrite, plainDocxWrite } from './export-route.js';
import { plainCsv, plainPapaparse, plainXlsx, upload } from './ingest-cases.js';
import { ourRead, plainExceljsReadFile, plainMammoth, plainSheetJs } from './office-cases.js';
import { exportPdf, pdfPlainFlow, pdfWriter } from './pdf-cases.js';

const steps: Record<string, (...args: string[]) => Promise<void>> = {
  plainXlsx: (f = '', warm = '') => plainXlsx(f, warm),
  plainExceljsReadFile: (f = '', warm = '') => plainExceljsReadFile(f, warm),
  plainSheetJs: (f = '', warm = '') => plainSheetJs(f, warm),
  plainMammoth: (f = '', warm = '') => plainMammoth(f, warm),
  ourRead: (f = '', warm = '') => ourRead(f, warm),
  plainCsv: (f = '', warm = '') => plainCsv(f, warm),
  plainPapaparse: (f = '', warm = '') => plainPapaparse(f, warm),
  upload: (f = '', warm = '') => upload(f, warm),
  exportRoute: (format = 'csv', n = '100000', names = 'initials') => exportRoute(format, Number(n), names),
  plainCsvWrite: (n = '100000') => plainCsvWrite(Number(n)),
  plainDocxWrite: (n = '20000') => plainDocxWrite(Number(n)),
  plainXlsxWrite: () => plainXlsxWrite(),
  pdfWriter: (n = '5000') => pdfWriter(Number(n)),
  pdfPlainFlow: (n = '5000') => pdfPlainFlow(Number(n)),
  exportPdf: (agencies = '1') => exportPdf(Number(agencies)),
  anonymise: (mb = '20', cached = 'cached') => anonymise(Number(mb), cached),
  compromisePeople: (mb = '0.5') => compromisePeople(Number(mb)),
};

const [name = '', ...args] = process.argv.slice(2);
const fn = steps[name];
if (!fn) throw new Error(`unknown step ${name}`);
await fn(...args);
