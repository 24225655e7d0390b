/** Step 1 of the W3C import: find the annotations in a collection, a page, one annotation or an array. */
import { checkContext, describeValue, fail, isObject, typesOf } from './w3c-read';

export interface Unwrapped {
  items: unknown[];
  /** True for a bare array: each Annotation must carry its own @context. */
  requireContext: boolean;
  /** True for a single Annotation (paths start with "annotation"). */
  single: boolean;
}

export function unwrap(json: unknown, problems: string[]): Unwrapped {
  if (Array.isArray(json)) return { items: json, requireContext: true, single: false };
  if (!isObject(json)) fail('', `Expected a W3C annotation collection, page, annotation or array of annotations (a JSON object or array), got ${describeValue(json)}`);
  const types = typesOf(json);
  if (json.type === undefined) fail('type', 'missing; expected "AnnotationCollection", "AnnotationPage" or "Annotation"');
  if (types.includes('Annotation')) return { items: [json], requireContext: true, single: true };
  if (types.includes('AnnotationCollection')) {
    checkContext(json, '', true);
    const total = json.total;
    if (total !== undefined && !(Number.isInteger(total) && (total as number) >= 0)) {
      fail('total', `expected a whole number ≥ 0, got ${describeValue(total)}`);
    }
    const first = json.first;
    if (first === undefined) {
      if (typeof total === 'number' && total > 0) fail('first', `missing, though total is ${total}`);
      return { items: [], requireContext: false, single: false };
    }
    if (typeof first === 'string') fail('first', `the page is only referenced (${describeValue(first)}), not embedded; export the collection with its annotations included`);
    if (!isObject(first) || !typesOf(first).includes('AnnotationPage')) fail('first', 'expected an embedded AnnotationPage');
    if (first.next !== undefined) fail('first.next', 'the collection continues on further pages, which cannot be read offline; export it as one page');
    const items = pageItems(first, 'first.items');
    if (typeof total === 'number' && total !== items.length) {
      fail('total', `the collection says ${total} annotations but its page holds ${items.length}; the file is incomplete`);
    }
    return { items, requireContext: false, single: false };
  }
  if (types.includes('AnnotationPage')) {
    checkContext(json, '', true);
    const items = pageItems(json, 'items');
    if (json.next !== undefined) problems.push(`next: this page is part of a larger collection; only its own ${items.length} annotations were read`);
    return { items, requireContext: false, single: false };
  }
  fail('type', `expected "AnnotationCollection", "AnnotationPage" or "Annotation", got ${describeValue(json.type)}`);
}

function pageItems(page: Record<string, unknown>, path: string): unknown[] {
  if (!Array.isArray(page.items)) fail(path, page.items === undefined ? 'missing' : `expected an array, got ${describeValue(page.items)}`);
  return page.items;
}

