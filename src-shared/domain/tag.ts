import { z } from 'zod';
import { authorshipShape } from './author';
import { idSchema, timestampSchema } from './ids';

/** A code in the codebook: applied to annotations, optionally nested under a parent. */
export const tagSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1, 'Tag name is empty').max(100, 'Tag name is longer than 100 characters'),
  color: z.string().regex(/^#[0-9a-f]{6}$/i, 'Colour must be written as #rrggbb'),
  parentId: idSchema.nullable(),
  /** 1–9: pressing the digit applies the tag to the selection or the selected annotation. */
  hotkey: z.number().int().min(1).max(9).nullable(),
  /** When the tag was made and last changed; absent for tags made before these were recorded. */
  createdAt: timestampSchema.optional(),
  updatedAt: timestampSchema.optional(),
  ...authorshipShape,
});
export type Tag = z.infer<typeof tagSchema>;

/** What is recorded by the app, never given by a caller. */
const RECORDED = { id: true, createdAt: true, updatedAt: true, createdBy: true, updatedBy: true } as const;

export const tagFieldsSchema = tagSchema.omit(RECORDED).extend({
  color: tagSchema.shape.color.default('#f2c94c'),
  parentId: idSchema.nullable().default(null),
  hotkey: z.number().int().min(1).max(9).nullable().default(null),
});
export type TagFields = z.input<typeof tagFieldsSchema>;

/** A change to some of a tag's fields; fields not given are left as they are (no defaults). */
export const tagPatchSchema = tagSchema.omit(RECORDED).partial();

export interface TagWithCount extends Tag {
  usageCount: number;
}
