import { readModelVersion } from '@werkbezoek/projections';
import type { ApiContext } from '../context.js';
import { keepRecent, keptFor } from './recentlyUsed.js';

/** The answers kept per read-model database and shelf, most recently used last. */
const memos = new WeakMap<object, Map<string, Map<string, Promise<unknown>>>>();
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
  const version = await readModelVersion(context.services.readModels.db, projections);
  return keptUnder(context, 'readModels', `${key} @ ${version}`, compute);
}

/**
 * `compute`'s answer kept under `versioned`: a key naming the question and
 * the state of the read models the answer is computed from, read before
 * computing (as `memoised` does with readModelVersion). Each shelf keeps its
 * own last sixteen answers, so that one kind of answer does not push out
 * another's; a failed answer is not kept.
 */
export function keptUnder<T>(
  context: ApiContext,
  shelf: string,
  versioned: string,
  compute: () => Promise<T>,
): Promise<T> {
  const shelves = keptFor(memos, context.services.readModels.db);
  let memo = shelves.get(shelf);
  if (!memo) shelves.set(shelf, (memo = new Map<string, Promise<unknown>>()));
  const shelfMemo = memo;
  const kept = memo.get(versioned) as Promise<T> | undefined;
  const answer = kept ?? compute();
  keepRecent(memo, versioned, answer, KEPT);
  if (!kept) answer.catch(() => shelfMemo.delete(versioned));
  return answer;
}
