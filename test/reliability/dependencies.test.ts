// Supply chain: the unmaintained-on-npm SheetJS `xlsx` package (prototype pollution, ReDoS advisories) is nowhere in the
// lock file; SheetJS comes as @e965/xlsx, pinned.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, { version?: string; dependencies?: Record<string, string> }>;
};

describe('package-lock.json', () => {
  it('is a v2/v3 lock file listing installed packages by path', () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(Object.keys(lock.packages)).toContain('node_modules/exceljs');
  });

  it('reads .xls and .ods with SheetJS as @e965/xlsx pinned to exactly 0.20.3 (its advisories fixed in 0.19.3 and 0.20.2)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['@e965/xlsx']).toBe('0.20.3');
    expect(lock.packages['node_modules/@e965/xlsx']?.version).toBe('0.20.3');
  });

  it('does not contain the SheetJS xlsx package, directly or as anyone’s dependency', () => {
    const installed = Object.keys(lock.packages).filter((p) => p === 'node_modules/xlsx' || p.endsWith('/node_modules/xlsx'));
    expect(installed).toEqual([]);
    const dependents = Object.entries(lock.packages)
      .filter(([, p]) => p.dependencies && 'xlsx' in p.dependencies)
      .map(([path]) => path || '(the project)');
    expect(dependents).toEqual([]);
  });
});
