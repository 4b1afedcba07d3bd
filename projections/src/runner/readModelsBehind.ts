/**
 * A writer waited for the read models to show its write (read your writes)
 * and they did not within the time allowed: the write is stored, but the
 * projector is behind, stopped, or cannot write (see /readyz).
 */
export class ReadModelsBehindError extends Error {
  constructor(
    /** The position of the write that was waited for. */
    readonly position: bigint,
    /** Where the read models stood when the wait ended. */
    readonly reached: bigint,
    readonly timeoutMs: number,
  ) {
    super(`The read models did not reach position ${position} within ${timeoutMs} ms (at ${reached})`);
    this.name = 'ReadModelsBehindError';
  }
}
