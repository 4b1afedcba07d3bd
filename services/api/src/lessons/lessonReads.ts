import { lessonFacets, type HistoryDb, type LessonFacets, type LessonFilter } from '@werkbezoek/projections';
import { views, type ApiContext } from '../context.js';

/*
 * Reads a GraphQL request of the lesson catalogue shares between its
 * fields: a search's facets (which also give its total) and the names of the
 * municipalities on a page.
 */

type FacetRequest = { readonly filter: LessonFilter; readonly search?: string };

const facetsByRequest = new WeakMap<ApiContext, Map<string, Promise<LessonFacets>>>();

/** The facets of a search and filter, computed once per GraphQL request. */
export function facetsOf(context: ApiContext, request: FacetRequest): Promise<LessonFacets> {
  let known = facetsByRequest.get(context);
  if (!known) facetsByRequest.set(context, (known = new Map<string, Promise<LessonFacets>>()));
  const key = JSON.stringify([request.search ?? null, request.filter]);
  let facets = known.get(key);
  if (!facets) {
    facets = lessonFacets(context.services.readModels, request);
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
export async function countFromFacets(context: ApiContext, request: FacetRequest): Promise<number | undefined> {
  if (request.filter.goodPractice !== undefined || request.filter.goodPracticeOnly) return undefined;
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
