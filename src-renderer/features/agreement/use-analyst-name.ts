/**
 * The analyst's name from the app's settings. Authorship (`settings:get`) has not landed on this
 * branch yet: until it does, nobody has a name, and "Only mine" shows annotations without author.
 */
export function useAnalystName(): string | null {
  return null;
}
