import { useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import type { ErasureReason } from '../gql/graphql';
import { fieldErrors } from '../graphql/errors';
import { useFormat } from '../i18n/format';
import { ERASED } from '../ui/Erased';
import { Field } from '../ui/Field';
import { MutationError } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';

const StaffDocument = graphql(`
  query PrivacyStaff {
    staffMembers {
      id
      name
    }
  }
`);

const RequestErasureDocument = graphql(`
  mutation RequestErasure($subjectId: ID!, $reason: ErasureReason!, $caseReference: String) {
    eraseDataSubject(subjectId: $subjectId, reason: $reason, caseReference: $caseReference) {
      id
      status
    }
  }
`);

/** Management asks to erase a staff member (found by name) or any person or document by id, with a reason. */
export function ErasureRequestForm({ onRequested }: { onRequested: () => void }) {
  const f = useFormat();
  const viewer = useViewer();
  const vocabulary = useVocabulary();
  const [{ data: staff }] = useQuery({ query: StaffDocument });
  const [result, request] = useMutation(RequestErasureDocument);
  const [how, setHow] = useState<'staff' | 'id'>('staff');
  const [search, setSearch] = useState('');
  const [staffMemberId, setStaffMemberId] = useState('');
  const [subjectId, setSubjectId] = useState('');
  const [reason, setReason] = useState<ErasureReason | ''>('');
  const [caseReference, setCaseReference] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const legend = useId();

  // Staff members still named, by name; the erased ones are gone already.
  const matches = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    return (staff?.staffMembers ?? [])
      .filter((s) => s.name !== ERASED && s.name.toLocaleLowerCase().includes(needle))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [staff, search]);

  const api = fieldErrors(result.error);
  const errors = { ...api, ...local };
  const chosen = how === 'staff' ? staffMemberId : subjectId.trim();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!chosen) problems[how === 'staff' ? 'staffMemberId' : 'subjectId'] = f.t('privacy.request.required');
    if (!reason) problems.reason = f.t('privacy.request.required');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    void request({
      subjectId: chosen,
      reason: reason as ErasureReason,
      caseReference: caseReference.trim() || null,
    }).then((r) => {
      if (!r.error) {
        setStaffMemberId('');
        setSubjectId('');
        setCaseReference('');
        onRequested();
      }
    });
  };

  const subjectError = errors.subjectId;
  return (
    <form className="card" onSubmit={submit} aria-labelledby="erasure-request-title" noValidate>
      <h2 id="erasure-request-title">{f.t('privacy.request.title')}</h2>
      <fieldset className="field" aria-labelledby={legend}>
        <span id={legend} className="field__label">
          {f.t('privacy.request.how')}
        </span>
        <div className="row" role="radiogroup" aria-labelledby={legend}>
          {(['staff', 'id'] as const).map((value) => (
            <label key={value} className="row" style={{ gap: 6, fontWeight: 400 }}>
              <input
                type="radio"
                name="erasure-how"
                value={value}
                checked={how === value}
                onChange={() => setHow(value)}
                style={{ minHeight: 'auto' }}
              />
              {f.t(value === 'staff' ? 'privacy.request.staff' : 'privacy.request.byId')}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="stack" style={{ marginTop: 16 }}>
        {how === 'staff' ? (
          <>
            <Field
              label={f.t('privacy.request.search')}
              hint={f.t('privacy.request.searchHint', { count: matches.length })}
            >
              <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
            </Field>
            <Field
              label={f.t('privacy.request.pick')}
              error={errors.staffMemberId ?? subjectError}
              lang={subjectError && !local.staffMemberId ? 'en' : undefined}
            >
              <select value={staffMemberId} onChange={(e) => setStaffMemberId(e.target.value)}>
                <option value="">{f.t('privacy.request.pickNone')}</option>
                {matches.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
          </>
        ) : (
          <Field
            label={f.t('privacy.request.subjectId')}
            hint={f.t('privacy.request.subjectIdHint')}
            error={subjectError}
            lang={api.subjectId && !local.subjectId ? 'en' : undefined}
          >
            <input
              value={subjectId}
              onChange={(e) => setSubjectId(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              className="mono"
            />
          </Field>
        )}
        <Field
          label={f.t('privacy.request.reason')}
          error={errors.reason}
          lang={api.reason && !local.reason ? 'en' : undefined}
        >
          <select value={reason} onChange={(e) => setReason(e.target.value as ErasureReason)}>
            <option value="">—</option>
            {vocabulary.options('erasureReasons').map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={f.t('privacy.request.caseReference')}
          hint={f.t('privacy.request.caseReferenceHint')}
          error={errors.caseReference}
          lang={api.caseReference ? 'en' : undefined}
        >
          <input
            value={caseReference}
            onChange={(e) => setCaseReference(e.target.value.toUpperCase())}
            autoComplete="off"
            maxLength={24}
          />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={result.fetching}>
          {f.t('privacy.request.submit')}
        </button>
      </div>
      {result.error && Object.keys(api).length === 0 && <MutationError error={result.error} role={viewer.role} />}
      <div role="status">
        {result.data && !result.error && <p className="notice notice--ok">{f.t('privacy.request.done')}</p>}
      </div>
    </form>
  );
}
