/** The access report's page, for one subject or to look one up. */
export const accessHref = (subjectId?: string) =>
  subjectId ? `/privacy/inzage/${encodeURIComponent(subjectId)}` : '/privacy/inzage';

/** What the API writes in an access report in place of other people's data (subjectReport.ts). */
export const OTHER_PERSON = '[andere persoon]';
export const OTHER_DOCUMENT = '[ander document]';

/** One field of an event's data, flattened: `person.name`, `explanation.nl.0`. */
export interface DataField {
  readonly path: string;
  /** The last named step of the path, to label it: `name` for `person.name`, `nl` for `explanation.nl.0`. */
  readonly key: string;
  readonly value: string | number | boolean | null;
  /** One of the subject's own personal fields (or within one). */
  readonly own: boolean;
}

/** Flattens an event's data into fields in their order, marking those under one of `own` paths. */
export function dataFields(data: unknown, own: readonly string[]): DataField[] {
  const out: DataField[] = [];
  const isOwn = (path: string) => own.some((o) => path === o || path.startsWith(`${o}.`));
  const walk = (value: unknown, path: string, key: string) => {
    if (Array.isArray(value)) {
      if (value.every((v) => v === null || typeof v !== 'object')) {
        out.push({ path, key, value: value.join(', '), own: isOwn(path) });
        return;
      }
      value.forEach((v, i) => walk(v, `${path}.${i}`, key));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`, k);
    } else out.push({ path, key, value: value as DataField['value'], own: isOwn(path) });
  };
  walk(data, '', '');
  return out;
}

/** The kind of record an event belongs to, from its stream: `request`, `twinning`, `mission`, … */
export function recordKind(streamId: string): string {
  return /^([A-Za-z]+)-/.exec(streamId)?.[1] ?? streamId;
}

/** Items grouped by a key, groups in the order their first item came. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k) ?? [];
    list.push(item);
    groups.set(k, list);
  }
  return [...groups];
}
