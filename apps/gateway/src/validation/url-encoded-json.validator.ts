import { registerDecorator, type ValidationOptions } from 'class-validator';

/** What encodeURIComponent (or a form encoder, `+` for space) can produce. */
const URL_ENCODED = /^(?:[A-Za-z0-9\-_.!~*'()+]|%[0-9A-Fa-f]{2})+$/;

/**
 * The ark template must reach MSDK url-encoded, and what it encodes is a JSON object (the
 * Oasis protocol without comments). Checking both here turns a template QQ would silently
 * drop into a 400 that names the field.
 */
export function IsUrlEncodedJsonObject(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isUrlEncodedJsonObject',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must be a url-encoded JSON object (the ark template, comments removed)',
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && decodesToJsonObject(value) },
    });
}

function decodesToJsonObject(value: string): boolean {
  if (!URL_ENCODED.test(value)) return false;
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(value.replace(/\+/g, ' ')));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}
