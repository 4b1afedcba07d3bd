import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import type { PlannerJointMissionFragment } from '../gql/graphql';
import { errorKind, fieldErrors } from '../graphql/errors';
import { useFormat } from '../i18n/format';
import { Field } from '../ui/Field';
import { ErrorState } from '../ui/states';
import { checkApproval, checkRejection, parseEuro, type Problem } from './forms';
import { daysIncluded } from './timeline';

const StaffDocument = graphql(`
  query PlannerStaff($year: Int!) {
    staffCapacity(year: $year) {
      staffMemberId
      year
      name
      freeDays
    }
  }
`);

const ApproveDocument = graphql(`
  mutation ApproveJointMission($input: ApproveJointMissionInput!) {
    approveJointMission(input: $input) {
      ...PlannerJointMission
    }
  }
`);

const RejectDocument = graphql(`
  mutation RejectJointMission($input: RejectJointMissionInput!) {
    rejectJointMission(input: $input) {
      ...PlannerJointMission
    }
  }
`);

/** A problem of ours in the chosen language, else the API's (in English) for that field. */
function useFieldError(local: Record<string, Problem>, api: Record<string, string>) {
  const f = useFormat();
  return (field: string): { error?: string; lang?: string } =>
    local[field]
      ? { error: f.t(local[field].id, local[field].values) }
      : api[field]
        ? { error: api[field], lang: 'en' }
        : {};
}

/** Focus the form's first control when it opens, so the keyboard continues where the button was. */
export function useFocusOnOpen() {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  return ref;
}

/** Management approves: who goes (each booked for the whole window), the budget (the estimate unless changed), a note. */
export function ApproveForm({
  jointMission: jm,
  onDone,
  onCancel,
}: {
  jointMission: PlannerJointMissionFragment;
  onDone: () => void;
  onCancel: () => void;
}) {
  const f = useFormat();
  const viewer = useViewer();
  const id = useId();
  const form = useFocusOnOpen();
  const year = Number(jm.startDate.slice(0, 4));
  const days = daysIncluded(jm.startDate, jm.endDate);
  const [{ data }] = useQuery({ query: StaffDocument, variables: { year } });
  const members = useMemo(() => [...(data?.staffCapacity ?? [])].sort((a, b) => b.freeDays - a.freeDays), [data]);
  const [staffMemberIds, setStaff] = useState<string[]>([]);
  const [budget, setBudget] = useState(jm.estimatedCostEur ? String(jm.estimatedCostEur) : '');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<Record<string, Problem>>({});
  const [result, approve] = useMutation(ApproveDocument);
  const api = fieldErrors(result.error);
  const error = useFieldError(local, api);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = checkApproval({ staffMemberIds, budget });
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const budgetEur = parseEuro(budget);
    const answer = await approve({
      input: {
        jointMissionId: jm.id,
        staffMemberIds,
        ...(budgetEur !== undefined ? { budgetEur } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    });
    if (answer.data?.approveJointMission) onDone();
  };
  const staffError = error('staffMemberIds');
  const legend = `${id}-staff`;
  return (
    <form
      ref={form}
      className="planner-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h4 id={`${id}-title`}>{f.t('planner.approve.title')}</h4>
      <div className="stack">
        <fieldset
          className="field"
          aria-labelledby={legend}
          aria-describedby={[`${legend}-hint`, staffError.error ? `${legend}-error` : ''].filter(Boolean).join(' ')}
        >
          <span id={legend} className="field__label">
            {f.t('planner.approve.staff')}
          </span>
          <span className="field__hint" id={`${legend}-hint`}>
            {f.t('planner.approve.staffHint', { days, year })}
          </span>
          <div className="checks">
            {members.map((m) => (
              <label key={m.staffMemberId}>
                <input
                  type="checkbox"
                  checked={staffMemberIds.includes(m.staffMemberId)}
                  aria-invalid={staffError.error ? true : undefined}
                  onChange={(e) =>
                    setStaff((ids) =>
                      e.target.checked ? [...ids, m.staffMemberId] : ids.filter((x) => x !== m.staffMemberId),
                    )
                  }
                />
                <span>
                  {f.t('planner.approve.staffOption', { name: m.name ?? m.staffMemberId, free: m.freeDays })}
                  {m.freeDays < days && <span className="muted"> ({f.t('planner.approve.short')})</span>}
                </span>
              </label>
            ))}
          </div>
          {staffError.error && (
            <span className="field__error" id={`${legend}-error`} lang={staffError.lang}>
              {staffError.error}
            </span>
          )}
        </fieldset>
        <div className="form-grid" style={{ maxWidth: 480 }}>
          <Field
            label={f.t('planner.approve.budget')}
            hint={f.t('planner.approve.budgetHint', {
              estimate: jm.estimatedCostEur ? f.euro(jm.estimatedCostEur) : f.t('none'),
            })}
            {...error('budgetEur')}
          >
            <input
              type="number"
              inputMode="decimal"
              min={1}
              step={1}
              value={budget}
              onChange={(e) => setBudget(e.target.value)}
            />
          </Field>
        </div>
        <Field label={f.t('planner.approve.note')} {...error('note')}>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={result.fetching}>
          {f.t('planner.approve.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {f.t('planner.cancel')}
        </button>
      </div>
      {result.error && (errorKind(result.error) !== 'badInput' || Object.keys(api).length === 0) && (
        <ErrorState error={result.error} role={viewer.role} />
      )}
    </form>
  );
}

/** Management rejects, with a reason the planner reads. */
export function RejectForm({
  jointMission: jm,
  onDone,
  onCancel,
}: {
  jointMission: PlannerJointMissionFragment;
  onDone: () => void;
  onCancel: () => void;
}) {
  const f = useFormat();
  const viewer = useViewer();
  const id = useId();
  const form = useFocusOnOpen();
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, Problem>>({});
  const [result, reject] = useMutation(RejectDocument);
  const api = fieldErrors(result.error);
  const error = useFieldError(local, api);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = checkRejection(reason);
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const answer = await reject({ input: { jointMissionId: jm.id, reason: reason.trim() } });
    if (answer.data?.rejectJointMission) onDone();
  };
  return (
    <form
      ref={form}
      className="planner-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h4 id={`${id}-title`}>{f.t('planner.reject.title')}</h4>
      <Field label={f.t('planner.reject.reason')} {...error('reason')}>
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={2000} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button--danger" disabled={result.fetching}>
          {f.t('planner.reject.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {f.t('planner.cancel')}
        </button>
      </div>
      {result.error && (errorKind(result.error) !== 'badInput' || Object.keys(api).length === 0) && (
        <ErrorState error={result.error} role={viewer.role} />
      )}
    </form>
  );
}
