import { explanationForCoordinator, yearOf } from '@werkbezoek/domain';
import type { AssessmentView, RequestField, RequestView } from '@werkbezoek/projections';
import type { AccompanimentRequest, Assessment } from './request.type.js';
import { noStaffNames, type StaffNameRenderer } from './staffNames.js';

type Sources = readonly RequestField[];
/** An object field: what it needs to be there at all, and what each of its fields needs. */
interface ObjectSources<T> {
  readonly always: Sources;
  readonly fields: { readonly [K in keyof T]-?: Sources };
}
type SourceMap<T> = {
  readonly [K in keyof T]-?: NonNullable<T[K]> extends string | number | boolean | readonly unknown[]
    ? Sources
    : ObjectSources<NonNullable<T[K]>>;
};

/** The view fields each field of AccompanimentRequest is made from, as toAccompanimentRequest makes it. */
const requestSources: SourceMap<AccompanimentRequest> = {
  id: ['requestId'],
  status: ['status'],
  missionType: ['missionType'],
  startDate: ['startDate'],
  endDate: ['endDate'],
  municipality: { always: [], fields: { nisCode: ['nisCode'], name: ['municipalityName'] } },
  twinning: {
    always: [],
    fields: {
      id: ['twinningId'],
      partnerName: ['partnerName'],
      countryCode: ['countryCode'],
      regionCode: ['regionCode'],
    },
  },
  delegationSize: ['delegationSize'],
  policyDomains: ['policyDomains'],
  reasons: ['claimedReasons'],
  notes: ['notes'],
  submittedOn: ['submittedOn'],
  assessment: {
    // Whether there is one; any of its fields would tell, this one is small.
    always: ['assessment.recommendation'],
    fields: {
      recommendation: ['assessment.recommendation'],
      declineReason: ['assessment.declineReason'],
      opportune: ['assessment.opportune'],
      requiredReasons: ['assessment.requiredReasons'],
      satisfiedReasons: ['assessment.satisfiedReasons'],
      derivedReasons: ['assessment.derivedReasons'],
      staffTimeAvailable: ['assessment.staffTimeAvailable'],
      budgetAvailable: ['assessment.budgetAvailable'],
      daysNeeded: ['assessment.daysNeeded'],
      estimatedCostEur: ['assessment.estimatedCostEur'],
      explanation: ['assessment.explanation'],
      explanationEn: ['assessment.explanation'],
      policyVersion: ['assessment.policyVersion'],
      assessedOn: ['assessment.assessedOn'],
    },
  },
  decidedOn: ['decidedOn'],
  declineReason: ['declineReason'],
  decisionNote: ['decisionNote'],
  withdrawalReason: ['withdrawalReason'],
  staffMemberName: ['staffMemberName'],
  mission: {
    always: ['missionId'],
    fields: {
      id: ['missionId'],
      status: ['missionStatus'],
      missionType: ['missionType'],
      startDate: ['startDate'],
      endDate: ['endDate'],
      regionCode: ['regionCode'],
      staffNames: ['staffMemberName'],
      bookedDays: ['bookedDays'],
      daysSpent: ['daysSpent'],
      costEur: ['costEur'],
      completedOn: ['completedOn'],
    },
  },
};

/** requestSources looked up by a query's field names, which may be any. */
const sourcesByName: Readonly<
  Record<string, Sources | { always: Sources; fields: Readonly<Record<string, Sources>> }>
> = requestSources;

/** What a coordinator's assessment explanation is made from besides the stored one (see toCoordinatorsAssessment). */
const coordinatorExplanationSources: Sources = [
  'assessment.policyVersion',
  'assessment.daysNeeded',
  'assessment.staffTimeAvailable',
  'assessment.budgetAvailable',
  'startDate',
];

const fieldsFor = new WeakMap<ReadonlySet<string>, RequestField[] | undefined>();
const coordinatorFieldsFor = new WeakMap<ReadonlySet<string>, RequestField[] | undefined>();

/**
 * The view fields that the given fields of AccompanimentRequest (dotted
 * paths, see selectedPaths) are made from, for a coordinator when
 * `coordinator` (see toAccompanimentRequestFor); undefined (read everything)
 * for a path it does not know. Remembered per set, as selectedPaths keeps its sets.
 */
export function requestFieldsFor(paths: ReadonlySet<string>, coordinator = false): RequestField[] | undefined {
  const cache = coordinator ? coordinatorFieldsFor : fieldsFor;
  if (!cache.has(paths)) cache.set(paths, coordinator ? coordinatorSourcesOf(paths) : sourcesOf(paths));
  return cache.get(paths);
}

function coordinatorSourcesOf(paths: ReadonlySet<string>): RequestField[] | undefined {
  const sources = sourcesOf(paths);
  if (!sources) return undefined;
  const fields = new Set(sources);
  // A coordinator never reads the cost, and reads the explanation made over from the facts it stands on.
  fields.delete('assessment.estimatedCostEur');
  if (fields.has('assessment.explanation')) coordinatorExplanationSources.forEach((f) => fields.add(f));
  return [...fields];
}

