/**
 * A progress bar on stderr (stdout keeps the summary): on a terminal it
 * redraws in place, in a log file it writes a line every tenth of the way.
 * The fraction comes from the caller (the demo generator reports how far its
 * simulated time has advanced), so the ETA holds even though the total number
 * of events is not known in advance.
 */
export interface ProgressBar {
  update(fraction: number, count: number, detail?: string): void;
  finish(count: number, detail?: string): void;
}

export interface ProgressBarOptions {
  /** What `count` counts, for the rate: "events". */
  readonly unit?: string;
  readonly width?: number;
  /** Least time between two redraws on a terminal. */
  readonly intervalMs?: number;
  readonly stream?: NodeJS.WriteStream;
  /** A clock in milliseconds, for tests. */
  readonly now?: () => number;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '--:--';
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** The line the bar shows: `label [####....]  42.0% 123,456 events 2,345 events/s elapsed 0:52 ETA 1:12 detail`. */
export function progressLine(
  label: string,
  fraction: number,
  count: number,
  elapsedMs: number,
  options: { unit?: string; width?: number; detail?: string } = {},
): string {
  const unit = options.unit ?? 'events';
  const width = options.width ?? 28;
  const f = Math.max(0, Math.min(1, fraction));
  const rate = elapsedMs > 0 ? (count * 1000) / elapsedMs : 0;
  const eta = f > 0 ? (elapsedMs * (1 - f)) / f : Number.NaN;
  const filled = Math.round(f * width);
  return (
    `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(f * 100).toFixed(1).padStart(5)}% ` +
    `${formatCount(count)} ${unit} ${formatCount(rate)} ${unit}/s elapsed ${formatDuration(elapsedMs)} ` +
    `ETA ${formatDuration(eta)}${options.detail ? ` ${options.detail}` : ''}`
  );
}

export function progressBar(label: string, options: ProgressBarOptions = {}): ProgressBar {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const intervalMs = options.intervalMs ?? 250;
  const tty = stream.isTTY === true;
  const started = now();
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastTenth = -1;
  let finished = false;
  const line = (fraction: number, count: number, detail?: string) =>
    progressLine(label, fraction, count, now() - started, {
      ...(options.unit ? { unit: options.unit } : {}),
      ...(options.width ? { width: options.width } : {}),
      ...(detail ? { detail } : {}),
    });

  return {
    update(fraction, count, detail) {
      if (finished) return;
      if (tty) {
        const t = now();
        if (t - lastDraw < intervalMs) return;
        lastDraw = t;
        stream.write(`\r${line(fraction, count, detail)}\x1b[K`);
      } else {
        const tenth = Math.floor(Math.max(0, Math.min(1, fraction)) * 10);
        if (tenth <= lastTenth || tenth >= 10) return;
        lastTenth = tenth;
        stream.write(`${line(fraction, count, detail)}\n`);
      }
    },
    finish(count, detail) {
      if (finished) return;
      finished = true;
      stream.write(`${tty ? '\r' : ''}${line(1, count, detail)}${tty ? '\x1b[K' : ''}\n`);
    },
  };
}
