import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channels, contract } from './contract';

type Schema = z.core.$ZodType;

/** Schema kinds that hold no other schema, so there is nothing below them to check. */
const LEAVES = new Set(['string', 'number', 'int', 'boolean', 'bigint', 'enum', 'literal', 'null', 'undefined', 'never', 'date', 'nan', 'transform']);

/**
 * Every object schema reachable from `schema`, with the path to it and whether it refuses
 * unknown keys. A kind this walk does not know fails the test instead of being skipped, so a new
 * wrapper (zod adds them) cannot hide a loose object from it.
 */
function objectsIn(schema: Schema, path: string, found: { path: string; strict: boolean }[] = [], seen = new Set<Schema>()) {
  if (seen.has(schema)) return found;
  seen.add(schema);
  // zod's definitions are typed per kind; the walk reads only the fields each kind documents.
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const below = (key: string, child: unknown) => objectsIn(child as Schema, `${path}${key}`, found, seen);
  switch (def.type) {
    case 'object': {
      const catchall = def.catchall as Schema | undefined;
      found.push({ path, strict: catchall?._zod.def.type === 'never' });
      for (const [key, child] of Object.entries(def.shape as Record<string, Schema>)) below(`.${key}`, child);
      break;
    }
    case 'array':
      below('[]', def.element);
      break;
    case 'union':
      (def.options as Schema[]).forEach((option, i) => below(`|${i}`, option));
      break;
    case 'intersection':
      below('&left', def.left);
      below('&right', def.right);
      break;
    case 'tuple':
      (def.items as Schema[]).forEach((item, i) => below(`[${i}]`, item));
      if (def.rest) below('[...]', def.rest);
      break;
    case 'record':
      below('{key}', def.keyType);
      below('{value}', def.valueType);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      below('', def.innerType);
      break;
    case 'pipe':
      below('', def.in);
      below('', def.out);
      break;
    case 'lazy':
      below('', (def.getter as () => Schema)());
      break;
    default:
      if (!LEAVES.has(def.type)) throw new Error(`${path}: the strictness walk does not know zod's "${def.type}" schemas; teach it.`);
  }
  return found;
}

describe('contract input schemas', () => {
  it.each(channels)('%s refuses unknown keys in every object it accepts', (channel) => {
    const objects = objectsIn(contract[channel].input, channel);
    const loose = objects.filter((o) => !o.strict).map((o) => o.path);
    expect(loose, `non-strict objects (use z.strictObject or .strict()): ${loose.join(', ')}`).toEqual([]);
  });

  it('would catch a loose object nested in a union, an array and an optional', async () => {
    const { z } = await import('zod');
    const nested = z.strictObject({ list: z.array(z.union([z.strictObject({ a: z.string() }), z.object({ b: z.string().optional() }).optional()])) });
    expect(objectsIn(nested, 'x').filter((o) => !o.strict).map((o) => o.path)).toEqual(['x.list[]|1']);
  });
});
