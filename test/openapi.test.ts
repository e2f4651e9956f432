// openapi.yaml is the published contract: it must match what the routes declare.
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderOpenapiYaml } from '../scripts/openapi-document.js';

describe('openapi.yaml', () => {
  it('matches the routes (run `npm run openapi` after changing a route schema)', async () => {
    const generated = YAML.parse(await renderOpenapiYaml()) as unknown;
    const committed = YAML.parse(readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8')) as unknown;
    expect(committed).toEqual(generated);
  });

  it('documents the DESIGN §10 routes that exist', async () => {
    const doc = YAML.parse(await renderOpenapiYaml()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/cases'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/api/cases/{caseId}'] ?? {})).toEqual(expect.arrayContaining(['get', 'patch', 'delete']));
  });
});
