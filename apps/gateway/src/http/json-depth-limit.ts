import type { FastifyInstance } from 'fastify';
import { RequestValidationError } from '../errors/gateway-errors.js';

/**
 * The deepest body any operation needs is a few levels (reqBody.open, json.userdefined.x.name).
 * Validation and transformation recurse once per level, so a body nested thousands deep would
 * overflow the stack (a 500): it is refused as invalid first.
 */
export const MAX_JSON_DEPTH = 32;

export function registerJsonDepthLimit(fastify: FastifyInstance, maxDepth = MAX_JSON_DEPTH): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    if (nestedDeeperThan(request.body, maxDepth)) {
      return done(
        new RequestValidationError([
          { field: 'body', problems: [`the body is nested deeper than ${maxDepth} levels`] },
        ]),
      );
    }
    done();
  });
}

/** Iterative on purpose: measuring the depth must not recurse either. */
export function nestedDeeperThan(value: unknown, maxDepth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  // Most bodies are one flat object: answered without building the walk's work list.
  if (maxDepth >= 1 && !Array.isArray(value) && holdsNoObject(value)) return false;
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (depth > maxDepth) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node as object)) {
      if (child !== null && typeof child === 'object') pending.push([child, depth + 1]);
    }
  }
  return false;
}

function holdsNoObject(object: object): boolean {
  for (const key in object) {
    const child = (object as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object') return false;
  }
  return true;
}
