/** Reading helpers of the W3C import: errors that name where, and the JSON-LD value shapes. */
import type { z } from 'zod';
import { ANNO_CONTEXT } from './w3c-model';

/** A file that cannot be imported; the message names where and what ("items[3].target: …"). */
export class W3CImportError extends Error {
  override name = 'W3CImportError';
}

export function fail(path: string, message: string): never {
  throw new W3CImportError(path ? `${path}: ${message}` : message);
}

/** Parses `value` with `schema`, throwing a W3CImportError that names the path of the first issue. */
export function parseAt<T extends z.ZodType>(schema: T, value: unknown, path: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  fail(joinPath(path, issue.path), issue.message);
}

export function joinPath(base: string, parts: readonly PropertyKey[]): string {
  let path = base;
  for (const part of parts) {
    if (typeof part === 'number') path += `[${part}]`;
    else path += path ? `.${String(part)}` : String(part);
  }
  return path;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const asArray = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** `type` may be a string or an array of strings (JSON-LD); returns the strings. */
export function typesOf(value: Record<string, unknown>): string[] {
  return asArray(value.type).filter((t): t is string => typeof t === 'string');
}

const ANNO_CONTEXTS = new Set([ANNO_CONTEXT, 'https://www.w3.org/ns/anno.jsonld']);

export function checkContext(value: Record<string, unknown>, path: string, required: boolean): void {
  const where = joinPath(path, ['@context']);
  if (!('@context' in value)) {
    if (required) fail(where, `missing; a W3C Web Annotation document names "${ANNO_CONTEXT}"`);
    return;
  }
  if (!asArray(value['@context']).some((entry) => typeof entry === 'string' && ANNO_CONTEXTS.has(entry))) {
    fail(where, `does not include "${ANNO_CONTEXT}", so this is not a W3C Web Annotation document`);
  }
}

