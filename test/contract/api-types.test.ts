// The generated API types (src/schemas/openapi-types.d.ts) are those of the committed openapi.yaml.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, renderApiTypes } from '../../scripts/api-types.js';

describe('the generated API types', () => {
  it('match openapi.yaml (run `npm run openapi` after changing a route schema)', async () => {
    const yaml = readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8');
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(await renderApiTypes(yaml));
  });
});
