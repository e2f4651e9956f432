// Silences console in the SheetJS worker before SheetJS loads: it prints notes about the files it reads, which must
// not reach the server's output (logs are data, and never a file's content).
const quiet = (): void => undefined;
globalThis.console = Object.freeze({ ...console, log: quiet, info: quiet, warn: quiet, error: quiet, debug: quiet, trace: quiet });
