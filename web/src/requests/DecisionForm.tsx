import { useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useCan, useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import type { DeclineReason } from '../gql/graphql';
import { errorKind, fieldErrors } from '../graphql/errors';
import { useFormat } from '../i18n/format';
import { Field } from '../ui/Field';
import { MutationError } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';
import type { RequestDetail } from './types';

const StaffDocument = graphql(`
  query DecisionStaff($year: Int!) {
    staffCapacity(year: $year) {
      staffMemberId
      year
      name
      freeDays
    }
  }
`);

const DecideDocument = graphql(`
  mutation Decide($input: DecideAccompanimentInput!) {
    decideAccompaniment(input: $input) {
      id
      status
      decidedOn
      declineReason
      decisionNote
      staffMemberName
    }
  }
`);

/** Staff accept (naming who goes) or decline (with one of the three reasons and a note). */
export function DecisionForm({ request }: { request: RequestDetail }) {
  const f = useFormat();
  const viewer = useViewer();
  const vocabulary = useVocabulary();
  const may = useCan('decideAccompaniment');
  const year = Number(request.startDate.slice(0, 4));
  const [{ data: staff }] = useQuery({ query: StaffDocument, variables: { year }, pause: !may });
  const [result, decide] = useMutation(DecideDocument);
  const recommended = request.assessment?.recommendation;
  const [decision, setDecision] = useState<'ACCEPT' | 'DECLINE'>(recommended ?? 'ACCEPT');
  const [staffMemberId, setStaffMemberId] = useState('');
  const [declineReason, setDeclineReason] = useState<DeclineReason | ''>(request.assessment?.declineReason ?? '');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const legend = useId();
  const needed = request.assessment?.daysNeeded ?? 0;
  const members = useMemo(() => [...(staff?.staffCapacity ?? [])].sort((a, b) => b.freeDays - a.freeDays), [staff]);

  if (!may) return null;
  const api = fieldErrors(result.error);
  const errors = { ...api, ...local };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (decision === 'ACCEPT' && !staffMemberId) problems.staffMemberId = f.t('decide.required');
    if (decision === 'DECLINE' && !declineReason) problems.declineReason = f.t('decide.required');
    if (decision === 'DECLINE' && !note.trim()) problems.note = f.t('decide.noteRequired');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    void decide({
      input:
        decision === 'ACCEPT'
          ? { requestId: request.id, decision, staffMemberId }
          : { requestId: request.id, decision, declineReason: declineReason as DeclineReason, note: note.trim() },
    });
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="decide-title" noValidate>
      <h2 id="decide-title">{f.t('decide.title')}</h2>
      <fieldset className="field" aria-labelledby={legend}>
        <span id={legend} className="field__label">
          {f.t('decide.decision')}
        </span>
        <div className="row" role="radiogroup" aria-labelledby={legend}>
          {(['ACCEPT', 'DECLINE'] as const).map((value) => (
            <label key={value} className="row" style={{ gap: 6, fontWeight: 400 }}>
              <input
                type="radio"
                name="decision"
                value={value}
                checked={decision === value}
                onChange={() => setDecision(value)}
                style={{ minHeight: 'auto' }}
              />
              {f.t(value === 'ACCEPT' ? 'decide.accept' : 'decide.decline')}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="stack" style={{ marginTop: 16 }}>
        {decision === 'ACCEPT' ? (
          <Field
            label={f.t('decide.staff')}
            hint={f.t('decide.staffHint', { needed: f.days(needed) })}
            error={errors.staffMemberId}
            lang={api.staffMemberId && !local.staffMemberId ? 'en' : undefined}
          >
            <select value={staffMemberId} onChange={(e) => setStaffMemberId(e.target.value)}>
              <option value="">—</option>
              {members.map((m) => (
                <option key={m.staffMemberId} value={m.staffMemberId}>
                  {f.t('decide.staffOption', { name: m.name ?? m.staffMemberId, free: m.freeDays, year })}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <>
            <Field
              label={f.t('decide.reason')}
              error={errors.declineReason}
              lang={api.declineReason && !local.declineReason ? 'en' : undefined}
            >
              <select value={declineReason} onChange={(e) => setDeclineReason(e.target.value as DeclineReason)}>
                <option value="">—</option>
                {vocabulary.data?.declineReasons.map((r) => (
                  <option key={r.code} value={r.code}>
                    {vocabulary.label('declineReasons', r.code)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label={f.t('decide.note')}
              hint={f.t('decide.noteHint')}
              error={errors.note}
              lang={api.note && !local.note ? 'en' : undefined}
            >
              <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
            </Field>
          </>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={result.fetching}>
          {f.t('decide.submit')}
        </button>
      </div>
      {result.error && errorKind(result.error) !== 'badInput' && (
        <MutationError error={result.error} role={viewer.role} />
      )}
      {result.error && errorKind(result.error) === 'badInput' && Object.keys(api).length === 0 && (
        <MutationError error={result.error} role={viewer.role} />
      )}
      {result.data && !result.error && (
        <p className="notice notice--ok" role="status">
          {f.t('decide.done')}
        </p>
      )}
    </form>
  );
}
