/** Verbs that report speech or writing ("said", "told", "tweeted"), folded. */
export const REPORTING_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'added', 'adds', 'wrote', 'writes', 'tweeted', 'posted', 'stated', 'announced',
  'warned', 'warns', 'insisted', 'insists', 'denied', 'denies', 'argued', 'claimed', 'noted', 'stressed', 'explained',
  'replied', 'responded', 'declared', 'confirmed', 'acknowledged', 'admitted', 'promised', 'vowed', 'continued',
  'concluded', 'recalled', 'complained', 'suggested', 'predicted', 'cautioned', 'answered', 'countered', 'commented',
  'remarked', 'emphasised', 'emphasized', 'asked', 'urged', 'repeated', 'reiterated', 'alleged', 'maintained', 'estimated',
]);

/** Verbs that need "that" before the reported clause ("told reporters that"); otherwise the object is a listener. */
export const NEEDS_THAT = new Set(['told', 'tells', 'asked', 'urged', 'posted', 'wrote', 'writes', 'tweeted', 'announced', 'denied', 'denies', 'continued', 'answered', 'replied', 'responded', 'promised', 'vowed']);

/** Verbs that label something with a quoted word ("called the plan a “farce”"): a mixed quote. */
export const LABEL_VERBS = new Set(['called', 'calling', 'described', 'describing', 'dubbed', 'branded', 'labelled', 'labeled', 'termed']);

/** Pronouns that can stand for a speaker, with what they can stand for. */
export const PRONOUNS: Readonly<Record<string, 'male' | 'female' | 'org' | 'any'>> = { he: 'male', she: 'female', it: 'org', they: 'any' };
