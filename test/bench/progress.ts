/** Output helpers for benchmark phases, on stderr so that stdout keeps only the results. */
import { ProgressBar } from '@werkbezoek/terminal';

/** Writes a line to stderr: a phase of the benchmark begins or ends. */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '--:--';
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A progress bar on stderr (the platform's own), counting from `initial` when a fill resumes. */
export function progressBar(
  label: string,
  total: number,
  options: { unit?: string; initial?: number } = {},
): ProgressBar {
  return new ProgressBar({
    label,
    total,
    unit: options.unit ?? 'events',
    ...(options.initial ? { initial: options.initial } : {}),
  });
}
