import { useId } from 'react';

export interface Option {
  readonly value: string;
  readonly label: string;
}

/**
 * A labelled choice for a filter; `all` adds the empty choice ("Alle"),
 * which `onChange` reports as undefined.
 */
export function SelectField({
  label,
  value,
  options,
  onChange,
  all,
}: {
  label: string;
  value: string | undefined;
  options: readonly Option[];
  onChange: (value: string | undefined) => void;
  all?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
