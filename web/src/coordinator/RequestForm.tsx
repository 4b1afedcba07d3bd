import { useState, type FormEvent } from 'react';
import type { CombinedError } from 'urql';
import type { AdditionalReason, MissionType } from '../gql/graphql';
import { fieldErrors, errorKind } from '../graphql/errors';
import { useFormat } from '../i18n/format';
import { Field } from '../ui/Field';
import { MutationError } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';
import { DraftAssessment } from './DraftAssessment';
import { toDraftInput, validateRequestForm, type FormErrors, type RequestFormValues } from './requestForm';

export interface TwinningOption {
  readonly id: string;
  readonly partnerName: string;
  readonly regionCode: string;
}

/**
 * The request form, for a new request or an amendment: each field with its
 * error beside it (the form's own checks first, then the API's), and the
 * assessment it would get as it stands.
 */
export function RequestForm({
  title,
  initial,
  twinnings,
  submitLabel,
  busy,
  error,
  fixedTwinning = false,
  onSubmit,
  onCancel,
}: {
  title: string;
  initial: RequestFormValues;
  twinnings: readonly TwinningOption[];
  submitLabel: string;
  busy: boolean;
  error: CombinedError | undefined;
  fixedTwinning?: boolean;
  onSubmit: (values: RequestFormValues) => void;
  onCancel?: () => void;
}) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const [values, setValues] = useState<RequestFormValues>(initial);
  const [local, setLocal] = useState<FormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const api = fieldErrors(error);
  const set = <K extends keyof RequestFormValues>(key: K, value: RequestFormValues[K]) => {
    const next = { ...values, [key]: value };
    setValues(next);
    if (submitted) setLocal(validateRequestForm(next));
  };
  const message = (key: keyof RequestFormValues): { error?: string; lang?: string } => {
    const own = local[key];
    if (own) return { error: f.t(own) };
    const fromApi = api[key];
    return fromApi ? { error: fromApi, lang: 'en' } : {};
  };
  const toggle = <T extends string>(list: T[], item: T) =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const errors = validateRequestForm(values);
    setLocal(errors);
    if (Object.keys(errors).length) {
      // After React has marked the fields: the first one to fix gets the focus.
      const form = event.currentTarget as HTMLFormElement;
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSubmit(values);
  };
  const claimable = vocabulary.data?.additionalReasons.filter((r) => !r.derivable) ?? [];
  const unmatchedApiError = error && (errorKind(error) !== 'badInput' || Object.keys(api).length === 0);

  return (
    <div className="grid grid--2">
      <form className="card" onSubmit={submit} noValidate aria-labelledby="form-title">
        <h2 id="form-title">{title}</h2>
        {Object.keys(local).length > 0 && (
          <p className="notice notice--error" role="alert">
            {f.t('form.fixErrors')}
          </p>
        )}
        <div className="stack">
          <Field label={f.t('form.twinning')} {...message('twinningId')}>
            <select
              value={values.twinningId}
              onChange={(e) => set('twinningId', e.target.value)}
              disabled={fixedTwinning}
              required
            >
              <option value="">—</option>
              {twinnings.map((t) => (
                <option key={t.id} value={t.id}>
                  {f.t('form.twinningOption', { partner: t.partnerName, region: vocabulary.region(t.regionCode) })}
                </option>
              ))}
            </select>
          </Field>
          <Field label={f.t('form.missionType')} hint={f.t('form.missionTypeHint')} {...message('missionType')}>
            <select
              value={values.missionType}
              onChange={(e) => set('missionType', e.target.value as MissionType | '')}
              required
            >
              <option value="">—</option>
              {vocabulary.data?.missionTypes.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.rank}. {vocabulary.label('missionTypes', m.code)}
                </option>
              ))}
            </select>
          </Field>
          <div className="form-grid">
            <Field label={f.t('form.start')} {...message('startDate')}>
              <input type="date" value={values.startDate} onChange={(e) => set('startDate', e.target.value)} required />
            </Field>
            <Field label={f.t('form.end')} {...message('endDate')}>
              <input
                type="date"
                value={values.endDate}
                min={values.startDate || undefined}
                onChange={(e) => set('endDate', e.target.value)}
                required
              />
            </Field>
            <Field label={f.t('form.delegation')} {...message('delegationSize')}>
              <input
                type="number"
                inputMode="numeric"
                min={1}
                max={100}
                value={values.delegationSize}
                onChange={(e) => set('delegationSize', e.target.value)}
                required
              />
            </Field>
          </div>
          <fieldset className="field">
            <legend>{f.t('form.reasons')}</legend>
            <span className="field__hint">{f.t('form.reasonsHint')}</span>
            <div className="checks">
              {claimable.map((r) => (
                <label key={r.code}>
                  <input
                    type="checkbox"
                    checked={values.reasons.includes(r.code)}
                    onChange={() => set('reasons', toggle<AdditionalReason>(values.reasons, r.code))}
                  />
                  {vocabulary.label('additionalReasons', r.code)}
                </label>
              ))}
            </div>
            {message('reasons').error && (
              <span className="field__error" lang={message('reasons').lang}>
                {message('reasons').error}
              </span>
            )}
          </fieldset>
          <fieldset className="field">
            <legend>{f.t('form.domains')}</legend>
            <div
              className="checks"
              style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))' }}
            >
              {vocabulary.data?.policyDomains.map((d) => (
                <label key={d.code}>
                  <input
                    type="checkbox"
                    checked={values.policyDomains.includes(d.code)}
                    onChange={() => set('policyDomains', toggle(values.policyDomains, d.code))}
                  />
                  {vocabulary.label('policyDomains', d.code)}
                </label>
              ))}
            </div>
            {message('policyDomains').error && (
              <span className="field__error" lang={message('policyDomains').lang}>
                {message('policyDomains').error}
              </span>
            )}
          </fieldset>
          <Field label={f.t('form.notes')} hint={f.t('form.notesHint')} {...message('notes')}>
            <textarea value={values.notes} onChange={(e) => set('notes', e.target.value)} maxLength={4000} />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {submitLabel}
          </button>
          {onCancel && (
            <button type="button" className="button" onClick={onCancel}>
              {f.t('form.cancel')}
            </button>
          )}
        </div>
        {unmatchedApiError && error && <MutationError error={error} />}
      </form>
      <DraftAssessment input={toDraftInput(values)} />
    </div>
  );
}
