import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useCan } from '../../auth/viewer';
import { graphql } from '../../gql';
import type { RegionalEventItemFragment, RegionalEventStatus } from '../../gql/graphql';
import { fieldErrors } from '../../graphql/errors';
import { useFormat } from '../../i18n/format';
import { Badge, type Tone } from '../../ui/Badge';
import { Field } from '../../ui/Field';
import { useVocabulary } from '../../vocabulary/vocabularies';
import {
  ActionForm,
  BudgetField,
  fieldError,
  ReasonField,
  StaffField,
  useFocusOnOpen,
  useStaff,
} from '../decisionForms';
import { eventDays, parseEuro } from './proposal';
import { MunicipalityList, RegionList, themeLabels } from './SuggestionCard';

graphql(`
  fragment RegionalEventItem on RegionalEvent {
    id
    title
    kind
    status
    countryCode
    regionCodes
    startDate
    endDate
    themes
    estimatedCostEur
    budgetEur
    municipalities {
      nisCode
      name
    }
    staffMembers {
      id
      name
    }
    proposedOn
    proposedByRole
    decidedOn
    note
    rejectionReason
    amendedCount
  }
`);

const ApproveDocument = graphql(`
  mutation RegionalEventApproveForm($input: ApproveRegionalEventInput!) {
    approveRegionalEvent(input: $input) {
      ...RegionalEventItem
    }
  }
`);

const RejectDocument = graphql(`
  mutation RegionalEventRejectForm($input: RejectRegionalEventInput!) {
    rejectRegionalEvent(input: $input) {
      ...RegionalEventItem
    }
  }
`);

const statusTone: Record<RegionalEventStatus, Tone> = { PROPOSED: 'info', APPROVED: 'ok', REJECTED: 'bad' };

/** A regional event in the period: what, where, when, whom, its cost and its decision; management decides a proposed one here. */
export function EventItem({ event }: { event: RegionalEventItemFragment }) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const mayApprove = useCan('approveRegionalEvent');
  const mayReject = useCan('rejectRegionalEvent');
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const [done, setDone] = useState<'approved' | 'rejected' | null>(null);
  const headingId = useId();
  const days = eventDays(event.startDate, event.endDate);
  const approveButton = useRef<HTMLButtonElement>(null);
  const rejectButton = useRef<HTMLButtonElement>(null);
  // Cancelling a form gives the focus back to the button that opened it.
  const cancel = (which: 'approve' | 'reject') => {
    setDeciding(null);
    requestAnimationFrame(() => (which === 'approve' ? approveButton : rejectButton).current?.focus());
  };

  return (
    <article className="card stack" aria-labelledby={headingId}>
      <header className="row" style={{ justifyContent: 'space-between' }}>
        <div>
          <h4 id={headingId} style={{ margin: 0 }}>
            {event.title}
          </h4>
          <p className="small muted" style={{ margin: 0 }}>
            {f.t(`events.kind.${event.kind}`)} · {vocabulary.country(event.countryCode)}
          </p>
        </div>
        <Badge tone={statusTone[event.status]}>{f.t(`events.status.${event.status}`)}</Badge>
      </header>
      <dl className="facts">
        <dt>{f.t('events.regions')}</dt>
        <dd>
          <RegionList codes={event.regionCodes} />
        </dd>
        <dt>{f.t('events.dates')}</dt>
        <dd>{f.t('events.datesValue', { from: f.date(event.startDate), to: f.date(event.endDate), days })}</dd>
        <dt>{f.t('events.themes')}</dt>
        <dd>{themeLabels(vocabulary, event.themes) || f.t('none')}</dd>
        <dt>{f.t('events.invitees', { count: event.municipalities.length })}</dt>
        <dd>
          <MunicipalityList municipalities={event.municipalities} />
        </dd>
        <dt>{f.t('events.cost')}</dt>
        <dd>
          {event.estimatedCostEur === null || event.estimatedCostEur === undefined
            ? f.t('none')
            : f.euro(event.estimatedCostEur)}
        </dd>
        {event.status === 'APPROVED' && (
          <>
            <dt>{f.t('events.budget')}</dt>
            <dd>{event.budgetEur === null || event.budgetEur === undefined ? f.t('none') : f.euro(event.budgetEur)}</dd>
            <dt>{f.t('events.staff')}</dt>
            <dd>{event.staffMembers.map((s) => s.name ?? s.id).join(', ') || f.t('none')}</dd>
          </>
        )}
        {event.rejectionReason && (
          <>
            <dt>{f.t('events.rejectionReason')}</dt>
            <dd>{event.rejectionReason}</dd>
          </>
        )}
        {event.note && (
          <>
            <dt>{f.t('events.note')}</dt>
            <dd>{event.note}</dd>
          </>
        )}
      </dl>
      <p className="small muted" style={{ marginBottom: 0 }}>
        {f.t('events.proposedOn', {
          date: f.date(event.proposedOn),
          role: f.t(`role.${event.proposedByRole}` as never),
        })}
        {event.amendedCount > 0 && ` · ${f.t('events.amended', { count: event.amendedCount })}`}
        {event.decidedOn && ` · ${f.t('events.decidedOn', { date: f.date(event.decidedOn) })}`}
      </p>
      {done && (
        <p className="notice notice--ok" role="status">
          {f.t(done === 'approved' ? 'events.approved' : 'events.rejected')}
        </p>
      )}
      {event.status === 'PROPOSED' &&
        (mayApprove || mayReject) &&
        (deciding === 'approve' ? (
          <ApproveForm event={event} onCancel={() => cancel('approve')} onDone={() => setDone('approved')} />
        ) : deciding === 'reject' ? (
          <RejectForm event={event} onCancel={() => cancel('reject')} onDone={() => setDone('rejected')} />
        ) : (
          <div className="row">
            {mayApprove && (
              <button
                ref={approveButton}
                type="button"
                className="button button--primary"
                onClick={() => setDeciding('approve')}
              >
                {f.t('events.approve')}
              </button>
            )}
            {mayReject && (
              <button
                ref={rejectButton}
                type="button"
                className="button button--danger"
                onClick={() => setDeciding('reject')}
              >
                {f.t('events.reject')}
              </button>
            )}
          </div>
        ))}
    </article>
  );
}

