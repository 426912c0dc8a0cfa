import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

/**
 * The contract's generated files: the OpenAPI document and the client's types made from it.
 * The scripts that write them and the tests that check them render them through these same
 * functions, so a check fails only when a file is out of date.
 */
export const OPENAPI_JSON = 'docs/openapi.json';
export const CLIENT_TYPES = 'libs/client/src/gateway-api.ts';

/** A file's text as Prettier (with the repository's config) writes it, so `prettier --check` passes. */
async function formatted(text: string, path: string): Promise<string> {
  const options = await resolveConfig(path);
  return format(text, { ...options, filepath: path });
}

export function renderOpenApiJson(document: object): Promise<string> {
  return formatted(JSON.stringify(document, null, 2), OPENAPI_JSON);
}

/** openapi-typescript's types for the document, with the header its CLI writes. */
export async function renderClientTypes(documentJson: string): Promise<string> {
  const ast = await openapiTS(documentJson, { silent: true });
  return formatted(COMMENT_HEADER + astToString(ast), CLIENT_TYPES);
}
