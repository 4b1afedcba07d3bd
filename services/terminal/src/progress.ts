export interface ProgressOptions {
  /** What is being done, e.g. "Rebuilding projections". */
  readonly label: string;
  /** The total, when known; without it the bar shows count and rate only. */
  readonly total?: number;
  /** What is counted, e.g. "events". */
  readonly unit?: string;
  readonly stream?: NodeJS.WriteStream;
  /** Minimum milliseconds between redraws. */
  readonly intervalMs?: number;
  readonly now?: () => number;
  /** Units already done when the bar starts (resuming work): left out of the rate. */
  readonly initial?: number;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

const count = (n: number) => Math.round(n).toLocaleString('en-GB');

/**
 * A progress bar for long work: done/total, percentage, rate and ETA. On a
 * terminal it redraws one line; elsewhere (CI logs) it prints a line every
 * few seconds so logs stay short.
 */
export class ProgressBar {
  private readonly started: number;
  private lastDraw = 0;
  private done: number;
  private total: number | undefined;
  private readonly stream: NodeJS.WriteStream;
  private readonly interactive: boolean;
  private readonly now: () => number;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? Date.now;
    this.started = this.now();
    this.total = options.total;
    this.done = options.initial ?? 0;
    this.stream = options.stream ?? process.stderr;
    this.interactive = Boolean(this.stream.isTTY);
  }

  /** The line as it would be drawn now. */
  render(): string {
    const elapsed = (this.now() - this.started) / 1000;
    const rate = elapsed > 0 ? (this.done - (this.options.initial ?? 0)) / elapsed : 0;
    const unit = this.options.unit ?? 'items';
    const rateText = `${count(rate)} ${unit}/s`;
    if (!this.total)
      return `${this.options.label}: ${count(this.done)} ${unit} · ${rateText} · ${duration(elapsed)} elapsed`;
    const fraction = Math.min(1, this.done / this.total);
    const width = 24;
    const filled = Math.round(fraction * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const eta = rate > 0 ? (this.total - this.done) / rate : Infinity;
    return `${this.options.label} ${bar} ${(fraction * 100).toFixed(1).padStart(5)}% ${count(this.done)}/${count(this.total)} ${unit} · ${rateText} · ETA ${duration(eta)}`;
  }

  update(done: number, total?: number): void {
    this.done = done;
    if (total !== undefined) this.total = total;
    const t = this.now();
    if (t - this.lastDraw < (this.options.intervalMs ?? (this.interactive ? 100 : 5000))) return;
    this.lastDraw = t;
    this.draw();
  }

  private draw(): void {
    if (this.interactive) this.stream.write(`\r\x1b[2K${this.render()}`);
    else this.stream.write(`${this.render()}\n`);
  }

  /** Draws the final state (at `done`, when given) and ends the line. */
  finish(done?: number): void {
    if (done !== undefined) this.done = done;
    if (this.interactive) this.stream.write(`\r\x1b[2K${this.render()}\n`);
    else this.stream.write(`${this.render()}\n`);
  }
}
