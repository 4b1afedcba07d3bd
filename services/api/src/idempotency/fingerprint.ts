import { createHash } from 'node:crypto';
import { print, type DocumentNode } from 'graphql';

/** JSON with every object's keys in order, so equal values give equal text whatever order they were sent in. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface FingerprintedRequest {
  readonly document: DocumentNode;
  readonly operationName: string | null | undefined;
  readonly variables: Readonly<Record<string, unknown>> | null | undefined;
}

/**
 * What makes two requests the same request for an Idempotency-Key (the
 * draft's "idempotency fingerprint"): the operation document as graphql-js
 * prints it (so spacing, comments and commas do not count), the operation's
 * name and the variables, as canonical JSON, hashed with SHA-256 (hex).
 */
export function requestFingerprint(request: FingerprintedRequest): string {
  const text = canonicalJson({
    document: print(request.document),
    operationName: request.operationName ?? null,
    variables: request.variables ?? {},
  });
  return createHash('sha256').update(text).digest('hex');
}
