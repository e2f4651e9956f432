// Where a piscina worker module lives and how to start it, compiled or under tsx.

/**
 * Under tsx/vitest the calling module is TypeScript and so is its worker (started with tsx); compiled, both are
 * JavaScript. `name` is the worker module's file name without extension, beside `callerUrl`.
 */
export function workerScript(name: string, callerUrl: string): { filename: string; execArgv: string[] } {
  const compiled = callerUrl.endsWith('.js');
  return {
    filename: new URL(`./${name}.${compiled ? 'js' : 'ts'}`, callerUrl).href,
    execArgv: compiled ? [] : ['--import', 'tsx'],
  };
}
