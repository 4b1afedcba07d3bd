import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import type { PlannerJointMissionFragment } from '../gql/graphql';
import { errorKind, fieldErrors } from '../graphql/errors';
import { useFormat } from '../i18n/format';
import { Field } from '../ui/Field';
import { MutationError } from '../ui/states';
import { useFocusOnOpen } from './decisionForms';
import { checkProposal, type Problem, type RequestVisit } from './forms';
import type { RequestVisitFacts } from './requestVisits';

const ProposeDocument = graphql(`
  mutation ProposeJointMission($input: ProposeJointMissionInput!) {
    proposeJointMission(input: $input) {
      ...PlannerJointMission
    }
  }
`);

export interface ProposalCandidate {
  readonly regionNames: string;
  readonly tripStart: string;
  readonly tripEnd: string;
  readonly why: string;
  readonly requests: readonly {
    readonly id: string;
    readonly nisCode: string;
    readonly municipalityName?: string | null;
  }[];
}

/**
 * A candidate as a joint-mission proposal: the window, the requests and the
 * rationale prefilled from it and editable. Decided requests are shown but
 * cannot be chosen (the API would refuse them); mistakes show beside their
 * field, the API's as well as ours.
 */
export function ProposeForm({
  candidate,
  visits,
  onProposed,
  onCancel,
}: {
  candidate: ProposalCandidate;
  visits: ReadonlyMap<string, RequestVisitFacts>;
  onProposed: (jointMission: PlannerJointMissionFragment) => void;
  onCancel: () => void;
}) {
  const f = useFormat();
  const viewer = useViewer();
  const id = useId();
  const form = useFocusOnOpen();
  const [startDate, setStartDate] = useState(candidate.tripStart);
  const [endDate, setEndDate] = useState(candidate.tripEnd);
  const [requestIds, setRequestIds] = useState(() =>
    candidate.requests.filter((r) => visits.get(r.id)?.undecided !== false).map((r) => r.id),
  );
  const [rationale, setRationale] = useState(candidate.why);
  const [local, setLocal] = useState<Record<string, Problem>>({});
  const [result, propose] = useMutation(ProposeDocument);
  const api = fieldErrors(result.error);
  const error = (field: string): { error?: string; lang?: string } =>
    local[field]
      ? { error: f.t(local[field].id, local[field].values) }
      : api[field]
        ? { error: api[field], lang: 'en' }
        : {};
  const name = (r: ProposalCandidate['requests'][number]) => r.municipalityName ?? r.nisCode;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const labelled = new Map<string, RequestVisit>();
    for (const r of candidate.requests) {
      const v = visits.get(r.id);
      if (v) labelled.set(r.id, { startDate: v.startDate, endDate: v.endDate, label: name(r) });
    }
    const today = new Date().toISOString().slice(0, 10);
    const problems = checkProposal({ startDate, endDate, requestIds, rationale }, today, labelled);
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      // focus the first field that needs attention, as a screen reader user would look for it
      document.querySelector<HTMLElement>(`#${CSS.escape(id)} [aria-invalid="true"]`)?.focus();
      return;
    }
    const answer = await propose({
      input: { startDate, endDate, requestIds: [...requestIds], rationale: rationale.trim() },
    });
    if (answer.data?.proposeJointMission) onProposed(answer.data.proposeJointMission);
  };

  const requestsError = error('requestIds');
  const legend = `${id}-requests`;
  return (
    <form
      ref={form}
      id={id}
      className="planner-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h4 id={`${id}-title`}>{f.t('planner.propose.title', { regions: candidate.regionNames })}</h4>
      <div className="stack">
        <div className="form-grid">
          <Field label={f.t('planner.propose.start')} hint={f.t('planner.propose.windowHint')} {...error('startDate')}>
            <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} required />
          </Field>
          <Field label={f.t('planner.propose.end')} {...error('endDate')}>
            <input type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} required />
          </Field>
        </div>
        <fieldset
          className="field"
          aria-labelledby={legend}
          aria-describedby={requestsError.error ? `${legend}-error` : undefined}
        >
          <span id={legend} className="field__label">
            {f.t('planner.propose.requests')}
          </span>
          <div className="checks">
            {candidate.requests.map((r) => {
              const visit = visits.get(r.id);
              const decided = visit?.undecided === false;
              return (
                <label key={r.id}>
                  <input
                    type="checkbox"
                    value={r.id}
                    checked={requestIds.includes(r.id)}
                    disabled={decided}
                    aria-invalid={requestsError.error && !decided ? true : undefined}
                    onChange={(e) =>
                      setRequestIds((ids) => (e.target.checked ? [...ids, r.id] : ids.filter((x) => x !== r.id)))
                    }
                  />
                  <span>
                    {visit
                      ? f.t('planner.request.option', {
                          municipality: name(r),
                          from: f.shortDate(visit.startDate),
                          to: f.shortDate(visit.endDate),
                        })
                      : name(r)}
                    {decided && <span className="muted"> ({f.t('planner.request.accepted')})</span>}
                  </span>
                </label>
              );
            })}
          </div>
          {requestsError.error && (
            <span className="field__error" id={`${legend}-error`} lang={requestsError.lang}>
              {requestsError.error}
            </span>
          )}
        </fieldset>
        <Field
          label={f.t('planner.propose.rationale')}
          hint={f.t('planner.propose.rationaleHint')}
          {...error('rationale')}
        >
          <textarea value={rationale} onChange={(e) => setRationale(e.target.value)} rows={5} maxLength={4000} />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={result.fetching}>
          {f.t('planner.propose.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {f.t('planner.propose.cancel')}
        </button>
      </div>
      {result.error && (errorKind(result.error) !== 'badInput' || Object.keys(api).length === 0) && (
        <MutationError error={result.error} role={viewer.role} />
      )}
    </form>
  );
}
