import { useEffect, useMemo, useRef, type FormEvent, type ReactNode, type Ref } from 'react';
import { useQuery, type CombinedError } from 'urql';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import { errorKind, fieldErrors } from '../graphql/errors';
import { Field } from '../ui/Field';
import { MutationError } from '../ui/states';

// Shared by management's decisions on joint missions and on regional events.

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

/** The staff and their free days in the year, most free first; `onlyFree` leaves out those with none left. */
export function useStaff(year: number, onlyFree = false) {
  const [{ data }] = useQuery({ query: StaffDocument, variables: { year } });
  const members = useMemo(
    () =>
      [...(data?.staffCapacity ?? [])]
        .filter((m) => !onlyFree || m.freeDays > 0)
        .sort((a, b) => b.freeDays - a.freeDays),
    [data, onlyFree],
  );
  return { loaded: data !== undefined, members };
}

export type StaffMember = ReturnType<typeof useStaff>['members'][number];

/** Our problem with a field (already in the chosen language), else the API's (in English): the props for Field. */
export function fieldError(local: Partial<Record<string, string>>, api: Record<string, string>) {
  return (field: string): { error?: string; lang?: string } =>
    local[field] ? { error: local[field] } : api[field] ? { error: api[field], lang: 'en' } : {};
}

/** Focus the form's first control when it opens, so the keyboard continues where the button was. */
export function useFocusOnOpen() {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  return ref;
}

/** The planner's forms (joint missions) and the events' forms (regional events) look each their own way. */
export type FormLook = 'planner' | 'event';

/** Submit and cancel, and the error no field shows (a field's error of the API stands by the field). */
export function FormActions({
  submitLabel,
  danger = false,
  cancelLabel,
  onCancel,
  fetching,
  error,
}: {
  submitLabel: string;
  danger?: boolean;
  cancelLabel: string;
  onCancel: () => void;
  fetching: boolean;
  error?: CombinedError;
}) {
  const viewer = useViewer();
  return (
    <>
      <div className="form-actions">
        <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={fetching}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
      {error && (errorKind(error) !== 'badInput' || Object.keys(fieldErrors(error)).length === 0) && (
        <MutationError error={error} role={viewer.role} />
      )}
    </>
  );
}

/** A form titled `title` (its heading's id is `${id}-title`), with its fields and then FormActions. */
export function ActionForm({
  id,
  look,
  title,
  formRef,
  onSubmit,
  children,
  ...actions
}: {
  id: string;
  look: FormLook;
  title: string;
  formRef?: Ref<HTMLFormElement>;
  onSubmit: () => Promise<void>;
  children: ReactNode;
} & Parameters<typeof FormActions>[0]) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <form
      ref={formRef}
      className={look === 'planner' ? 'planner-form' : 'stack suggestion__form'}
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      {look === 'planner' ? (
        <h4 id={`${id}-title`}>{title}</h4>
      ) : (
        <h5 id={`${id}-title`} className="suggestion__label">
          {title}
        </h5>
      )}
      {children}
      <FormActions {...actions} />
    </form>
  );
}

/**
 * Who goes: a checkbox for each member with their free days, marked when they have fewer than `days`.
 * Its hint and error are `${id}-staff-hint` and `${id}-staff-error`.
 */
export function StaffField({
  id,
  look,
  label,
  hint,
  members,
  empty,
  chosen,
  onChange,
  option,
  tooFew,
  days,
  error,
  firstRef,
}: {
  id: string;
  look: FormLook;
  label: string;
  hint: string;
  members: readonly StaffMember[];
  /** Shown instead of the list when there is nobody to choose. */
  empty?: string;
  chosen: readonly string[];
  onChange: (change: (ids: string[]) => string[]) => void;
  option: (member: StaffMember) => string;
  tooFew: string;
  days: number;
  error: { error?: string; lang?: string };
  /** The first checkbox, to focus it. */
  firstRef?: Ref<HTMLInputElement>;
}) {
  const described = [`${id}-staff-hint`, error.error ? `${id}-staff-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      className="field"
      aria-labelledby={look === 'planner' ? `${id}-staff` : undefined}
      aria-describedby={described}
    >
      {look === 'planner' ? (
        <span id={`${id}-staff`} className="field__label">
          {label}
        </span>
      ) : (
        <legend>{label}</legend>
      )}
      <span className="field__hint" id={`${id}-staff-hint`}>
        {hint}
      </span>
      {empty !== undefined ? (
        <p className="small muted">{empty}</p>
      ) : (
        <div className="checks">
          {members.map((m, index) => (
            <label key={m.staffMemberId}>
              <input
                ref={index === 0 ? firstRef : undefined}
                type="checkbox"
                checked={chosen.includes(m.staffMemberId)}
                aria-invalid={look === 'planner' && error.error ? true : undefined}
                onChange={(e) =>
                  onChange((ids) =>
                    e.target.checked ? [...ids, m.staffMemberId] : ids.filter((x) => x !== m.staffMemberId),
                  )
                }
              />
              <span>
                {option(m)}
                {m.freeDays < days && <span className="muted"> ({tooFew})</span>}
              </span>
            </label>
          ))}
        </div>
      )}
      {error.error && (
        <span className="field__error" id={`${id}-staff-error`} lang={error.lang}>
          {error.error}
        </span>
      )}
    </fieldset>
  );
}

/** The budget to reserve, in whole euros. */
export function BudgetField({
  label,
  hint,
  min,
  step,
  value,
  onChange,
  error,
}: {
  label: string;
  hint: string;
  min: number;
  step: number;
  value: string;
  onChange: (value: string) => void;
  error: { error?: string; lang?: string };
}) {
  return (
    <Field label={label} hint={hint} {...error}>
      <input
        type="number"
        inputMode="decimal"
        min={min}
        step={step}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** Just the reason: management rejects, and the planner reads why. */
export function ReasonField({
  label,
  rows,
  value,
  onChange,
  error,
}: {
  label: string;
  rows?: number;
  value: string;
  onChange: (value: string) => void;
  error: { error?: string; lang?: string };
}) {
  return (
    <Field label={label} {...error}>
      <textarea value={value} onChange={(e) => onChange(e.target.value)} rows={rows} maxLength={2000} />
    </Field>
  );
}
