/** Quarters as the API writes them: "2026-Q1". */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

const pattern = /^(\d{4})-Q([1-4])$/;

export function isQuarter(value: string | null | undefined): value is Quarter {
  return !!value && pattern.test(value);
}

export function quarterOf(date: Date): Quarter {
  return `${date.getUTCFullYear()}-Q${(Math.floor(date.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4}`;
}

function parts(quarter: Quarter): [number, number] {
  const match = pattern.exec(quarter);
  if (!match) throw new Error(`Not a quarter: ${quarter}`);
  return [Number(match[1]), Number(match[2])];
}

export function addQuarters(quarter: Quarter, count: number): Quarter {
  const [year, q] = parts(quarter);
  const index = year * 4 + (q - 1) + count;
  return `${Math.floor(index / 4)}-Q${((index % 4) + 1) as 1 | 2 | 3 | 4}`;
}

/** Every quarter from `from` to `to`, both included. */
export function quartersBetween(from: Quarter, to: Quarter): Quarter[] {
  const out: Quarter[] = [];
  for (let q = from; q <= to && out.length < 400; q = addQuarters(q, 1)) out.push(q);
  return out;
}

/** The quarter's first and last day (YYYY-MM-DD). */
export function quarterDates(quarter: Quarter): { from: string; to: string } {
  const [year, q] = parts(quarter);
  const firstMonth = (q - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, firstMonth + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(firstMonth + 2)}-${pad(lastDay)}` };
}

export function yearOf(quarter: Quarter): number {
  return parts(quarter)[0];
}
