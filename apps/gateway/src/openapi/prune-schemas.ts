import type { OpenAPIObject } from '@nestjs/swagger';

const SCHEMA_REF = '#/components/schemas/';

/**
 * Drops the schemas no answer or request refers to any more (the decorators' generic error
 * envelope, superseded by the per-status ones), so the document lists only what it uses.
 */
export function pruneUnusedSchemas(document: OpenAPIObject): void {
  const schemas = document.components?.schemas;
  if (!schemas) return;
  const used = new Set<string>();
  const pending = refsIn({ ...document, components: { ...document.components, schemas: undefined } });
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (used.has(name)) continue;
    used.add(name);
    pending.push(...refsIn(schemas[name]));
  }
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
}

function refsIn(value: unknown): string[] {
  const found: string[] = [];
  JSON.stringify(value, (key, v: unknown) => {
    if (key === '$ref' && typeof v === 'string' && v.startsWith(SCHEMA_REF)) found.push(v.slice(SCHEMA_REF.length));
    return v;
  });
  return found;
}
