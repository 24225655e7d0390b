import { z } from 'zod';

/** Longest analyst name, in UTF-16 code units. */
export const MAX_AUTHOR_NAME = 100;

/** An analyst's name as shown in the app and written into exports. */
export const authorNameSchema = z
  .string()
  .trim()
  .min(1, 'Your name is empty: write the name colleagues know you by')
  .max(MAX_AUTHOR_NAME, `Your name is longer than ${MAX_AUTHOR_NAME} characters`);

/** An email address, loosely checked: one @, no spaces, a dot in the domain. */
export const authorEmailSchema = z
  .string()
  .trim()
  .max(254, 'Email is longer than 254 characters')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Email must look like name@example.org (or leave it empty)');

/** Who did something: the analyst's name and, if they gave one, their email. */
export const authorSchema = z.object({
  name: authorNameSchema,
  email: authorEmailSchema.optional(),
});
export type Author = z.infer<typeof authorSchema>;

/**
 * Who created or last changed an item. Absent or null in data written before authorship was
 * recorded (such items open as they are; nobody is named for them).
 */
export const authorStampSchema = authorSchema.nullable().optional();

/** The fields every authored item carries; spread into the item schemas. */
export const authorshipShape = {
  /** Who created the item; absent or null when it was created before authorship was recorded. */
  createdBy: authorStampSchema,
  /** Who last changed the item; absent or null as for `createdBy`. */
  updatedBy: authorStampSchema,
};

/** The current analyst, asked at each change (settings can change while the app runs). */
export type AuthorProvider = () => Author;

/** "Lena Marsh <lena@example.org>" or "Lena Marsh": for one-line displays and CSV cells. */
export function formatAuthor(author: Author | null | undefined): string {
  if (!author) return '';
  return author.email ? `${author.name} <${author.email}>` : author.name;
}

/** Sets who created an item (and so who last changed it); returns the item. */
export function stampCreated<T extends object>(item: T, author: Author): T & { createdBy: Author; updatedBy: Author } {
  return Object.assign(item, { createdBy: { ...author }, updatedBy: { ...author } });
}

/** Sets who last changed an item; `createdBy` is kept as it was (absent or null for old items). */
export function stampUpdated<T extends object>(item: T, author: Author): T & { updatedBy: Author } {
  return Object.assign(item, { updatedBy: { ...author } });
}
