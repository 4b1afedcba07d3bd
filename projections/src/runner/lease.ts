import pg from 'pg';

/**
 * The right to be the one active projector. On PostgreSQL read models it is a session-level advisory
 * lock (`pg_try_advisory_lock`) held on a connection of its own: when the process dies or its network
 * goes, PostgreSQL ends the session and the lock is free for a standby. SQLite read models live beside
 * one process, which is always the active projector (`soleProjector`).
 */
export interface ProjectorLease {
  /** Tries once to become the active projector; true when this process now holds the lease. */
  tryAcquire(): Promise<boolean>;
  /**
   * Resolves with the reason when a held lease is lost (its connection ended or stopped answering);
   * never while it is held. A new promise after each acquire.
   */
  lost(): Promise<string>;
  /** Gives the lease up (on shutdown), so a standby takes over at once. */
  release(): Promise<void>;
}

/** The advisory lock's key: "WBZP" in ASCII, the same for every projector of the platform. */
export const PROJECTOR_LOCK_KEY = 0x57425a50;

export const soleProjector: ProjectorLease = {
  tryAcquire: async () => true,
  lost: () => new Promise<string>(() => {}),
  release: async () => {},
};

export interface PostgresLeaseOptions {
  readonly url: string;
  /** How often a held lease checks that its session still answers. */
  readonly heartbeatMs?: number;
  readonly key?: number;
}

export class PostgresProjectorLease implements ProjectorLease {
  private client: pg.Client | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private onLost: ((reason: string) => void) | undefined;

  constructor(private readonly options: PostgresLeaseOptions) {}

  async tryAcquire(): Promise<boolean> {
    if (this.client) return true;
    const client = new pg.Client({
      connectionString: this.options.url,
      keepAlive: true,
      // A partitioned session must not look alive for long: the heartbeat's query times out.
      query_timeout: Math.max(1000, 2 * (this.options.heartbeatMs ?? 2000)),
      application_name: 'werkbezoek-projector-lease',
    });
    client.on('error', (error) => this.lose(`its database session ended (${error.message})`));
    try {
      await client.connect();
      const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [
        this.options.key ?? PROJECTOR_LOCK_KEY,
      ]);
      if (!rows[0]?.locked) {
        await client.end();
        return false;
      }
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    this.client = client;
    client.on('end', () => this.lose('its database session ended'));
    this.heartbeat = setInterval(() => {
      client
        .query('select 1')
        .catch((error: Error) => this.lose(`its database session stopped answering (${error.message})`));
    }, this.options.heartbeatMs ?? 2000);
    this.heartbeat.unref();
    return true;
  }

  lost(): Promise<string> {
    return new Promise((resolve) => (this.onLost = resolve));
  }

  private lose(reason: string): void {
    if (!this.client) return;
    const client = this.client;
    this.client = undefined;
    clearInterval(this.heartbeat);
    client.end().catch(() => {});
    this.onLost?.(reason);
  }

  async release(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.client = undefined;
    clearInterval(this.heartbeat);
    // Ending the session releases a session-level advisory lock.
    await client.end().catch(() => {});
  }
}
