import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/schema/index.js';

interface Tally {
  described: number;
  missing: string[];
}

const tally = (): Tally => ({ described: 0, missing: [] });
const count = (into: Tally, name: string, description: string | null | undefined) => (description?.trim() ? into.described++ : into.missing.push(name));
const total = (t: Tally) => t.described + t.missing.length;
const percent = (t: Tally) => (total(t) === 0 ? 100 : (100 * t.described) / total(t));
const figure = (t: Tally) => `${t.described}/${total(t)} (${percent(t).toFixed(1)}%)`;

/** Federation adds `_Service`, `_Any`, `_Entity`, `_service` and `_entities`: not ours to describe. */
const ours = (name: string) => !name.startsWith('_');

function measure(schema: GraphQLSchema) {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t) => t != null);
  const rootNames = new Set(roots.map((t) => t.name));
  const types = tally();
  const rootFields = tally();
  const fields = tally();
  const args = tally();
  const values = tally();
  const named = Object.values(schema.getTypeMap()).filter((t: GraphQLNamedType) => ours(t.name) && !isIntrospectionType(t) && !isSpecifiedScalarType(t));
  for (const type of named) {
    count(types, type.name, type.description);
    if (isEnumType(type)) {
      for (const value of type.getValues()) count(values, `${type.name}.${value.name}`, value.description);
      continue;
    }
    if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue;
    for (const field of Object.values<GraphQLField<unknown, unknown> | GraphQLInputField>(type.getFields()).filter((f) => ours(f.name))) {
      const name = `${type.name}.${field.name}`;
      count(fields, name, field.description);
      if (rootNames.has(type.name)) count(rootFields, name, field.description);
      for (const arg of 'args' in field ? field.args : []) count(args, `${name}(${arg.name})`, arg.description);
    }
  }
  return { types, rootFields, fields, args, values };
}

const coverage = measure(buildSchema());

const bonus = `not required: arguments ${figure(coverage.args)}, enum values ${figure(coverage.values)}`;

describe(`schema descriptions in GraphiQL's docs (${bonus})`, () => {
  it(`every Query, Mutation and Subscription field has one: ${figure(coverage.rootFields)}`, () => {
    expect(total(coverage.rootFields)).toBeGreaterThan(0);
    expect(coverage.rootFields.missing, `root fields without a description: ${figure(coverage.rootFields)}`).toEqual([]);
  });

  it(`every type (objects, interfaces, unions, enums, inputs, scalars) has one: ${figure(coverage.types)}`, () => {
    expect(total(coverage.types)).toBeGreaterThan(0);
    expect(coverage.types.missing, `types without a description: ${figure(coverage.types)}`).toEqual([]);
  });

  it(`at least 90% of object and input fields have one: ${figure(coverage.fields)}`, () => {
    expect(percent(coverage.fields), `fields described: ${figure(coverage.fields)}; without one: ${coverage.fields.missing.join(', ')}`).toBeGreaterThanOrEqual(
      90,
    );
  });

  it('a field left undescribed is found and counted against the coverage', () => {
    const schema = buildSchema();
    const zone = schema.getType('Zone');
    if (!isObjectType(zone)) throw new Error('Zone is not an object type');
    const field = zone.getFields()['asciiName'];
    if (!field) throw new Error('Zone.asciiName is missing');
    const original = field.description;
    field.description = undefined;
    try {
      const measured = measure(schema);
      expect(measured.fields.missing).toContain('Zone.asciiName');
      expect(measured.fields.described).toBe(coverage.fields.described - 1);
    } finally {
      field.description = original;
    }
  });
});
