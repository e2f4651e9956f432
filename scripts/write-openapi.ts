// `npm run openapi`: rewrites openapi.yaml at the repo root from the route schemas.
import { writeFileSync } from 'node:fs';
import { renderOpenapiYaml } from './openapi-document.js';

writeFileSync(new URL('../openapi.yaml', import.meta.url), await renderOpenapiYaml());
console.log('openapi.yaml written');
