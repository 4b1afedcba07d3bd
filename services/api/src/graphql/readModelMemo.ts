import { readModelVersion } from '@werkbezoek/projections';
import type { ApiContext } from '../context.js';

/** The answers kept per read-model database, most recently used last. */
const memos = new WeakMap<object, Map<string, Promise<unknown>>>();
const KEPT = 16;

/**
 * `compute`'s answer, kept while the projections it reads stand where they
 * stood (readModelVersion): a planner's ranking of every region or candidate
 * costs hundreds of milliseconds at a national scale, and each page of it, a
 * refresh or a second planner asks for the same one (issue 16). The version is
 * read before computing, so a kept answer is never older than its key: read
 * your writes holds. The last sixteen answers are kept (a planner's view keeps four: two rankings, two pages); a failed one is not.
 */
export async function memoised<T>(
  context: ApiContext,
  projections: readonly string[],
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const db = context.services.readModels.db;
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new Map<string, Promise<unknown>>()));
  const versioned = `${key} @ ${await readModelVersion(db, projections)}`;
  const kept = memo.get(versioned) as Promise<T> | undefined;
  if (kept) {
    memo.delete(versioned);
    memo.set(versioned, kept);
    return kept;
  }
  const answer = compute();
  memo.set(versioned, answer);
  if (memo.size > KEPT) memo.delete(memo.keys().next().value!);
  answer.catch(() => memo.delete(versioned));
  return answer;
}
