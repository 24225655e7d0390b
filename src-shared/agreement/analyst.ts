/**
 * Who coded an annotation: the name in its `createdBy` (authorship), or null when it was made
 * before authorship was recorded. Curated annotations belong to the agreed set, not to an analyst.
 */
export interface Authored {
  createdBy?: { name: string } | null;
  curated?: boolean | undefined;
}

export function analystOf(annotation: Authored): string | null {
  if (annotation.curated) return null;
  const name = annotation.createdBy?.name.trim();
  return name ? name : null;
}
