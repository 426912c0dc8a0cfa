import { describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import fc from 'fast-check';
import { getMetadataStorage } from 'class-validator';
import { ALL_ENTRIES } from '#msdk';
import { AuthController } from '../../apps/gateway/src/domains/auth/auth.controller.js';
import { FreeflowController } from '../../apps/gateway/src/domains/freeflow/freeflow.controller.js';
import { FriendController } from '../../apps/gateway/src/domains/friend/friend.controller.js';
import { GroupController } from '../../apps/gateway/src/domains/group/group.controller.js';
import { ProfileController } from '../../apps/gateway/src/domains/profile/profile.controller.js';
import { RelationController } from '../../apps/gateway/src/domains/relation/relation.controller.js';
import { ShareController } from '../../apps/gateway/src/domains/share/share.controller.js';
import { CompiledDtoCheck } from '../../apps/gateway/src/validation/compiled-dto-check.js';
import { VALIDATION_OPTIONS } from '../../apps/gateway/src/validation/create-validation-pipe.js';
import { FRIEND_MORE_SAMPLES } from '../e2e/samples/friend.samples.js';
import { defined } from '../support/defined.js';
import { ALL_SAMPLES, ALL_INVALID } from '../e2e/samples/all.samples.js';

type Dto = new () => object;
const CONTROLLERS = [
  AuthController,
  RelationController,
  GroupController,
  ProfileController,
  ShareController,
  FreeflowController,
  FriendController,
];
const VALID = [...ALL_SAMPLES, ...FRIEND_MORE_SAMPLES];
const INVALID = ALL_INVALID;

/** Every route's body DTO, read from the controllers as Nest reads them. */
function dtoByRoute(): Map<string, Dto> {
  const routes = new Map<string, Dto>();
  for (const controller of CONTROLLERS) {
    const base = Reflect.getMetadata('path', controller) as string;
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as unknown as Record<string, unknown>)[name];
      const path =
        typeof handler === 'function' ? (Reflect.getMetadata('path', handler) as string | undefined) : undefined;
      if (name === 'constructor' || path === undefined) continue;
      const params = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? []) as unknown[];
      const dto = params.find(
        (p): p is Dto =>
          typeof p === 'function' && getMetadataStorage().getTargetValidationMetadatas(p, '', false, false).length > 0,
      );
      routes.set(`/${base}/${path}`, defined(dto, `a DTO for ${base}/${path}`));
    }
  }
  return routes;
}

const ROUTES = dtoByRoute();
const reference = new ValidationPipe(VALIDATION_OPTIONS);
const fullPipeAccepts = (dto: Dto, body: unknown) =>
  reference.transform(structuredClone(body), { type: 'body', metatype: dto }).then(
    () => true,
    () => false,
  );
const fastAccepts = (dto: Dto, body: unknown) => {
  const plan = CompiledDtoCheck.compile(dto);
  return (
    plan !== undefined &&
    body !== null &&
    typeof body === 'object' &&
    !Array.isArray(body) &&
    plan.accept(dto, structuredClone(body) as Record<string, unknown>) !== undefined
  );
};

describe('fast-accept validation never accepts what class-validator refuses', () => {
  it('knows the body DTO of every catalog operation', () => {
    expect(ROUTES.size).toBe(ALL_ENTRIES.length);
  });

  it('accepts every valid sample of a compiled DTO, as the full pipe does', async () => {
    for (const sample of VALID) {
      const dto = defined(ROUTES.get(sample.route), `a DTO for ${sample.route}`);
      expect(await fullPipeAccepts(dto, sample.body)).toBeTruthy();
      if (CompiledDtoCheck.compile(dto)) expect(fastAccepts(dto, sample.body)).toBeTruthy();
    }
  });

  it('refuses every invalid sample (the full pipe then words the error)', async () => {
    for (const bad of INVALID) {
      const dto = ROUTES.get(bad.route)!;
      expect(await fullPipeAccepts(dto, bad.body)).toBe(false);
      expect(fastAccepts(dto, bad.body)).toBe(false);
    }
  });

  it('refuses a body with a __proto__ or constructor key (the full pipe then decides)', async () => {
    const dto = defined(ROUTES.get('/v1/relation/qqprofile'), 'the qqprofile DTO');
    const valid = defined(
      VALID.find((s) => s.route === '/v1/relation/qqprofile'),
      'a qqprofile sample',
    ).body;
    for (const text of [
      `{"__proto__": ${JSON.stringify(valid)}}`,
      `{"constructor": {}, ${JSON.stringify(valid).slice(1)}`,
    ]) {
      const body = JSON.parse(text) as Record<string, unknown>;
      expect(CompiledDtoCheck.compile(dto)?.accept(dto, body)).toBeUndefined();
    }
    expect(await fullPipeAccepts(dto, JSON.parse(`{"__proto__": ${JSON.stringify(valid)}}`))).toBe(false);
  });

  it('agrees with class-validator on random mutations of every sample (fast accept implies full accept)', async () => {
    const jsonValue = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.boolean(),
      fc.integer({ min: -5, max: 1e10 }),
      fc.double(),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 600 }),
      fc.array(fc.string({ maxLength: 40 }), { maxLength: 60 }),
      fc.array(fc.integer(), { maxLength: 5 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
    );
    const samples = VALID.filter((s) => CompiledDtoCheck.compile(ROUTES.get(s.route)!));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...samples),
        fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom('openid', 'accessToken', 'msdkExtInfo', 'extra', '__x'),
              fc.string({ maxLength: 8 }),
            ),
            jsonValue,
          ),
          { maxLength: 3 },
        ),
        fc.nat(),
        async (sample, changes, pick) => {
          const keys = Object.keys(sample.body);
          const body: Record<string, unknown> = { ...sample.body };
          for (const [key, value] of changes)
            body[pick % 2 === 0 && keys.length ? keys[pick % keys.length] : key] = value;
          for (const [k, v] of Object.entries(body)) if (v === undefined) delete body[k];
          const dto = ROUTES.get(sample.route)!;
          if (fastAccepts(dto, body)) expect(await fullPipeAccepts(dto, body)).toBeTruthy();
        },
      ),
      { numRuns: 3000 },
    );
  });
});
