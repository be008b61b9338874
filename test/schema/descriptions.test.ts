import { buildSchema, getIntrospectionQuery, graphqlSync, type IntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadSchemaSdl } from '../../src/loadSchemaSdl.js';

/** Every public type, field, argument, input field and enum value without a description, as `Type.field(arg)`. */
function undescribed(): string[] {
  const schema = buildSchema(loadSchemaSdl().join('\n'));
  const result = graphqlSync({ schema, source: getIntrospectionQuery({ inputValueDeprecation: true }) });
  const missing: string[] = [];
  const blank = (text: string | null | undefined): boolean => !text || text.trim().length === 0;
  for (const type of (result.data as unknown as IntrospectionQuery).__schema.types) {
    if (type.name.startsWith('__')) continue;
    if (['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (blank(type.description)) missing.push(type.name);
    if ('fields' in type && type.fields) {
      for (const field of type.fields) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if ('inputFields' in type && type.inputFields) for (const field of type.inputFields) if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
    if ('enumValues' in type && type.enumValues) for (const value of type.enumValues) if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe('schema: introspection documents the API', () => {
  it('gives every public type, field, argument, input field and enum value a description', () => {
    const missing = undescribed();
    expect(missing, `${missing.length} without a description`).toEqual([]);
  });
});
