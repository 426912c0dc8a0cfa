import { readFile, writeFile } from 'node:fs/promises';
import { CLIENT_TYPES, OPENAPI_JSON, renderClientTypes } from './contract-files.js';

/** `npm run client:generate` (after openapi:write): libs/client's types from docs/openapi.json. */
async function main(): Promise<void> {
  await writeFile(CLIENT_TYPES, await renderClientTypes(await readFile(OPENAPI_JSON, 'utf8')));
  process.stdout.write(`wrote ${CLIENT_TYPES} from ${OPENAPI_JSON}\n`);
}

void main();
