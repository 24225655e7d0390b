import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeRange } from '../anchoring/quote-selector';
import type { Actor } from '../domain/actor';
import type { Annotation } from '../domain/annotation';
import type { Article } from '../domain/article';
import type { Claim } from '../domain/claim';
import type { Tag } from '../domain/tag';
import {
  ANNO_CONTEXT,
  codePointsToUtf16,
  fromW3C,
  toW3C,
  utf16ToCodePoints,
  W3CImportError,
  type ArticleRef,
  type W3CAnnotation,
  type W3CCollection,
  type W3CExportInput,
} from './w3c-annotations';
import { w3cActorInfoSchema, w3cArticleInfoSchema, w3cClaimInfoSchema } from './w3c-terms';

// ---------------------------------------------------------------------------------------------
// A small project. The first article has a flag (🇺🇳: two astral code points, four UTF-16 units),
// an emoji, a mathematical letter and combining marks (Q̃, n̈: one code unit per code point, two
// code points per visible letter) before some annotations, so UTF-16 and code-point offsets differ.

const T0 = '2026-03-02T09:15:00.000Z';
const T1 = '2026-03-03T17:40:12.345Z';

const GENEVA_TEXT = [
  'Geneva 🇺🇳 — Caldonia’s envoy, Zoë Q\u0303uill of the Spin\u0308al Institute, told the council on Tuesday that “the ceasefire will hold until the spring”, according to a statement posted at 09:00 😀.',
  'Foreign Minister Arno Veldt of Caldonia rejected the report. 𝔄nalysts at the UN said satellite images corroborated the envoy’s account.',
].join('\n\n');
const WIRE_TEXT =
  'Caldonia says it never agreed to any truce. Speaking to reporters, Arno Veldt called the envoy’s remarks a private opinion.';

const ids = {
  geneva: '0b6a7d4e-1f52-4c1e-9d3a-6f0c2b8e7a11',
  wire: '7c1d9e2f-3a4b-4c5d-8e6f-90a1b2c3d4e5',
  hl: '11111111-aaaa-4bbb-8ccc-000000000001',
  mention: '11111111-aaaa-4bbb-8ccc-000000000002',
  claim: '11111111-aaaa-4bbb-8ccc-000000000003',
  orphan: '11111111-aaaa-4bbb-8ccc-000000000004',
  bare: '11111111-aaaa-4bbb-8ccc-000000000005',
  wireClaim: '22222222-aaaa-4bbb-8ccc-000000000001',
  zoe: 'a0000000-0000-4000-8000-00000000000a',
  veldt: 'a0000000-0000-4000-8000-00000000000b',
  tagCeasefire: 'c0000000-0000-4000-8000-000000000001',
  tagImagery: 'c0000000-0000-4000-8000-000000000002',
};

function article(id: string, title: string, text: string, fields: Partial<Article> = {}): Article {
  return { id, title, source: '', url: '', published: '', text, status: 'in-progress', note: '', createdAt: T0, updatedAt: T0, ...fields };
}

const geneva = article(ids.geneva, 'Envoy says ceasefire will hold', GENEVA_TEXT, { source: 'UN Press', published: '2026-03-02' });
const wire = article(ids.wire, 'Caldonia denies truce', WIRE_TEXT, { source: 'Wire', url: 'https://news.example.org/caldonia-truce?id=7' });

const actors: Actor[] = [
  {
    id: ids.zoe,
    name: 'Zoë Q\u0303uill',
    kind: 'person',
    aliases: ['Caldonia’s envoy'],
    description: 'Envoy of Caldonia to the UN',
    affiliationId: null,
    note: '',
    createdAt: T0,
    updatedAt: T0,
  },
  {
    id: ids.veldt,
    name: 'Arno Veldt',
    kind: 'person',
    aliases: ['Veldt', 'Foreign Minister'],
    description: 'Foreign Minister of Caldonia',
    affiliationId: null,
    note: '',
    createdAt: T0,
    updatedAt: T0,
  },
];
const tags: Tag[] = [
  { id: ids.tagCeasefire, name: 'Ceasefire', color: '#f2c94c', parentId: null, hotkey: 1 },
  { id: ids.tagImagery, name: 'Evidence › imagery', color: '#56ccf2', parentId: ids.tagCeasefire, hotkey: null },
];

function at(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0 || text.indexOf(quote, start + 1) >= 0) throw new Error(`quote not unique: ${quote}`);
  return describeRange(text, start, start + quote.length);
}

function annotation(id: string, articleOf: Article, quote: string, fields: Partial<Annotation> = {}): Annotation {
  return {
    id,
    articleId: articleOf.id,
    kind: 'highlight',
    target: at(articleOf.text, quote),
    tags: [],
    note: '',
    status: 'draft',
    actorId: null,
    claim: null,
    anchor: 'anchored',
    createdAt: T0,
    updatedAt: T1,
    ...fields,
  };
}

const genevaClaim: Claim = {
  speakerId: ids.zoe,
  form: 'direct-quote',
  medium: 'statement',
  reliability: 'B',
  credibility: 2,
  verification: 'corroborated',
  links: [{ articleId: ids.wire, annotationId: ids.wireClaim, type: 'contradicts', direction: 'in' }],
};
const wireClaim: Claim = {
  speakerId: ids.veldt,
  form: 'paraphrase',
  medium: 'press briefing',
  reliability: null,
  credibility: null,
  verification: 'contested',
  links: [{ articleId: ids.geneva, annotationId: ids.claim, type: 'contradicts', direction: 'out' }],
};

