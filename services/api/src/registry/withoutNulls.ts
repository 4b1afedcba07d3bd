/**
 * The object without its null and undefined fields. GraphQL says "not given"
 * with null; the domain's commands say it by leaving the field out (and their
 * defaults apply only to absent fields).
 */
export function withoutNulls<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}
