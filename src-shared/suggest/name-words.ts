/**
 * Word lists the name finder's rules use (folded: lower case, no accents). They are rules about
 * how news English names people and bodies, not lists of names: the names come from the text and
 * from the NLP library's lexicon.
 */

/** Titles and roles written before a person's name ("Foreign Minister", "Mr", "spokeswoman"). */
export const TITLES = new Set([
  'president', 'minister', 'secretary', 'secretary-general', 'director-general', 'director',
  'chancellor', 'mayor', 'governor', 'spokeswoman', 'spokesman', 'spokesperson', 'commissioner',
  'ambassador', 'senator', 'mr', 'mrs', 'ms', 'dr', 'pope', 'leader', 'head', 'chairman', 'chairwoman', 'chair', 'ceo',
  'councillor', 'judge', 'king', 'queen', 'envoy', 'general', 'premier', 'speaker', 'lawmaker', 'mp', 'sen', 'rep',
]);

/** Words that are part of a title only before one ("Foreign Minister", "Chief Executive"), not alone ("Trade Association"). */
export const TITLE_MODIFIERS = new Set(['vice', 'prime', 'foreign', 'finance', 'defence', 'defense', 'trade', 'energy', 'transport', 'interior', 'economy', 'health', 'justice', 'deputy', 'chief', 'executive', 'acting', 'former', 'state']);

/** Honorifics that news writes as part of the name ("Prince Abdulaziz bin Salman", "Sheikh Mohammed"), and name suffixes. */
export const NAME_PARTS = new Set(['prince', 'princess', 'sheikh', 'sheikha', 'emir', 'sultan', 'jr', 'sr', 'ii', 'iii']);

/** Words before a name that make it an organisation ("analysts at Nomura", "the newspaper Kathimerini"). */
export const ORG_CONTEXT = new Set(['at', 'newspaper', 'broadcaster', 'station', 'daily', 'weekly', 'magazine', 'company', 'firm', 'carmaker', 'insurer', 'retailer', 'operator', 'agency', 'channel', 'outlet', 'lender', 'group']);

/** Social networks: the medium of a post, not an actor of the article, after "on" or "via". */
export const PLATFORMS = new Set(['x', 'twitter', 'facebook', 'telegram', 'instagram', 'tiktok', 'youtube', 'bluesky', 'threads', 'whatsapp', 'weibo', 'wechat', 'linkedin']);

/** Capitalised small words that stay inside a name ("Reporters Without Borders", "Institute For ..."). */
export const INNER_FUNCTION_WORDS = new Set(['without', 'for', 'of', 'the', 'and', 'on', 'in', 'de']);

/** Roles that, written in lower case just before a name, mark it as a person ("union leader Claus Weselsky"). */
export const PERSON_CUES = new Set([
  ...TITLES, ...TITLE_MODIFIERS, 'counterpart', 'official', 'economist', 'analyst', 'steward', 'founder', 'officer', 'adviser', 'advisor',
  'activist', 'lawyer', 'professor', 'colonel', 'captain', 'candidate', 'member', 'negotiator', 'diplomat', 'correspondent',
  'journalist', 'editor', 'author', 'manager', 'boss', 'rapporteur', 'representative', 'commander',
]);

/** Words that make a name an organisation's ("Ministry", "Bank", "Institute"). */
export const ORG_HEADS = new Set([
  'ministry', 'organization', 'organisation', 'union', 'bank', 'institute', 'commission', 'council', 'association', 'fund',
  'office', 'party', 'agency', 'department', 'embassy', 'mission', 'group', 'corporation', 'company', 'telecom',
  'international', 'assembly', 'parliament', 'court', 'federation', 'university', 'foundation', 'committee', 'authority',
  'service', 'army', 'navy', 'forces', 'congress', 'senate', 'network', 'alliance', 'front', 'frontieres', 'times',
  'reuters', 'club', 'trust', 'society', 'league', 'bureau', 'board', 'centre', 'center', 'commons', 'government',
  'police', 'guard', 'movement', 'coalition', 'corp', 'inc', 'ltd', 'ag', 'gmbh', 'plc', 'airlines', 'airways', 'media',
  'broadcasting', 'television', 'radio', 'bahn', 'metall', 'industries', 'holdings', 'nations', 'press', 'news', 'post',
]);

/** Words that make a name a place's ("Black Sea"). */
export const PLACE_HEADS = new Set(['sea', 'ocean', 'river', 'gulf', 'strait', 'straits', 'island', 'islands', 'mountains', 'valley', 'bay', 'lake', 'peninsula', 'desert', 'coast', 'province', 'region', 'republic', 'kingdom', 'territory', 'territories']);

/** Small words inside names ("House of Commons", "Ursula von der Leyen", "bin Salman"). */
export const CONNECTORS = new Set(['of', 'for', 'the', 'bin', 'ibn', 'von', 'van', 'der', 'den', 'de', 'du', 'des', 'la', 'le', 'al', 'el', 'da', 'di', 'dos', 'del', 'sans', 'and']);

/** Words that never start a name even when capitalised (they start sentences). */
export const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'we', 'they', 'i', 'you', 'his', 'her', 'its',
  'our', 'their', 'my', 'your', 'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'for', 'from', 'with', 'by', 'of',
  'to', 'as', 'after', 'before', 'while', 'when', 'if', 'later', 'earlier', 'according', 'nobody', 'everyone', 'there',
  'here', 'what', 'where', 'who', 'how', 'why', 'today', 'yesterday', 'every', 'all', 'some', 'no', 'not', 'one', 'two',
  'many', 'most', 'both', 'each', 'any', 'such', 'then', 'now', 'also', 'still', 'even', 'only', 'just', 'however',
  'meanwhile', 'since', 'until', 'under', 'over', 'about', 'during', 'despite', 'without', 'within', 'among', 'between',
  'is', 'was', 'are', 'were', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'do', 'does', 'did',
  'have', 'has', 'had', 'be', 'been', 'let', 'yes', 'please', 'thank', 'thanks', 'mr.', 'where',
]);

/** Lower-case words between a demonym and an organisation ("the Russian foreign ministry"). */
export const ORG_MODIFIERS = new Set(['foreign', 'defence', 'defense', 'interior', 'finance', 'trade', 'economy', 'health', 'justice', 'state', 'national', 'central', 'federal', 'regional', 'military']);
/** Lower-case organisation words after a demonym ("Chinese embassy"). */
export const DEMONYM_ORG_HEADS = new Set(['ministry', 'embassy', 'mission', 'government', 'parliament', 'army', 'navy', 'military', 'consulate', 'cabinet', 'presidency']);

/** Generic nouns by which the text refers back to an organisation ("the company said"). */
export const ORG_ANAPHORS = new Set(['ministry', 'company', 'group', 'organisation', 'organization', 'agency', 'government', 'union', 'party', 'bank', 'commission', 'embassy', 'mission', 'alliance', 'firm', 'council', 'office', 'federation', 'association', 'institute', 'fund', 'department', 'committee', 'court', 'broadcaster', 'club']);