const genevaAnnotations: Annotation[] = [
  annotation(ids.hl, geneva, 'satellite images corroborated', {
    tags: [ids.tagCeasefire, ids.tagImagery],
    note: 'Compare with the *March* briefing 📎 — imagery from [UNOSAT](https://unosat.org).',
    status: 'reviewed',
  }),
  annotation(ids.mention, geneva, 'Arno Veldt', { kind: 'actor', actorId: ids.veldt }),
  annotation(ids.claim, geneva, 'the ceasefire will hold until the spring', { kind: 'claim', claim: genevaClaim, status: 'disputed', tags: [ids.tagCeasefire] }),
  annotation(ids.bare, geneva, 'Spin\u0308al Institute'),
  {
    // Lost after an edit: the stored position is stale and the quote is no longer in the text.
    ...annotation(ids.orphan, geneva, 'Caldonia’s envoy', { note: 'Was about the talks in March.' }),
    target: { start: 9, end: 33, exact: 'talks collapsed in March', prefix: 'Geneva 🇺🇳 — ', suffix: ', the envoy' },
    anchor: 'orphan',
  },
];
const wireAnnotations: Annotation[] = [annotation(ids.wireClaim, wire, 'called the envoy’s remarks a private opinion', { kind: 'claim', claim: wireClaim })];

const input: W3CExportInput = {
  projectName: 'Caldonia ceasefire — March 2026',
  generatedAt: '2026-03-04T08:00:00.000Z',
  articles: [
    { article: geneva, annotations: genevaAnnotations },
    { article: wire, annotations: wireAnnotations },
  ],
  actors,
  tags,
};
const allAnnotations = [...genevaAnnotations, ...wireAnnotations];
const texts = new Map([
  [geneva.id, geneva.text],
  [wire.id, wire.text],
]);
const resolveText = (ref: ArticleRef): string | null => (ref.id ? (texts.get(ref.id) ?? null) : null);

/** The export as another program would read it: through JSON. */
function exported(): W3CCollection {
  return JSON.parse(JSON.stringify(toW3C(input))) as W3CCollection;
}
const byId = (collection: W3CCollection, id: string): W3CAnnotation => {
  const item = collection.first.items.find((a) => a.id === `urn:uuid:${id}`);
  if (!item) throw new Error(`no item ${id}`);
  return item;
};

// ---------------------------------------------------------------------------------------------
// The W3C test schemas (JSON Schema draft-04), checked with Ajv.

/**
 * The W3C test schemas live beside the project (../shared), not in it. Where they are absent
 * (a clone elsewhere), the schema tests are skipped with the reason printed, not passed blindly.
 */
const W3C_CANDIDATES = [process.env.W3C_ANNOTATION_TESTS, fileURLToPath(new URL('../../../shared/w3c-annotation-model-tests/', import.meta.url)), '/work/shared/w3c-annotation-model-tests/'];
const W3C_DIR = W3C_CANDIDATES.find((dir): dir is string => Boolean(dir) && existsSync(join(dir!, 'definitions'))) ?? '';
const W3C_FOUND = W3C_DIR !== '';
if (!W3C_FOUND) console.warn(`W3C schema tests skipped: the W3C annotation test schemas were not found (looked in ${W3C_CANDIDATES.filter(Boolean).join(', ')}; set W3C_ANNOTATION_TESTS).`);
const readJson = (path: string): unknown => (W3C_FOUND ? JSON.parse(readFileSync(join(W3C_DIR, path), 'utf8')) : {});

function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
  // Keywords the W3C test harness reads from its assertion files; they do not validate anything.
  ajv.addVocabulary(['assertionType', 'expectedResult', 'onUnexpectedResult', 'errorMessage']);
  // Ajv ships no formats. These follow RFC 3339 (date-time) and RFC 3986 (an absolute URI:
  // scheme ":" then no white space or characters a URI never holds).
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value)));
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i);
  for (const file of W3C_FOUND ? readdirSync(join(W3C_DIR, 'definitions')).filter((name) => name.endsWith('.json')) : []) {
    ajv.addSchema(readJson(`definitions/${file}`) as object);
  }
  return ajv;
}
const ajv = createAjv();

/** The assertions the W3C test "annotationMusts.test" makes of a valid Annotation. */
const mustFiles = (readJson('annotations/annotationMusts.test') as { assertions?: string[] }).assertions ?? [];
const musts = mustFiles.map((file) => ({ file, validate: ajv.compile(readJson(file) as object) }));

/** Optional features (from annotationOptionals.test) the export implements on every Annotation. */
const optionalFiles = [
  'annotations/3.3.1-annotationCreatedImplemented.json',
  'annotations/3.3.1-annotationModifiedImplemented.json',
  'annotations/3.3.1-annotationGeneratedImplemented.json',
  'annotations/3.3.5-annotationMotivationImplemented.json',
  'annotations/3.3.5-annotationSingleMotivationImplemented.json',
  'annotations/bodiesTargets/4-targSpecificResource.json',
  'annotations/specificResource/4.2.4-textQuoteSelector.json',
  'annotations/specificResource/4.2.4-prefix.json',
  'annotations/specificResource/4.2.4-suffix.json',
];
const optionals = optionalFiles.map((file) => ({ file, validate: ajv.compile(readJson(file) as object) }));
/** And those that hold for annotations with a body / with a position. */
const bodyOptionals = ['annotations/3.1-bodyKeyFound.json', 'annotations/bodiesTargets/3.3.5-bodyPurpose.json', 'annotations/bodiesTargets/3.2.4-bodyETBTypeTextualBody.json'].map(
  (file) => ({ file, validate: ajv.compile(readJson(file) as object) }),
);
/**
 * Not used: 4.2-selectorFound applies `selectorDetected` (which wants a `selector` key) to the
 * selector objects themselves, so no annotation with ordinary selectors can pass it.
 */
