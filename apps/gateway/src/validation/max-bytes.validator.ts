import { registerDecorator, type ValidationOptions } from 'class-validator';

/** MSDK's limits are UTF-8 bytes, not characters: a Chinese character counts three. */
export function MaxBytes(max: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'maxBytes',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [max],
      options: { message: `$property must be at most ${max} bytes of UTF-8`, ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && Buffer.byteLength(value, 'utf8') <= max,
      },
    });
}
