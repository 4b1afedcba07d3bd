import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { PlannerJointMissionFragment } from '../gql/graphql';
import { fieldErrors } from '../graphql/errors';
import { useFormat } from '../i18n/format';
import { Field } from '../ui/Field';
import {
  ActionForm,
  BudgetField,
  fieldError,
  ReasonField,
  StaffField,
  useFocusOnOpen,
  useStaff,
} from './decisionForms';
import { checkApproval, checkRejection, parseEuro, type Problem } from './forms';
import { daysIncluded } from './timeline';

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

/** What either decision is about, and what follows it. */
interface DecideProps {
  jointMission: PlannerJointMissionFragment;
  onDone: () => void;
  onCancel: () => void;
}

/** A problem of ours in the chosen language, else the API's (in English) for that field. */
function useFieldError(local: Record<string, Problem>, api: Record<string, string>) {
  const f = useFormat();
  return fieldError(Object.fromEntries(Object.entries(local).map(([field, p]) => [field, f.t(p.id, p.values)])), api);
}

/** Management approves: who goes (each booked for the whole window), the budget (the estimate unless changed), a note. */
export function ApproveForm({ jointMission: jm, onDone, onCancel }: DecideProps) {
  const f = useFormat();
  const id = useId();
  const form = useFocusOnOpen();
  const year = Number(jm.startDate.slice(0, 4));
  const days = daysIncluded(jm.startDate, jm.endDate);
  const { members } = useStaff(year);
  const [staffMemberIds, setStaff] = useState<string[]>([]);
  const [budget, setBudget] = useState(jm.estimatedCostEur ? String(jm.estimatedCostEur) : '');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<Record<string, Problem>>({});
  const [result, approve] = useMutation(ApproveDocument);
  const error = useFieldError(local, fieldErrors(result.error));

  const submit = async () => {
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
  return (
    <ActionForm
      id={id}
      look="planner"
      title={f.t('planner.approve.title')}
      formRef={form}
      onSubmit={submit}
      submitLabel={f.t('planner.approve.submit')}
      cancelLabel={f.t('planner.cancel')}
      onCancel={onCancel}
      fetching={result.fetching}
      error={result.error}
    >
      <div className="stack">
        <StaffField
          id={id}
          look="planner"
          label={f.t('planner.approve.staff')}
          hint={f.t('planner.approve.staffHint', { days, year })}
          members={members}
          chosen={staffMemberIds}
          onChange={setStaff}
          option={(m) => f.t('planner.approve.staffOption', { name: m.name ?? m.staffMemberId, free: m.freeDays })}
          tooFew={f.t('planner.approve.short')}
          days={days}
          error={error('staffMemberIds')}
        />
        <div className="form-grid" style={{ maxWidth: 480 }}>
          <BudgetField
            label={f.t('planner.approve.budget')}
            hint={f.t('planner.approve.budgetHint', {
              estimate: jm.estimatedCostEur ? f.euro(jm.estimatedCostEur) : f.t('none'),
            })}
            min={1}
            step={1}
            value={budget}
            onChange={setBudget}
            error={error('budgetEur')}
          />
        </div>
        <Field label={f.t('planner.approve.note')} {...error('note')}>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />
        </Field>
      </div>
    </ActionForm>
  );
}

/** Management rejects, with a reason the planner reads. */
export function RejectForm({ jointMission: jm, onDone, onCancel }: DecideProps) {
  const f = useFormat();
  const id = useId();
  const form = useFocusOnOpen();
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, Problem>>({});
  const [result, reject] = useMutation(RejectDocument);
  const error = useFieldError(local, fieldErrors(result.error));
  const submit = async () => {
    const problems = checkRejection(reason);
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const answer = await reject({ input: { jointMissionId: jm.id, reason: reason.trim() } });
    if (answer.data?.rejectJointMission) onDone();
  };
  return (
    <ActionForm
      id={id}
      look="planner"
      title={f.t('planner.reject.title')}
      formRef={form}
      onSubmit={submit}
      submitLabel={f.t('planner.reject.submit')}
      danger
      cancelLabel={f.t('planner.cancel')}
      onCancel={onCancel}
      fetching={result.fetching}
      error={result.error}
    >
      <ReasonField
        label={f.t('planner.reject.reason')}
        rows={3}
        value={reason}
        onChange={setReason}
        error={error('reason')}
      />
    </ActionForm>
  );
}