/** What either decision is about, and what follows it. */
interface DecideProps {
  event: RegionalEventItemFragment;
  onCancel: () => void;
  onDone: () => void;
}

function ApproveForm({ event, onCancel, onDone }: DecideProps) {
  const f = useFormat();
  const year = Number(event.startDate.slice(0, 4));
  const days = eventDays(event.startDate, event.endDate);
  // Who can go: members with free days, most first.
  const staff = useStaff(year, true);
  const [result, approve] = useMutation(ApproveDocument);
  const [chosen, setChosen] = useState<string[]>([]);
  const [budget, setBudget] = useState(
    event.estimatedCostEur === null || event.estimatedCostEur === undefined ? '' : String(event.estimatedCostEur),
  );
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const formId = useId();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const error = fieldError(local, fieldErrors(result.error));

  const submit = async () => {
    const amount = parseEuro(budget);
    setLocal(amount === null ? { budgetEur: f.t('events.form.amount') } : {});
    if (amount === null) return;
    const answer = await approve({
      input: {
        regionalEventId: event.id,
        ...(amount !== undefined ? { budgetEur: amount } : {}),
        ...(chosen.length ? { staffMemberIds: chosen } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    });
    if (answer.data && !answer.error) onDone();
  };

  return (
    <ActionForm
      id={formId}
      look="event"
      title={f.t('events.approve.title')}
      onSubmit={submit}
      submitLabel={f.t('events.approve.submit')}
      cancelLabel={f.t('events.form.cancel')}
      onCancel={onCancel}
      fetching={result.fetching}
      error={result.error}
    >
      <StaffField
        id={formId}
        look="event"
        label={f.t('events.approve.staff')}
        hint={f.t('events.approve.staffHint', { days, year })}
        members={staff.members}
        empty={staff.loaded && staff.members.length === 0 ? f.t('events.approve.noStaff', { year }) : undefined}
        chosen={chosen}
        onChange={setChosen}
        option={(m) => f.t('events.approve.staffOption', { name: m.name ?? m.staffMemberId, free: m.freeDays })}
        tooFew={f.t('events.approve.tooFew')}
        days={days}
        error={error('staffMemberIds')}
        firstRef={first}
      />
      <div className="form-grid">
        <BudgetField
          label={f.t('events.approve.budget')}
          hint={f.t('events.approve.budgetHint')}
          min={0}
          step={10}
          value={budget}
          onChange={setBudget}
          error={error('budgetEur')}
        />
        <Field label={f.t('events.approve.note')} {...error('note')}>
          <input type="text" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        </Field>
      </div>
    </ActionForm>
  );
}

function RejectForm({ event, onCancel, onDone }: DecideProps) {
  const f = useFormat();
  const [result, reject] = useMutation(RejectDocument);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const formId = useId();
  const form = useFocusOnOpen();
  const error = fieldError(local, fieldErrors(result.error));

  const submit = async () => {
    setLocal(reason.trim() ? {} : { reason: f.t('events.form.required') });
    if (!reason.trim()) return;
    const answer = await reject({ input: { regionalEventId: event.id, reason: reason.trim() } });
    if (answer.data && !answer.error) onDone();
  };

  return (
    <ActionForm
      id={formId}
      look="event"
      title={f.t('events.reject')}
      formRef={form}
      onSubmit={submit}
      submitLabel={f.t('events.reject.submit')}
      danger
      cancelLabel={f.t('events.form.cancel')}
      onCancel={onCancel}
      fetching={result.fetching}
      error={result.error}
    >
      <ReasonField label={f.t('events.reject.reason')} value={reason} onChange={setReason} error={error('reason')} />
    </ActionForm>
  );
}
