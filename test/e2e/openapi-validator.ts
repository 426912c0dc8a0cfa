import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import type { HttpResult } from '../support/http-client.js';

/** The parts of an OpenAPI document the contract checks read. */
interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  items?: Schema;
  $ref?: string;
}
interface Header {
  required?: boolean;
  schema: Schema;
}
interface Response {
  $ref?: string;
  headers?: Record<string, Header & { $ref?: string }>;
  content?: { 'application/json'?: { schema: Schema } };
}
interface Operation {
  'x-msdk-interface'?: string;
  responses: Record<string, Response>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; responses: Record<string, Response>; headers: Record<string, Header> };
}

export const readCommittedDocument = (): OpenApiDocument =>
  JSON.parse(readFileSync('docs/openapi.json', 'utf8')) as OpenApiDocument;

/**
 * Answers checked against the OpenAPI document with ajv. Object schemas are closed first
 * (additionalProperties false where the document leaves it open), so a field MSDK's emulator
 * sends that the document does not describe is a failure, not a silent pass.
 */
export class ContractValidator {
  // Not strict: the document carries OpenAPI's own keywords (example, nullable) beside JSON Schema's.
  private readonly ajv = new Ajv({ allErrors: true, strict: false });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    const closed = structuredClone(document);
    for (const schema of Object.values(closed.components.schemas)) close(schema);
    this.ajv.addSchema(closed, 'openapi');
  }

  /** The POST operation a route serves. */
  operation(route: string): Operation {
    const operation = this.document.paths[route]?.post;
    if (!operation) throw new Error(`${route} is not in the document`);
    return operation;
  }

  /** What is wrong with this answer of a route, by the document; empty when it conforms. */
  problems(route: string, answer: HttpResult): string[] {
    const documented = this.operation(route).responses[String(answer.status)];
    if (!documented) return [`${route}: status ${answer.status} is not documented (${answer.text.slice(0, 200)})`];
    const response = documented.$ref ? this.resolve<Response>(documented.$ref) : documented;
    const problems: string[] = [];
    for (const [name, declared] of Object.entries(response.headers ?? {})) {
      const header = declared.$ref ? this.resolve<Header>(declared.$ref) : declared;
      const value = answer.headers.get(name);
      if (value === null) {
        if (header.required) problems.push(`${route} ${answer.status}: header ${name} is missing`);
        continue;
      }
      const typed = header.schema.type === 'integer' ? Number(value) : value;
      problems.push(...this.check(header.schema, typed, `${route} ${answer.status} header ${name}`));
    }
    const schema = response.content?.['application/json']?.schema;
    if (schema) problems.push(...this.check(schema, answer.json, `${route} ${answer.status}`));
    return problems;
  }

  /** What is wrong with a body as the 200 answer of a route (the sandbox's own answers, read back). */
  answerProblems(route: string, body: unknown): string[] {
    const schema = this.operation(route).responses['200'].content?.['application/json']?.schema;
    return schema ? this.check(schema, body, `${route} 200 (MSDK's answer)`) : [`${route}: no 200 schema`];
  }

  private check(schema: Schema, value: unknown, where: string): string[] {
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema.$ref ? { $ref: `openapi${schema.$ref}` } : schema);
      this.validators.set(key, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (e) => `${where}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
    );
  }

  private resolve<T>(ref: string): T {
    const [, , kind, name] = ref.split('/') as [string, string, 'responses' | 'headers', string];
    return this.document.components[kind][name] as T;
  }
}

/** Closes every object schema the document leaves open. */
function close(schema: Schema): void {
  if (schema.properties) {
    schema.additionalProperties ??= false;
    Object.values(schema.properties).forEach(close);
  }
  if (schema.items) close(schema.items);
}
