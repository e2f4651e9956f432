// `npm run openapi`: rewrites openapi.yaml at the repo root from the route schemas, and the types generated from it.
import { writeFileSync } from 'node:fs';
import { API_TYPES_FILE, renderApiTypes } from './api-types.js';
import { renderOpenapiYaml } from './openapi-document.js';

const yaml = await renderOpenapiYaml();
writeFileSync(new URL('../openapi.yaml', import.meta.url), yaml);
writeFileSync(API_TYPES_FILE, await renderApiTypes(yaml));
console.log('openapi.yaml and src/schemas/openapi-types.d.ts written');
