import {
  getMetadataStorage,
  ValidationTypes,
  type MetadataStorage,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';

type Dto = new () => object;
type Condition = (object: object, value: unknown) => boolean;
/** One rule as class-validator records it; its class is not exported, so its type is read from the storage's. */
type RuleRecord = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];

interface Rule {
  readonly check: ValidatorConstraintInterface['validate'];
  readonly constraints: unknown[];
  readonly each: boolean;
  readonly validateIf?: Condition;
}

interface PropertyPlan {
  readonly name: string;
  readonly conditions: readonly Condition[];
  readonly rules: readonly Rule[];
}

/**
 * A DTO's class-validator rules, read once through class-validator's exported metadata storage
 * and run as a flat loop: the answer to "does this body pass?" for the common case of a valid
 * request. class-validator works the same rules out again on every call (metadata filtered per
 * class, an error object built for every property, contexts mapped): ~7.5 µs a call against ~1.6
 * here, and `npm run bench:ab` puts the difference at over a quarter of the qqprofile miss path's
 * CPU (docs/architecture.md, "Hand-written stand-ins").
 *
 * It only ever *accepts*: a body it does not pass — or a DTO it cannot plan (nested DTOs, async
 * rules, groups) — goes to the full ValidationPipe, which then finds and words the error. So it
 * can never answer differently from class-validator, only sooner; a property test holds it to that.
 */
export class CompiledDtoCheck {
  private constructor(
    private readonly properties: readonly PropertyPlan[],
    private readonly known: ReadonlySet<string>,
  ) {}

  /** The plan for a DTO, or undefined when it has a rule this fast path does not cover. */
  static compile(dto: Dto): CompiledDtoCheck | undefined {
    const storage = getMetadataStorage();
    // The call class-validator's validate() makes for a class instance: no schema, no groups, always=false.
    const records = storage.getTargetValidationMetadatas(dto, '', false, false);
    if (records.length === 0) return undefined;
    const byProperty = new Map<string, RuleRecord[]>();
    for (const record of records)
      byProperty.set(record.propertyName, [...(byProperty.get(record.propertyName) ?? []), record]);

    const properties: PropertyPlan[] = [];
    for (const [name, list] of byProperty) {
      const conditions: Condition[] = [];
      const rules: Rule[] = [];
      for (const record of list) {
        if (record.groups?.length || record.always !== undefined) return undefined;
        if (record.type === ValidationTypes.CONDITIONAL_VALIDATION) {
          const condition = conditionOf(record);
          if (!condition) return undefined;
          conditions.push(condition);
        } else if (record.type === ValidationTypes.CUSTOM_VALIDATION || record.type === ValidationTypes.IS_DEFINED) {
          for (const constraint of storage.getTargetValidatorConstraints(record.constraintCls)) {
            if (constraint.async) return undefined;
            const { instance } = constraint;
            const check = instance.validate.bind(instance);
            rules.push({
              check,
              constraints: record.constraints,
              each: record.each === true,
              validateIf: record.validateIf,
            });
          }
        } else if (record.type !== ValidationTypes.WHITELIST) return undefined; // nested or promise validation
      }
      properties.push({ name, conditions, rules });
    }
    return new CompiledDtoCheck(properties, new Set(byProperty.keys()));
  }

  /**
   * The body as an instance of the DTO, when class-validator (whitelist, forbidNonWhitelisted)
   * would find nothing wrong with it; else undefined. Every key is checked on the body itself
   * before it is copied, so no key can reach the instance's prototype.
   */
  accept<T extends object>(dto: new () => T, body: Readonly<Record<string, unknown>>): T | undefined {
    for (const key of Object.keys(body)) if (!this.known.has(key)) return undefined;
    const instance = Object.assign(new dto(), body);
    return this.passes(instance) ? instance : undefined;
  }

  private passes(instance: object): boolean {
    const object = instance as Record<string, unknown>;
    // One arguments object per call, refilled per property and rule, as class-validator passes them.
    const args = {
      targetName: object.constructor.name,
      property: '',
      object,
      value: undefined as unknown,
      constraints: [] as unknown[],
    } satisfies ValidationArguments;
    for (const property of this.properties) {
      const value = object[property.name];
      if (!allHold(property.conditions, object, value)) continue;
      args.property = property.name;
      args.value = value;
      for (const rule of property.rules) {
        if (rule.validateIf && !rule.validateIf(object, value)) continue;
        args.constraints = rule.constraints;
        if (rule.each && Array.isArray(value)) {
          for (const item of value) if (rule.check(item, args) !== true) return false;
        } else if (rule.check(value, args) !== true) return false;
      }
    }
    return true;
  }
}

/**
 * A @ValidateIf or @IsOptional record carries its condition as its one constraint (how
 * class-validator's executor reads it); anything else there and the DTO takes the full pipe.
 */
function conditionOf(record: RuleRecord): Condition | undefined {
  const condition: unknown = record.constraints[0];
  return typeof condition === 'function' ? (condition as Condition) : undefined;
}

function allHold(conditions: readonly Condition[], object: object, value: unknown): boolean {
  for (const condition of conditions) if (!condition(object, value)) return false;
  return true;
}
