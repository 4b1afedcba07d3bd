/**
 * Where each request of the period stands, read from the clusters' visits:
 * its dates, its municipality and whether it is still undecided. The
 * candidates name their requests by id only; the proposal form needs this to
 * prefill, to check the window and to leave out what was decided already.
 */
export interface RequestVisitFacts {
  readonly startDate: string;
  readonly endDate: string;
  readonly undecided: boolean;
}

interface Visit {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly requestIds: readonly string[];
}

export function requestVisits(
  clusters: readonly { readonly visits: readonly Visit[] }[],
): Map<string, RequestVisitFacts> {
  const facts = new Map<string, RequestVisitFacts>();
  for (const cluster of clusters) {
    for (const visit of cluster.visits) {
      if (visit.kind === 'REQUEST') {
        facts.set(visit.id, {
          startDate: visit.startDate,
          endDate: visit.endDate,
          undecided: visit.status === 'SUBMITTED',
        });
      } else {
        // a mission's requests were accepted when it was planned
        for (const id of visit.requestIds)
          if (!facts.has(id)) facts.set(id, { startDate: visit.startDate, endDate: visit.endDate, undecided: false });
      }
    }
  }
  return facts;
}

/**
 * The facts of the clusters' visits, with those of the candidates' requests
 * added where the clusters shown do not hold them (a page of regions need
 * not hold every region a candidate visits).
 */
export function withCandidateRequests(
  facts: ReadonlyMap<string, RequestVisitFacts>,
  candidates: readonly {
    readonly requests: readonly {
      readonly id: string;
      readonly startDate: string;
      readonly endDate: string;
      readonly undecided: boolean;
    }[];
  }[],
): Map<string, RequestVisitFacts> {
  const all = new Map(facts);
  for (const candidate of candidates)
    for (const r of candidate.requests)
      if (!all.has(r.id)) all.set(r.id, { startDate: r.startDate, endDate: r.endDate, undecided: r.undecided });
  return all;
}
