// The field table (content/fields.ts, plain data for the browser) and the FillData schema
// (content/schema.ts, zod) describe the same fields: a field added to one must be in the other.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FILL_FIELDS, PLACEHOLDER_FIELDS, PLACEHOLDERS } from '../../src/content/fields.ts';
import { FillData, sampleFillData } from '../../src/content/schema.ts';

/** Every schema field that carries metadata, in schema order, as path + metadata. */
function schemaFields(): { path: string; meta: unknown }[] {
  const out: { path: string; meta: unknown }[] = [];
  for (const [group, groupSchema] of Object.entries(FillData.shape)) {
    const inner = (groupSchema as z.ZodOptional<z.ZodType>).unwrap();
    if (!(inner instanceof z.ZodObject)) continue;
    for (const [name, fieldSchema] of Object.entries(inner.shape)) out.push({ path: `${group}.${name}`, meta: (fieldSchema as z.ZodType).meta() });
  }
  return out;
}

describe('content fields', () => {
  it('lists exactly the fields of the FillData schema, in its order, with the metadata the schema carries', () => {
    const fromSchema = schemaFields();
    expect(fromSchema.map((f) => f.path)).toEqual(Object.keys(FILL_FIELDS));
    for (const { path, meta } of fromSchema) {
      const { path: _, ...own } = PLACEHOLDERS.get(path)!;
      expect(meta, path).toEqual(own);
    }
  });

  it('gives each field the group its path names and an example the schema accepts', () => {
    for (const field of PLACEHOLDER_FIELDS) expect(field.path.startsWith(`${field.group}.`), field.path).toBe(true);
    // sampleFillData parses the examples with the schema: a wrong example kind throws here.
    const sample = sampleFillData();
    expect(sample.factuur?.bedrag).toBe(FILL_FIELDS['factuur.bedrag'].voorbeeld);
    expect(sample.dossier?.jurisdictie).toBe('be');
  });

  it('imports nothing, so browser code reading it never pulls in zod', () => {
    const source = readFileSync(new URL('../../src/content/fields.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
  });
});