function sourcesOf(paths: ReadonlySet<string>): RequestField[] | undefined {
  const fields = new Set<RequestField>();
  const add = (sources: Sources) => sources.forEach((f) => fields.add(f));
  for (const path of paths) {
    const [head = '', sub] = path.split('.', 2);
    const sources = Object.hasOwn(sourcesByName, head) ? sourcesByName[head] : undefined;
    if (!sources) return undefined;
    if (!('fields' in sources)) {
      add(sources);
      continue;
    }
    add(sources.always);
    if (sub === undefined) continue;
    const inner = Object.hasOwn(sources.fields, sub) ? sources.fields[sub] : undefined;
    if (!inner) return undefined;
    add(inner);
  }
  return [...fields];
}

/** The sentences of the views' assessments, to read the names of the staff they name at once (staffNamesFor). */
export function explanationsOf(views: readonly RequestView[]): string[] {
  return views.flatMap((r) => {
    // Undefined too when the view was read without it (requestFieldsFor), as in toAssessment.
    const explanation = r.assessment?.explanation;
    return explanation ? [...explanation.nl, ...explanation.en] : [];
  });
}

function toAssessment(a: AssessmentView, names: StaffNameRenderer): Assessment {
  // A view read for only some of the assessment's fields may lack the explanation; the query then does not ask for it.
  const stored = (a.explanation as AssessmentView['explanation'] | undefined) ?? { nl: [], en: [] };
  // The read model keeps the staff member's token; the name is the current one (see staffNamesFor).
  const explanation = { nl: stored.nl.map(names), en: stored.en.map(names) };
  return {
    recommendation: a.recommendation,
    declineReason: a.declineReason,
    opportune: a.opportune,
    requiredReasons: a.requiredReasons,
    satisfiedReasons: a.satisfiedReasons,
    derivedReasons: a.derivedReasons,
    staffTimeAvailable: a.staffTimeAvailable,
    budgetAvailable: a.budgetAvailable,
    daysNeeded: a.daysNeeded,
    estimatedCostEur: a.estimatedCostEur,
    explanation: explanation.nl,
    explanationEn: explanation.en,
    policyVersion: a.policyVersion,
    assessedOn: a.assessedOn,
  };
}

/**
 * The assessment as a coordinator reads it, as assessDraftRequest answers
 * them: the explanation without staff names or euro figures, and no cost.
 */
function toCoordinatorsAssessment(a: AssessmentView, startDate: string): Assessment {
  // As in toAssessment: a view read without the explanation is one whose query does not ask for it.
  const read = (a.explanation as AssessmentView['explanation'] | undefined) !== undefined;
  const explanation = read ? explanationForCoordinator(a, yearOf(startDate)) : { nl: [], en: [] };
  // No staff names to look up: the coordinator's sentences hold no staff token.
  return {
    ...toAssessment(a, noStaffNames),
    estimatedCostEur: null,
    explanation: explanation.nl,
    explanationEn: explanation.en,
  };
}

/**
 * The GraphQL object of a request view; of a view read with some fields only
 * (requestFieldsFor), the fields made from them, which are all a query reads.
 * For staff and the other roles that read every request, with the names of
 * the staff its assessment names (staffNamesFor over explanationsOf the
 * views); see toAccompanimentRequestFor.
 */
export function toAccompanimentRequest(r: RequestView, names: StaffNameRenderer): AccompanimentRequest {
  return toRequest(r, r.assessment && toAssessment(r.assessment, names));
}

/** toAccompanimentRequest for a coordinator: the assessment without staff names, euro figures or cost. */
function toCoordinatorsRequest(r: RequestView): AccompanimentRequest {
  return toRequest(r, r.assessment && toCoordinatorsAssessment(r.assessment, r.startDate));
}

/**
 * How a request reads for whom asks: a coordinator's assessment as
 * assessDraftRequest gives it to them (read its view with
 * `requestFieldsFor(paths, true)`), everyone else's in full with the staff
 * names `names` puts in.
 */
export function toAccompanimentRequestFor(
  coordinator: boolean,
  names: StaffNameRenderer,
): (r: RequestView) => AccompanimentRequest {
  return coordinator ? toCoordinatorsRequest : (r) => toAccompanimentRequest(r, names);
}

function toRequest(r: RequestView, assessment: Assessment | null): AccompanimentRequest {
  return {
    id: r.requestId,
    status: r.status,
    missionType: r.missionType,
    startDate: r.startDate,
    endDate: r.endDate,
    municipality: { nisCode: r.nisCode, name: r.municipalityName },
    twinning: { id: r.twinningId, partnerName: r.partnerName, countryCode: r.countryCode, regionCode: r.regionCode },
    delegationSize: r.delegationSize,
    policyDomains: r.policyDomains,
    reasons: r.claimedReasons,
    notes: r.notes,
    submittedOn: r.submittedOn,
    assessment,
    decidedOn: r.decidedOn,
    declineReason: r.declineReason,
    decisionNote: r.decisionNote,
    withdrawalReason: r.withdrawalReason,
    staffMemberName: r.staffMemberName,
    mission: r.missionId
      ? {
          id: r.missionId,
          status: r.missionStatus ?? 'SCHEDULED',
          missionType: r.missionType,
          startDate: r.startDate,
          endDate: r.endDate,
          regionCode: r.regionCode,
          staffNames: r.staffMemberName ? [r.staffMemberName] : [],
          bookedDays: r.bookedDays,
          daysSpent: r.daysSpent,
          costEur: r.costEur,
          completedOn: r.completedOn,
        }
      : null,
  };
}
