/**
 * The medium a claim was made in, when the words around it say so. Only cues in the attribution
 * itself count ("wrote on X", "said in a statement"); nothing is guessed from elsewhere.
 */
const CUES: readonly (readonly [RegExp, string])[] = [
  [/\b(?:tweet(?:ed|s)?|posted|post on|on (?:X|Twitter|Facebook|Telegram|Instagram|TikTok|Bluesky|Threads|social media)|wrote on (?:X|Twitter|Facebook|Telegram|Instagram))\b/u, 'social media post'],
  [/\bstatement\b/u, 'statement'],
  [/\binterview\b/u, 'interview'],
  [/\b(?:told|to|with) reporters\b|\bremarks to reporters\b|\bnews conference\b|\bpress conference\b/u, 'remarks to reporters'],
];

/** The medium named in an attribution's words, or null. */
export function mediumOf(attribution: string): string | null {
  for (const [pattern, medium] of CUES) if (pattern.test(attribution)) return medium;
  return null;
}
