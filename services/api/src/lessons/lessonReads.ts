import {
  countLessons,
  lessonCatalogueVersion,
  lessonFacets,
  type HistoryDb,
  type LessonFacets,
  type LessonFilter,
} from '@werkbezoek/projections';
import { views, type ApiContext } from '../context.js';
import { keptUnder } from '../graphql/readModelMemo.js';

/*
 * Reads a GraphQL request of the lesson catalogue shares between its
 * fields: a search's facets (which also give its total) and the names of the
 * municipalities on a page. A search's answers are also kept across requests
 * while the catalogue stands (`keptSearch`).
 */

type FacetRequest = { readonly filter: LessonFilter; readonly search?: string };

/**
 * A search's answer (`what`: page, facets or count, of `request`), kept
 * while no lesson changes (lessonCatalogueVersion, read before computing,
 * so a kept answer is never older than the catalogue a write waited for).
 * The searches an analyst types come back often (the page, its refresh, the
 * next visitor), and a broad one ranks and counts thousands of lessons at a
 * national scale, where lessons change far less often than requests do.
 */
export async function keptSearch<T>(
  context: ApiContext,
  what: string,
  request: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  const version = await lessonCatalogueVersion(context.services.readModels);
  return keptUnder(context, 'lessons', `${what} ${JSON.stringify(request)} @ ${version}`, compute);
}

const facetsByRequest = new WeakMap<ApiContext, Map<string, Promise<LessonFacets>>>();

/** The facets of a search and filter, computed once per GraphQL request and kept while the catalogue stands. */
export function facetsOf(context: ApiContext, request: FacetRequest): Promise<LessonFacets> {
  let known = facetsByRequest.get(context);
  if (!known) facetsByRequest.set(context, (known = new Map<string, Promise<LessonFacets>>()));
  const key = JSON.stringify([request.search ?? null, request.filter]);
  let facets = known.get(key);
  if (!facets) {
    facets = keptSearch(context, 'facets', [request.search ?? null, request.filter], () =>
      lessonFacets(context.services.readModels, request),
    );
    known.set(key, facets);
  }
  return facets;
}

/**
 * How many lessons a search and filter find, from its facets when they
 * tell: without a good-practice condition, the good-practice facet counts
 * every lesson of the list once, as "true" or "false". The page's facets are
 * then the only pass over the matches besides the page itself.
 */
export async function countOf(context: ApiContext, request: FacetRequest): Promise<number> {
  if (request.filter.goodPractice !== undefined || request.filter.goodPracticeOnly)
    return keptSearch(context, 'count', [request.search ?? null, request.filter], () =>
      countLessons(context.services.readModels, request),
    );
  const facets = await facetsOf(context, request);
  return facets.goodPractice.reduce((sum, c) => sum + c.count, 0);
}

interface Waiting {
  readonly resolve: (name: string | null) => void;
  readonly reject: (error: unknown) => void;
}
interface NameBatch {
  readonly names: Map<string, Promise<string | null>>;
  pending: Map<string, Waiting> | undefined;
}
const nameBatches = new WeakMap<ApiContext, NameBatch>();

/**
 * A municipality's name (null when not registered), read with the names the
 * other fields of the same tick ask for: one query for a page of lessons,
 * for its municipalities only, however many are registered.
 */
export function municipalityName(context: ApiContext, nisCode: string): Promise<string | null> {
  let batch = nameBatches.get(context);
  if (!batch) nameBatches.set(context, (batch = { names: new Map(), pending: undefined }));
  const known = batch.names.get(nisCode);
  if (known) return known;
  let pending = batch.pending;
  if (!pending) {
    const waiting = (pending = batch.pending = new Map<string, Waiting>());
    const current = batch;
    // Field resolvers of a list run in one pass: by the next microtask every name of the page is asked for.
    queueMicrotask(() => {
      current.pending = undefined;
      views<HistoryDb>(context)
        .selectFrom('history_municipalities')
        .select(['nis_code', 'name'])
        .where('nis_code', 'in', [...waiting.keys()])
        .execute()
        .then(
          (rows) => {
            const found = new Map(rows.map((r) => [r.nis_code, r.name]));
            for (const [code, w] of waiting) w.resolve(found.get(code) ?? null);
          },
          (error: unknown) => {
            for (const [code, w] of waiting) {
              current.names.delete(code);
              w.reject(error);
            }
          },
        );
    });
  }
  const name = new Promise<string | null>((resolve, reject) => pending.set(nisCode, { resolve, reject }));
  batch.names.set(nisCode, name);
  return name;
}
