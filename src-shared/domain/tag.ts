import { z } from 'zod';
import { idSchema } from './ids';

/** A code in the codebook: applied to annotations, optionally nested under a parent. */
export const tagSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1, 'Tag name is empty').max(100, 'Tag name is longer than 100 characters'),
  color: z.string().regex(/^#[0-9a-f]{6}$/i, 'Colour must be written as #rrggbb'),
  parentId: idSchema.nullable(),
  /** 1–9: pressing the digit applies the tag to the selection or the selected annotation. */
  hotkey: z.number().int().min(1).max(9).nullable(),
});
export type Tag = z.infer<typeof tagSchema>;

export const tagFieldsSchema = tagSchema.omit({ id: true }).extend({
  color: tagSchema.shape.color.default('#f2c94c'),
  parentId: idSchema.nullable().default(null),
  hotkey: z.number().int().min(1).max(9).nullable().default(null),
});
export type TagFields = z.input<typeof tagFieldsSchema>;

/** A change to some of a tag's fields; fields not given are left as they are (no defaults). */
export const tagPatchSchema = tagSchema.omit({ id: true }).partial();

export interface TagWithCount extends Tag {
  usageCount: number;
}
