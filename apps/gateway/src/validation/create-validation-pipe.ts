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

  /**
   * The value itself when it is answered at once, else the base pipe's promise. Nest awaits
   * whatever a pipe returns (PipeTransform's result type is open; the base class narrows it to a
   * promise), and the direct catalog routes await only a promise: wrapping the DTO in a resolved
   * promise cost a look-up of `then` along the DTO's prototype chain and a microtask turn.
   */
  // `any`: the base class declares Promise<any>, and an override may not widen that.
  override transform(value: unknown, metadata: ArgumentMetadata): any {
    // What the base pipe does for a custom parameter decorator (it validates none), minus its awaits.
    if (metadata.type === 'custom') return value;
    const dto = metadata.type === 'body' ? (metadata.metatype as Dto | undefined) : undefined;
    if (dto && isPlainObject(value)) {
      const plan = this.planFor(dto);
      if (plan) {
        const instance = Object.assign(new dto(), value);
        if (plan.passes(instance)) return instance;
      }
    }
    return super.transform(value, metadata);
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
