/**
 * How words are cut (words.ts) and folded (fold.ts). Anything persisted that holds words made
 * this way, such as the search index of a project, records it and is rebuilt when it differs:
 * bump it whenever a change to either file would cut or fold some text differently.
 */
export const TEXT_VERSION = 1;