const selectorFound = ajv.compile(readJson('annotations/specificResource/4.2-selectorFound.json') as object);
const positionOptional = { file: '4.2.5-textPositionSelector.json', validate: ajv.compile(readJson('annotations/specificResource/4.2.5-textPositionSelector.json') as object) };

function definition(ref: string): ValidateFunction {
  if (!W3C_FOUND) return ajv.compile({});
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`no schema ${ref}`);
  return validate;
}

const collectionSchema = ajv.compile(W3C_FOUND ? {
  $schema: 'http://json-schema.org/draft-04/schema#',
  id: 'test-annotation-collection.json',
  type: 'object',
  required: ['@context', 'type', 'label', 'total', 'first'],
  properties: {
    '@context': { $ref: 'collections.json#/definitions/contextValueInArrayFound' },
    first: {
      allOf: [
        { $ref: 'collections.json#/definitions/annotationPageTypeValueFound' },
        { $ref: 'collections.json#/definitions/itemsFound' },
        { $ref: 'collections.json#/definitions/startIndexDefinition' },
        { $ref: 'collections.json#/definitions/partOfValidIfPresent' },
      ],
    },
  },
  allOf: [
    { $ref: 'collections.json#/definitions/annotationCollectionTypeValueFound' },
    { $ref: 'collections.json#/definitions/labelFound' },
    { $ref: 'collections.json#/definitions/totalFound' },
    { $ref: 'collections.json#/definitions/firstFound' },
    { $ref: 'collections.json#/definitions/firstValidIfPresent' },
    { $ref: 'collections.json#/definitions/firstRequiredIfTotalMoreThanZero' },
  ],
} : {});

/** Validation errors as text, or null when valid (so a failing `expect` prints them). */
function errorsOf(validate: ValidateFunction, data: unknown): string | null {
  return validate(data) ? null : ajv.errorsText(validate.errors, { separator: '\n' });
}

function selectorsOf(item: W3CAnnotation) {
  return {
    quote: item.target.selector.find((s) => s.type === 'TextQuoteSelector'),
    position: item.target.selector.find((s) => s.type === 'TextPositionSelector'),
  };
}

