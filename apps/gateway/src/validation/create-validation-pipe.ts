import {
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
  type ValidationPipeOptions,
} from '@nestjs/common';
import { RequestValidationError, type FieldProblem } from '../errors/gateway-errors.js';
import { CompiledDtoCheck } from './compiled-dto-check.js';

type Dto = new () => object;

/**
 * Nest's ValidationPipe with a fast accept in front: a JSON body for a flat DTO is checked by
 * the DTO's compiled rules and, when it passes, handed on as the DTO instance at once. Anything
 * else (a failing body, a nested DTO, a non-body argument) takes the full pipe, so every error a
 * caller sees is still class-validator's own.
 */
export class GatewayValidationPipe extends ValidationPipe {
  private readonly plans = new Map<Dto, CompiledDtoCheck | undefined>();

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.type === 'body' ? (metadata.metatype as Dto | undefined) : undefined;
    const accepted = dto && isPlainObject(value) ? this.planFor(dto)?.accept(dto, value) : undefined;
    return accepted ? Promise.resolve(accepted) : super.transform(value, metadata);
  }

  private planFor(dto: Dto): CompiledDtoCheck | undefined {
    if (!this.plans.has(dto)) this.plans.set(dto, CompiledDtoCheck.compile(dto));
    return this.plans.get(dto);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Strict DTOs: unknown fields are errors, values are never echoed back (they may be tokens). */
export const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
};

export function createValidationPipe(): GatewayValidationPipe {
  return new GatewayValidationPipe(VALIDATION_OPTIONS);
}

function flatten(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
