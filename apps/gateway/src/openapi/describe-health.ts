import type { OpenAPIObject } from '@nestjs/swagger';
import { operationsOf } from './describe-operations.js';

const SUMMARIES: Readonly<Record<string, string>> = {
  '/health/live': 'Liveness: the process answers (nothing external is checked)',
  '/health/ready':
    'Readiness: not shutting down, the MSDK circuit breakers closed and the cache store answering (else 503)',
};

/** The probes need no client key, and say what each one checks. */
export function describeHealthOperations(document: OpenAPIObject): void {
  for (const [path, operation] of operationsOf(document)) {
    if (!path.startsWith('/health/')) continue;
    operation.summary ??= SUMMARIES[path];
    operation.security = [];
    operation.responses['400'] ??= {
      description: 'The request could not be read (for example a malformed percent-encoding in the URL)',
    };
  }
}
