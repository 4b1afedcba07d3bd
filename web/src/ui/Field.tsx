import { cloneElement, useId, type ReactElement } from 'react';

/**
 * A labelled form control with its hint and error: the error is tied to the
 * control (aria-describedby, aria-invalid), so it is read with it.
 */
export function Field({
  label,
  hint,
  error,
  children,
  lang,
}: {
  label: string;
  hint?: string;
  error?: string;
  /** The error's language when it is the API's English sentence. */
  lang?: string;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described || undefined,
      })}
      {hint && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field__error" id={`${id}-error`} lang={lang}>
          {error}
        </span>
      )}
    </div>
  );
}
