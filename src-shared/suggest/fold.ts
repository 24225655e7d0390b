/**
 * Case- and diacritics-insensitive form of a name, so "Müller", "MÜLLER" and "Muller" match and a
 * suggestion's key survives a change of accents. Pure string work, no locale data.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A short, deterministic hash (FNV-1a, 32 bits, as 7 base-36 digits) for keys: the same text
 * always gives the same key, across runs and machines.
 */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}
