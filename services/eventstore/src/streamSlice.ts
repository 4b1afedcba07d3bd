import type { ReadStreamOptions } from './eventStore.js';

/** Options for reading a stream, checked and made concrete. */
export function streamRange(options: ReadStreamOptions): { backwards: boolean; from: bigint | undefined; max: number } {
  const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isInteger(max) || max < 0) throw new RangeError(`maxCount must be a non-negative integer, not ${max}`);
  return { backwards: options.direction === 'backwards', from: options.fromRevision, max };
}

/** The part of a stream (in revision order) that a read asks for. */
export function* readStreamSlice<T extends { revision: bigint }>(
  stream: readonly T[],
  options: ReadStreamOptions,
): Iterable<T> {
  const { backwards, from, max } = streamRange(options);
  let count = 0;
  if (backwards) {
    const start = from === undefined ? stream.length - 1 : Math.min(Number(from), stream.length - 1);
    for (let i = start; i >= 0 && count < max; i--, count++) yield stream[i]!;
  } else {
    for (let i = Number(from ?? 0n); i < stream.length && count < max; i++, count++) yield stream[i]!;
  }
}