describe.skipIf(!W3C_FOUND)('W3C schemas (test setup)', () => {
  it('loads every definition file and the must-assertions', () => {
    expect(readdirSync(join(W3C_DIR, 'definitions')).filter((f) => f.endsWith('.json')).length).toBe(7);
    expect(mustFiles.length).toBeGreaterThan(40);
  });

  it('rejects broken annotations, so passing them means something', () => {
    const good = byId(exported(), ids.claim);
    const broken: [string, (a: Record<string, unknown>) => void][] = [
      ['no @context', (a) => delete a['@context']],
      ['wrong type', (a) => (a.type = 'Note')],
      ['no target', (a) => delete a.target],
      ['id not a URI', (a) => (a.id = 'not a uri')],
      ['created not a date-time', (a) => (a.created = 'yesterday')],
      ['negative start', (a) => ((a.target as W3CAnnotation['target']).selector[1] = { type: 'TextPositionSelector', start: -1, end: 4 })],
      ['quote without exact', (a) => ((a.target as { selector: unknown[] }).selector[0] = { type: 'TextQuoteSelector', prefix: 'x' })],
      ['body and bodyValue', (a) => (a.bodyValue = 'also')],
    ];
    for (const [label, breakIt] of broken) {
      const copy = structuredClone(good) as unknown as Record<string, unknown>;
      breakIt(copy);
      const failing = musts.filter((m) => !m.validate(copy)).map((m) => m.file);
      expect(failing, label).not.toEqual([]);
    }
    expect(errorsOf(definition('annotations.json#/definitions/motivationSingularIfPresent'), { ...good, motivation: 'liking' })).not.toBeNull();
    expect(errorsOf(definition('specificResource.json#/definitions/textPositionSelectorDetected'), { type: 'TextPositionSelector', start: 1.5, end: 3 })).not.toBeNull();
    expect(errorsOf(definition('otherProperties.json#/definitions/purposePropertyFound'), { type: 'TextualBody', value: 'x', purpose: 'labelling' })).not.toBeNull();
    expect(errorsOf(collectionSchema, { ...exported(), first: { type: 'AnnotationPage' } })).not.toBeNull();
  });

  it('4.2-selectorFound is not used: it rejects even the model\'s own single-selector example', () => {
    const example = {
      '@context': ANNO_CONTEXT,
      id: 'http://example.org/anno23',
      type: 'Annotation',
      body: 'http://example.org/comment1',
      target: { source: 'http://example.org/page1', selector: { type: 'TextQuoteSelector', exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' } },
    };
    expect(errorsOf(selectorFound, example)).not.toBeNull();
    expect(musts.filter((m) => !m.validate(example))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('utf16ToCodePoints / codePointsToUtf16', () => {
  it('counts astral characters once and combining marks as their own code points', () => {
    const text = 'a🇺🇳b😀c\u0303d';
    expect(utf16ToCodePoints(text, 0)).toBe(0);
    expect(utf16ToCodePoints(text, 1)).toBe(1);
    expect(utf16ToCodePoints(text, 5)).toBe(3); // after the flag
    expect(utf16ToCodePoints(text, 6)).toBe(4); // after "b"
    expect(utf16ToCodePoints(text, 8)).toBe(5); // after 😀
    expect(utf16ToCodePoints(text, text.length)).toBe([...text].length);
    expect(codePointsToUtf16(text, 3)).toBe(5);
    expect(codePointsToUtf16(text, 5)).toBe(8);
    expect(codePointsToUtf16(text, [...text].length)).toBe(text.length);
  });

  it('round-trips every boundary of the sample article', () => {
    const points = [...GENEVA_TEXT];
    let utf16 = 0;
    for (let cp = 0; cp <= points.length; cp++) {
      expect(codePointsToUtf16(GENEVA_TEXT, cp)).toBe(utf16);
      expect(utf16ToCodePoints(GENEVA_TEXT, utf16)).toBe(cp);
      utf16 += points[cp]?.length ?? 0;
    }
  });

  it('treats a lone surrogate as one code point, as spreading a string does', () => {
    const text = 'x\ud83dy\ude00z';
    expect([...text].length).toBe(5);
    expect(utf16ToCodePoints(text, 4)).toBe(4);
    expect(codePointsToUtf16(text, 5)).toBe(5);
  });

  it('refuses offsets inside a surrogate pair or outside the text', () => {
    expect(() => utf16ToCodePoints('a😀b', 2)).toThrow(/inside a surrogate pair/);
    expect(() => utf16ToCodePoints('a😀b', 5)).toThrow(/outside the text/);
    expect(() => utf16ToCodePoints('a😀b', -1)).toThrow(/outside the text/);
    expect(() => codePointsToUtf16('a😀b', 4)).toThrow(/outside the text/);
    expect(() => codePointsToUtf16('a😀b', 1.5)).toThrow(/outside the text/);
  });
});

describe.skipIf(!W3C_FOUND)('toW3C', () => {
  it('writes an AnnotationCollection whose one page holds every annotation', () => {
    const collection = exported();
    expect(collection['@context'][0]).toBe(ANNO_CONTEXT);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.label).toBe(input.projectName);
    expect(collection.total).toBe(allAnnotations.length);
    expect(collection.first.items.map((a) => a.id)).toEqual(allAnnotations.map((a) => `urn:uuid:${a.id}`));
    expect(errorsOf(collectionSchema, collection)).toBeNull();
  });

  it('every Annotation passes the W3C must-assertions and the optional features it claims', () => {
    const collection = exported();
    for (const item of collection.first.items) {
      for (const { file, validate } of [...musts, ...optionals]) {
        expect(errorsOf(validate, item), `${item.id} against ${file}`).toBeNull();
      }
      if (item.body) for (const { file, validate } of bodyOptionals) expect(errorsOf(validate, item), `${item.id} against ${file}`).toBeNull();
      if (!item['aw:orphan']) expect(errorsOf(positionOptional.validate, item), `${item.id} against ${positionOptional.file}`).toBeNull();
      for (const ref of [
        'annotations.json#/definitions/annotationTypeValueFound',
        'annotations.json#/definitions/singleMotivationPropertyFound',
        'otherProperties.json#/definitions/createdPropertyFound',
        'otherProperties.json#/definitions/modifiedPropertyFound',
        'otherProperties.json#/definitions/generatedPropertyFound',
        'otherProperties.json#/definitions/generatorValidIfPresent',
        'id.json#/definitions/idValueFound',
      ]) {
        expect(errorsOf(definition(ref), item), `${item.id} against ${ref}`).toBeNull();
      }
    }
  });

  it('every target, selector and body passes its W3C definition', () => {
    const collection = exported();
    let quotes = 0;
    let positions = 0;
    let bodies = 0;
    for (const item of collection.first.items) {
      for (const ref of ['specificResource.json#/definitions/specificeResourceDetected', 'bodyTarget.json#/definitions/targetResourcesFound', 'bodyTarget.json#/definitions/optionalTargetPropertiesMust']) {
        expect(errorsOf(definition(ref), item.target), `${item.id} target against ${ref}`).toBeNull();
      }
      for (const selector of item.target.selector) {
        const refs =
          selector.type === 'TextQuoteSelector'
            ? ['textQuoteSelectorDetected', 'prefixPropertyFound', 'suffixPropertyFound', 'textPositionSelectorTypeValidIfPresent']
            : ['textPositionSelectorDetected', 'textQuoteSelectorTypeValidIfPresent', 'dataPositionSelectorTypeValidIfPresent'];
        if (selector.type === 'TextQuoteSelector') quotes++;
        else positions++;
        for (const ref of refs) {
          expect(errorsOf(definition(`specificResource.json#/definitions/${ref}`), selector), `${item.id} ${selector.type} against ${ref}`).toBeNull();
        }
      }
      for (const body of item.body ?? []) {
        bodies++;
        for (const ref of [
          'bodyTarget.json#/definitions/textualBodyFound',
          'bodyTarget.json#/definitions/bodyResourcesFound',
          'bodyTarget.json#/definitions/optionalBodyPropertiesMust',
          'bodyTarget.json#/definitions/formatValidIfPresent',
          'bodyTarget.json#/definitions/embeddedTextTypeInclTextualBodyWithoutId',
          'otherProperties.json#/definitions/purposePropertyFound',
        ]) {
          expect(errorsOf(definition(ref), body), `${item.id} body ${body.purpose} against ${ref}`).toBeNull();
        }
      }
    }
    expect([quotes, positions, bodies]).toEqual([6, 5, 8]);
  });

  it('writes tags, the note, the actor and the claim as documented', () => {
    const collection = exported();
    const hl = byId(collection, ids.hl);
    expect(hl.motivation).toBe('highlighting');
    expect(hl.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'Ceasefire' },
      { type: 'TextualBody', purpose: 'tagging', value: 'Evidence › imagery' },
      { type: 'TextualBody', purpose: 'commenting', value: genevaAnnotations[0]!.note, format: 'text/markdown' },
    ]);
    expect(hl['aw:reviewStatus']).toBe('reviewed');
    expect(hl.target.source).toBe(`urn:uuid:${ids.geneva}`);
    expect(hl.target['aw:article']).toEqual({ id: `urn:uuid:${ids.geneva}`, title: geneva.title, source: 'UN Press', published: '2026-03-02' });
    expect(hl.created).toBe(T0);
    expect(hl.modified).toBe(T1);

    const mention = byId(collection, ids.mention);
    expect(mention.motivation).toBe('identifying');
    expect(mention.body).toEqual([{ type: 'TextualBody', purpose: 'identifying', value: 'Arno Veldt' }]);
    expect(mention['aw:actor']).toEqual({
      id: `urn:uuid:${ids.veldt}`,
      name: 'Arno Veldt',
      kind: 'person',
      aliases: ['Veldt', 'Foreign Minister'],
      description: 'Foreign Minister of Caldonia',
    });

    const claim = byId(collection, ids.claim);
    expect(claim.motivation).toBe('assessing');
    expect(claim['aw:claim']).toEqual({
      speaker: { id: `urn:uuid:${ids.zoe}`, name: 'Zoë Q\u0303uill' },
      form: 'direct-quote',
      medium: 'statement',
      reliability: 'B',
      credibility: 2,
      grade: 'B2',
      verification: 'corroborated',
      links: [{ type: 'contradicts', direction: 'in', annotation: `urn:uuid:${ids.wireClaim}`, article: `urn:uuid:${ids.wire}` }],
    });
    expect(claim.body?.[0]).toMatchObject({ purpose: 'assessing', value: expect.stringContaining('grade B2') });
    expect(byId(collection, ids.wireClaim)['aw:claim']?.grade).toBeNull();
    expect(byId(collection, ids.wireClaim).target.source).toBe(wire.url);

    expect(byId(collection, ids.bare).body).toBeUndefined();
  });

  it('exports an orphan with only its quote, marked aw:orphan', () => {
    const orphan = byId(exported(), ids.orphan);
    expect(orphan['aw:orphan']).toBe(true);
    expect(orphan.target.selector).toEqual([{ type: 'TextQuoteSelector', exact: 'talks collapsed in March', prefix: 'Geneva 🇺🇳 — ', suffix: ', the envoy' }]);
    for (const item of exported().first.items) if (item.id !== orphan.id) expect(item['aw:orphan']).toBeUndefined();
  });

  it('counts positions in code points: [...text].slice(start, end) is the quote', () => {
    let differ = 0;
    for (const item of exported().first.items) {
      const { quote, position } = selectorsOf(item);
      if (!position) continue;
      const text = texts.get(item.target['aw:article'].id.slice('urn:uuid:'.length))!;
      expect([...text].slice(position.start, position.end).join('')).toBe(quote?.exact);
      const source = allAnnotations.find((a) => `urn:uuid:${a.id}` === item.id)!;
      if (position.start !== source.target.start) differ++;
    }
    // The flag comes before four of the anchored passages (the wire article is plain text).
    expect(differ).toBe(4);
  });

  it('exports an empty project as a valid empty collection', () => {
    const empty = toW3C({ ...input, articles: [] });
    expect(empty.total).toBe(0);
    expect(empty.first.items).toEqual([]);
    expect(errorsOf(collectionSchema, empty)).toBeNull();
    expect(fromW3C(JSON.parse(JSON.stringify(empty)))).toEqual({ annotations: [], problems: [] });
  });

  it('gives the collection an id when the project id is known', () => {
    const withId = toW3C({ ...input, projectId: 'f0000000-0000-4000-8000-000000000001' });
    expect(withId.id).toBe('urn:uuid:f0000000-0000-4000-8000-000000000001');
    expect(errorsOf(definition('id.json#/definitions/idValueFound'), withId)).toBeNull();
  });

  it('refuses inconsistent data instead of exporting it', () => {
    const noTag = { ...input, tags: [tags[0]!] };
    expect(() => toW3C(noTag)).toThrow(`Annotation ${ids.hl} has tag ${ids.tagImagery}, which is not in the codebook.`);
    expect(() => toW3C({ ...input, actors: [actors[0]!] })).toThrow(/mentions actor .* not in the actor registry/);
    const shifted = { ...genevaAnnotations[1]!, target: { ...genevaAnnotations[1]!.target, start: 0 } };
    expect(() => toW3C({ ...input, articles: [{ article: geneva, annotations: [shifted] }] })).toThrow(/does not hold its quote/);
    expect(() => toW3C({ ...input, articles: [{ article: wire, annotations: [genevaAnnotations[0]!] }] })).toThrow(/belongs to article/);
  });
});

describe('the aw: terms are written exactly as their schemas say', () => {
  it('every aw:article, aw:actor and aw:claim of an export parses with the strict written schema', () => {
    const items = exported().first.items;
    const strict = <T extends z.ZodObject>(schema: T) => schema.strict();
    let actors = 0;
    let claims = 0;
    for (const item of items) {
      expect(strict(w3cArticleInfoSchema).safeParse(item.target['aw:article']).success).toBe(true);
      if (item['aw:actor']) {
        actors++;
        expect(strict(w3cActorInfoSchema).safeParse(item['aw:actor']).error).toBeUndefined();
      }
      if (item['aw:claim']) {
        claims++;
        expect(strict(w3cClaimInfoSchema).safeParse(item['aw:claim']).error).toBeUndefined();
      }
    }
    expect(actors).toBeGreaterThan(0);
    expect(claims).toBeGreaterThan(0);
  });

  it('a damaged aw:actor is refused by the same schema on import', () => {
    const collection = exported();
    const mention = collection.first.items.find((item) => item['aw:actor'])!;
    (mention['aw:actor'] as { kind: string }).kind = 'planet';
    expect(() => fromW3C(collection)).toThrow(W3CImportError);
  });
});

// ---------------------------------------------------------------------------------------------

describe('fromW3C', () => {
  it('reads back what toW3C wrote: kinds, quotes, UTF-16 offsets, tags, notes, actors, claims', () => {
    const { annotations, problems } = fromW3C(exported(), { resolveText });
    expect(problems).toEqual([]);
    expect(annotations.map((a) => a.id)).toEqual(allAnnotations.map((a) => a.id));
    const tagName = new Map(tags.map((t) => [t.id, t.name]));
    for (const [i, original] of allAnnotations.entries()) {
      const back = annotations[i]!;
      const articleOf = original.articleId === geneva.id ? geneva : wire;
      expect(back.kind).toBe(original.kind);
      expect(back.article).toMatchObject({ id: articleOf.id, title: articleOf.title, source: articleOf.source, published: articleOf.published });
      expect(back.article.url).toBe(articleOf.url || null);
      expect({ exact: back.exact, prefix: back.prefix, suffix: back.suffix }).toEqual({
        exact: original.target.exact,
        prefix: original.target.prefix,
        suffix: original.target.suffix,
      });
      if (original.anchor === 'orphan') {
        expect(back.orphan).toBe(true);
        expect(back.offsets).toBeNull();
        expect(back.position).toBeNull();
      } else {
        expect(back.orphan).toBe(false);
        expect(back.offsets).toEqual({ start: original.target.start, end: original.target.end });
        expect(back.position).toEqual({
          start: utf16ToCodePoints(articleOf.text, original.target.start),
          end: utf16ToCodePoints(articleOf.text, original.target.end),
        });
      }
      expect(back.tags).toEqual(original.tags.map((id) => tagName.get(id)));
      expect(back.note).toBe(original.note);
      expect(back.status).toBe(original.status);
      expect(back.created).toBe(original.createdAt);
      expect(back.modified).toBe(original.updatedAt);
      if (original.claim) {
        const { speakerId, links, ...details } = original.claim;
        expect(back.claim).toEqual({
          ...details,
          speaker: { id: speakerId, name: actors.find((a) => a.id === speakerId)?.name },
          links,
        });
      } else {
        expect(back.claim).toBeNull();
      }
      if (original.kind === 'actor') {
        const { id, name, kind, aliases, description } = actors.find((a) => a.id === original.actorId)!;
        expect(back.actor).toEqual({ id, name, kind, aliases, description });
      } else {
        expect(back.actor).toBeNull();
      }
    }
  });

  it('without the texts, keeps the code-point positions and leaves the offsets to the caller', () => {
    const { annotations, problems } = fromW3C(exported());
    expect(problems).toEqual([]);
    const claim = annotations.find((a) => a.id === ids.claim)!;
    const original = genevaAnnotations[2]!.target;
    expect(claim.offsets).toBeNull();
    // 🇺🇳 is four UTF-16 code units but two code points.
    expect(claim.position).toEqual({ start: original.start - 2, end: original.end - 2 });
    expect(codePointsToUtf16(GENEVA_TEXT, claim.position!.start)).toBe(original.start);
  });

  it('reads a bare array of Annotations and a single page', () => {
    const items = exported().first.items;
    expect(fromW3C(items, { resolveText }).annotations.map((a) => a.kind)).toEqual(['highlight', 'actor', 'claim', 'highlight', 'highlight', 'claim']);
    const page = { '@context': [ANNO_CONTEXT], type: 'AnnotationPage', items: items.slice(0, 2) };
    expect(fromW3C(page).annotations.map((a) => a.id)).toEqual([ids.hl, ids.mention]);
    expect(fromW3C(items[1]).annotations[0]?.actor?.name).toBe('Arno Veldt');
  });

  it('reads a foreign annotation: type arrays, bodyValue, a quote only, other selectors and bodies', () => {
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://hypothes.is/a/Xy7_abc',
      type: ['Annotation'],
      motivation: 'commenting',
      created: '2026-03-05T10:00:00+01:00',
      bodyValue: 'Satellite claim needs a second source.',
      body: [
        { type: 'Image', id: 'https://example.org/sat.png' },
        { type: 'TextualBody', purpose: 'tagging', value: 'imagery ' },
        { type: 'TextualBody', purpose: 'linking', value: 'https://example.org' },
      ],
      target: [
        {
          source: 'https://news.example.org/geneva',
          selector: [
            { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/p[2]' }, endSelector: { type: 'XPathSelector', value: '/p[2]' } },
            { type: 'TextQuoteSelector', exact: 'satellite images', prefix: 'at the UN said ', suffix: ' corroborated' },
          ],
        },
      ],
    };
    const { annotations, problems } = fromW3C(foreign, { resolveText: (ref) => (ref.url === 'https://news.example.org/geneva' ? GENEVA_TEXT : null) });
    expect(annotations).toHaveLength(1);
    const [a] = annotations;
    expect(a).toMatchObject({
      id: null,
      iri: 'https://hypothes.is/a/Xy7_abc',
      kind: 'highlight',
      exact: 'satellite images',
      tags: ['imagery'],
      note: 'Satellite claim needs a second source.',
      status: 'draft',
      orphan: false,
      position: null,
      created: '2026-03-05T09:00:00.000Z',
      article: { iri: 'https://news.example.org/geneva', id: null, url: 'https://news.example.org/geneva', title: null },
    });
    const start = GENEVA_TEXT.indexOf('satellite images');
    expect(a?.offsets).toEqual({ start, end: start + 'satellite images'.length });
    expect(problems).toEqual([
      'annotation.body[0]: a body that is not a TextualBody ("Image") was ignored',
      'annotation.body[2]: a body with purpose linking was ignored',
    ]);
  });

  it('reads the quote from the text when a foreign annotation has only a TextPositionSelector', () => {
    const cpStart = [...GENEVA_TEXT].indexOf('𝔄');
    const only = {
      '@context': ANNO_CONTEXT,
      type: 'Annotation',
      id: 'urn:example:1',
      target: { source: `urn:uuid:${ids.geneva}`, selector: { type: 'TextPositionSelector', start: cpStart, end: cpStart + 8 } },
    };
    const { annotations, problems } = fromW3C(only, { resolveText });
    expect(problems).toEqual([]);
    expect(annotations[0]).toMatchObject({ exact: '𝔄nalysts', article: { id: ids.geneva }, offsets: { start: GENEVA_TEXT.indexOf('𝔄'), end: GENEVA_TEXT.indexOf('𝔄') + 9 } });
    expect(() => fromW3C(only)).toThrow('annotation.target.selector: only a TextPositionSelector, and the text of urn:uuid:0b6a7d4e-1f52-4c1e-9d3a-6f0c2b8e7a11 is not available to read the quote from');
  });

  it('reports a position that disagrees with the quote, and places the passage by the quote', () => {
    const collection = exported();
    const hl = byId(collection, ids.hl);
    const position = selectorsOf(hl).position!;
    position.start -= 2;
    position.end -= 2;
    const { annotations, problems } = fromW3C(collection, { resolveText });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^items\[0\]\.target\.selector: the TextPositionSelector \d+–\d+ covers "d satellite images corroborat" but the TextQuoteSelector says "satellite images corroborated"$/);
    expect(problems[1]).toBe('items[0].target.selector: placed by the quote instead of the position');
    expect(annotations[0]?.offsets).toEqual({ start: genevaAnnotations[0]!.target.start, end: genevaAnnotations[0]!.target.end });
  });

  it('reports a quote that is not in the text as an orphan, and a position beyond its end', () => {
    const collection = exported();
    const claim = byId(collection, ids.claim);
    selectorsOf(claim).quote!.exact = 'the talks will resume in April';
    selectorsOf(claim).position!.end = 10_000;
    const { annotations, problems } = fromW3C(collection, { resolveText });
    expect(problems).toEqual([
      expect.stringMatching(/^items\[2\]\.target\.selector: the TextPositionSelector \d+–10000 lies outside the article text \(\d+ characters\)$/),
      `items[2].target.selector: the quote "the talks will resume in April" was not found in the text of urn:uuid:${ids.geneva}; imported as an orphan`,
    ]);
    expect(annotations[2]).toMatchObject({ orphan: true, offsets: null });
  });

  it('notes articles whose text the caller does not have', () => {
    const { annotations, problems } = fromW3C(exported(), { resolveText: (ref) => (ref.id === ids.wire ? WIRE_TEXT : null) });
    expect(problems).toHaveLength(genevaAnnotations.length);
    expect(problems[0]).toBe(`items[0].target.selector: the text of urn:uuid:${ids.geneva} is not available; the passage was not placed`);
    expect(annotations[5]?.offsets).not.toBeNull();
  });

  describe('refuses damaged or foreign files, naming the problem', () => {
    const damaged: [string, () => unknown, string | RegExp][] = [
      ['a number', () => 42, 'Expected a W3C annotation collection, page, annotation or array of annotations (a JSON object or array), got number 42'],
      ['null', () => null, /got null$/],
      ['a string', () => 'urn:uuid:x', /got "urn:uuid:x"$/],
      [
        'an object without type',
        () => {
          const c = exported() as unknown as Record<string, unknown>;
          delete c.type;
          return c;
        },
        'type: missing; expected "AnnotationCollection", "AnnotationPage" or "Annotation"',
      ],
      ['another kind of document', () => ({ '@context': 'https://schema.org', type: 'Article' }), 'type: expected "AnnotationCollection", "AnnotationPage" or "Annotation", got "Article"'],
      ['a wrong @context', () => ({ ...exported(), '@context': 'https://schema.org' }), '@context: does not include "http://www.w3.org/ns/anno.jsonld", so this is not a W3C Web Annotation document'],
      [
        'a missing @context on a collection',
        () => {
          const c = exported() as unknown as Record<string, unknown>;
          delete c['@context'];
          return c;
        },
        /^@context: missing/,
      ],
      [
        'a bare array item without @context',
        () => exported().first.items.map(({ '@context': _context, ...rest }) => rest),
        /^items\[0\]\.@context: missing/,
      ],
      [
        'an annotation without target',
        () => {
          const c = exported();
          delete (c.first.items[2] as Partial<W3CAnnotation>).target;
          return c;
        },
        'items[2].target: missing; an annotation must point at a passage',
      ],
      [
        'a selector with a negative start',
        () => {
          const c = exported();
          c.first.items[1]!.target.selector[1] = { type: 'TextPositionSelector', start: -3, end: 7 };
          return c;
        },
        'items[1].target.selector[1].start: must not be negative',
      ],
      [
        'a selector with end before start',
        () => {
          const c = exported();
          c.first.items[1]!.target.selector[1] = { type: 'TextPositionSelector', start: 9, end: 7 };
          return c;
        },
        'items[1].target.selector[1].end: end must be greater than start',
      ],
      [
        'a target with no text selector',
        () => {
          const c = exported();
          (c.first.items[3]!.target as { selector: unknown }).selector = { type: 'FragmentSelector', value: 'xywh=0,0,10,10' };
          return c;
        },
        'items[3].target.selector: no TextQuoteSelector or TextPositionSelector',
      ],
      [
        'an empty quote',
        () => {
          const c = exported();
          selectorsOf(c.first.items[0]!).quote!.exact = '';
          return c;
        },
        'items[0].target.selector[0].exact: the exact quote is empty',
      ],
      [
        'a whole-document target',
        () => {
          const c = exported();
          (c.first.items[0] as unknown as { target: unknown }).target = 'https://news.example.org/x';
          return c;
        },
        /^items\[0\]\.target: the whole resource "https:\/\/news\.example\.org\/x" is targeted/,
      ],
      [
        'an item of another type',
        () => {
          const c = exported();
          (c.first.items[4] as unknown as { type: string }).type = 'Note';
          return c;
        },
        'items[4].type: expected "Annotation", got "Note"',
      ],
      [
        'a damaged aw:claim',
        () => {
          const c = exported();
          (c.first.items[2]!['aw:claim'] as unknown as { reliability: string }).reliability = 'Z';
          return c;
        },
        /^items\[2\]\.aw:claim\.reliability: /,
      ],
      [
        'a claim link that is not a urn:uuid',
        () => {
          const c = exported();
          c.first.items[5]!['aw:claim']!.links[0]!.annotation = 'https://example.org/1';
          return c;
        },
        'items[5].aw:claim.links[0].annotation: expected "urn:uuid:" followed by a workbench id',
      ],
      [
        'a lost annotation (total disagrees)',
        () => {
          const c = exported();
          c.first.items.pop();
          return c;
        },
        'total: the collection says 6 annotations but its page holds 5; the file is incomplete',
      ],
      [
        'the same annotation twice',
        () => {
          const c = exported();
          c.first.items.push(c.first.items[0]!);
          c.total++;
          return c;
        },
        `items[6].id: urn:uuid:${ids.hl} appears more than once`,
      ],
      ['a page only referenced', () => ({ ...exported(), first: 'https://example.org/page/1' }), /^first: the page is only referenced/],
      [
        'a collection with more pages',
        () => {
          const c = exported();
          (c.first as Record<string, unknown>).next = 'https://example.org/page/2';
          return c;
        },
        /^first\.next: the collection continues on further pages/,
      ],
      [
        'an unparseable created date',
        () => {
          const c = exported();
          c.first.items[0]!.created = 'last Tuesday';
          return c;
        },
        'items[0].created: not a date-time',
      ],
    ];
    for (const [label, make, message] of damaged) {
      it(label, () => {
        let thrown: unknown;
        try {
          fromW3C(make(), { resolveText });
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(W3CImportError);
        if (typeof message === 'string') expect((thrown as Error).message).toBe(message);
        else expect((thrown as Error).message).toMatch(message);
      });
    }
  });
});

describe.skipIf(!W3C_FOUND)('creator (who made the annotation)', () => {
  const lena = { name: 'Lena Marsh', email: 'lena@example.org' };
  const omar = { name: 'Omar Haddad' };
  const authored: W3CExportInput = {
    ...input,
    articles: [
      { article: geneva, annotations: genevaAnnotations.map((a, i) => ({ ...a, createdBy: i === 0 ? lena : i === 1 ? omar : null, updatedBy: omar })) },
      { article: wire, annotations: wireAnnotations },
    ],
  };
  const collection = JSON.parse(JSON.stringify(toW3C(authored))) as W3CCollection;

  it('writes a Person with a name and a mailto: email, which passes the W3C agent definitions', () => {
    const item = byId(collection, ids.hl);
    expect(item.creator).toEqual({ type: 'Person', name: 'Lena Marsh', email: 'mailto:lena@example.org' });
    for (const ref of [
      'otherProperties.json#/definitions/creatorPropertyFound',
      'otherProperties.json#/definitions/singleCreatorPropertyFound',
      'otherProperties.json#/definitions/creatorAgentWithTypeFound',
      'otherProperties.json#/definitions/creatorAgentWithNameFound',
      'otherProperties.json#/definitions/creatorAgentWithSingularNameFound',
      'otherProperties.json#/definitions/creatorAgentWithEmailFound',
    ]) {
      expect(errorsOf(definition(ref), item), `${item.id} against ${ref}`).toBeNull();
    }
    for (const { file, validate } of musts) expect(errorsOf(validate, item), `${item.id} against ${file}`).toBeNull();
  });

  it('writes no email for an analyst without one, and no creator for annotations made before authorship was recorded', () => {
    const mention = byId(collection, ids.mention);
    expect(mention.creator).toEqual({ type: 'Person', name: 'Omar Haddad' });
    expect(errorsOf(definition('otherProperties.json#/definitions/creatorAgentWithEmailFound'), mention)).not.toBeNull();
    expect(byId(collection, ids.claim).creator).toBeUndefined();
    expect(byId(collection, ids.wireClaim).creator).toBeUndefined();
  });

  it('reads the creator back; a foreign creator given as an IRI or without a name gives none', () => {
    const back = fromW3C(collection, { resolveText }).annotations;
    expect(back.find((a) => a.id === ids.hl)?.creator).toEqual(lena);
    expect(back.find((a) => a.id === ids.mention)?.creator).toEqual(omar);
    expect(back.find((a) => a.id === ids.claim)?.creator).toBeNull();
    const foreign = (creator: unknown) => fromW3C({ ...byId(collection, ids.hl), '@context': ANNO_CONTEXT, creator }, { resolveText }).annotations[0]?.creator;
    expect(foreign('https://example.org/people/lena')).toBeNull();
    expect(foreign({ type: 'Person', email: 'mailto:x@example.org' })).toBeNull();
    expect(foreign([{ type: 'Person', nickname: 'lm', email: ['mailto:lm@example.org', 'mailto:other@example.org'] }])).toEqual({ name: 'lm', email: 'lm@example.org' });
    expect(foreign({ type: 'Person', name: 'Lena', email: 'not an email' })).toEqual({ name: 'Lena' });
  });
});
