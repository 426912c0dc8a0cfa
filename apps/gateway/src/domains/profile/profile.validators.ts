import { registerDecorator, type ValidationOptions } from 'class-validator';

type Check = (value: unknown) => boolean;

function custom(name: string, message: string, validate: Check, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message, ...options },
      validator: { validate },
    });
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A positive int made only of the documented bits: query_vip silently ignores unknown bits,
 * so a typo (0x20) would come back as a missing kind instead of an error.
 */
export function IsBitMask(allowed: number, options?: ValidationOptions): PropertyDecorator {
  const hex = `0x${allowed.toString(16)}`;
  return custom(
    'isBitMask',
    `$property must be a positive int combining only the documented bits (mask ${hex})`,
    (v) => Number.isSafeInteger(v) && (v as number) > 0 && ((v as number) & ~allowed) === 0,
    options,
  );
}

/** One object, or a list of 1..max objects (wxbattle_report takes a single user or a batch). */
export function IsOneOrManyObjects(max: number, options?: ValidationOptions): PropertyDecorator {
  return custom(
    'isOneOrManyObjects',
    `$property must be an object or an array of 1 to ${max} objects`,
    (v) => isPlainObject(v) || (Array.isArray(v) && v.length >= 1 && v.length <= max && v.every(isPlainObject)),
    options,
  );
}

/**
 * wxbattle_report's `userdefined`: keys the platform chooses, each `{ name: string, value: int | string }`.
 * Its keys are open-ended, so it is checked here rather than by a nested DTO (which would reject them).
 */
export function IsUserDefinedData(options?: ValidationOptions): PropertyDecorator {
  const isItem = (item: unknown) =>
    isPlainObject(item) &&
    Object.keys(item).every((k) => k === 'name' || k === 'value') &&
    typeof item.name === 'string' &&
    item.name.length > 0 &&
    (typeof item.value === 'string' || Number.isSafeInteger(item.value));
  return custom(
    'isUserDefinedData',
    '$property must map each data id to { name: string, value: int or string }',
    (v) => isPlainObject(v) && Object.keys(v).length > 0 && Object.values(v).every(isItem),
    options,
  );
}
