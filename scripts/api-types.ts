// Renders the TypeScript types of the published contract (openapi-typescript): the page and the test client use them.
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

export const API_TYPES_FILE = new URL('../src/schemas/openapi-types.d.ts', import.meta.url);

const HEADER = '// Generated from openapi.yaml by `npm run openapi` (openapi-typescript); do not edit. File parts are Blobs.\n';

export async function renderApiTypes(openapiYaml: string): Promise<string> {
  const ast = await openapiTS(openapiYaml, {
    silent: true,
    // a file part or a download is a Blob in the browser and in Node's fetch
    transform: (schema) => (schema.format === 'binary' ? ts.factory.createTypeReferenceNode('Blob') : undefined),
  });
  return HEADER + astToString(ast);
}
