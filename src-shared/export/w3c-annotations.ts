/**
 * W3C Web Annotation export and import. The mapping and the extra `aw:` terms are documented at
 * the top of w3c-model.ts; the export is in w3c-export.ts, the import in w3c-import.ts.
 */
export * from './w3c-model';
export * from './w3c-export';
export * from './w3c-import';
