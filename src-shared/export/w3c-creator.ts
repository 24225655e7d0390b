/**
 * The W3C `creator` of an annotation (Web Annotation Data Model §3.3.2): a Person agent with a
 * `name` and, when the analyst gave one, an `email` written as a `mailto:` IRI.
 */
import { authorEmailSchema, authorNameSchema, type Author } from '../domain/author';

/** A creator as written in an exported annotation. */
export interface W3CPerson {
  type: 'Person';
  name: string;
  /** `mailto:` IRI, as the model requires for `email`. */
  email?: string;
}

/** The creator of an annotation, or undefined for one made before authorship was recorded. */
export function creatorOf(author: Author | null | undefined): W3CPerson | undefined {
  if (!author) return undefined;
  return { type: 'Person', name: author.name, ...(author.email ? { email: `mailto:${author.email}` } : {}) };
}

/**
 * Reads a creator from any file: the first agent with a usable name (a string, or the first of
 * several), and its first `email` (with or without `mailto:`). A creator given only as an IRI,
 * or with no readable name, gives null: the importing analyst is recorded instead.
 */
export function readCreator(value: unknown): Author | null {
  const agents = Array.isArray(value) ? value : [value];
  for (const agent of agents) {
    if (typeof agent !== 'object' || agent === null) continue;
    const { name: rawName, nickname, email: rawEmail } = agent as { name?: unknown; nickname?: unknown; email?: unknown };
    const firstName = [rawName, nickname].map((n) => (Array.isArray(n) ? n[0] : n)).find((n) => typeof n === 'string' && n.trim());
    const name = authorNameSchema.safeParse(typeof firstName === 'string' ? firstName.slice(0, 100) : '');
    if (!name.success) continue;
    const first = Array.isArray(rawEmail) ? rawEmail[0] : rawEmail;
    const email = typeof first === 'string' ? authorEmailSchema.safeParse(first.replace(/^mailto:/i, '')) : null;
    return { name: name.data, ...(email?.success ? { email: email.data } : {}) };
  }
  return null;
}
