// Builds the app on a throwaway SQLite store and renders its OpenAPI document as YAML.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';

export async function renderOpenapiYaml(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chron-openapi-'));
  const app = await buildApp({ ...loadConfig({ LOG_LEVEL: 'silent' }), dataDir });
  try {
    await app.ready();
    return YAML.stringify(app.swagger(), { sortMapEntries: false, lineWidth: 0 });
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
