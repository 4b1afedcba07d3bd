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
  /** What holds the lease, as seen at the last try that did not get it (for the standby's log). */
  readonly heldBy?: string | undefined;
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
  heldBy: string | undefined;

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
        this.heldBy = await holderOf(client, this.options.key ?? PROJECTOR_LOCK_KEY).catch(
          (error: Error) => `another session (which this one may not see: ${error.message})`,
        );
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

/**
 * The session holding the advisory lock `key`, in words an operator can act on: its backend's pid (what
 * pg_terminate_backend takes), its application and client address, and since when it is connected. A
 * session whose client died without closing it (a machine gone, a network cut) holds the lock until
 * PostgreSQL notices: its TCP keepalive, or a pg_terminate_backend. Advisory locks are per database: the
 * platforms of other databases on the same server hold the same key and are left out.
 */
async function holderOf(client: pg.Client, key: number): Promise<string> {
  const { rows } = await client.query<{
    pid: number;
    application_name: string | null;
    client: string | null;
    backend_start: Date | null;
  }>(
    `select l.pid, a.application_name, host(a.client_addr) || ':' || a.client_port as client, a.backend_start
       from pg_locks l left join pg_stat_activity a on a.pid = l.pid
      where l.locktype = 'advisory' and l.granted and l.objsubid = 1
        and l.database = (select oid from pg_database where datname = current_database())
        and l.classid = ($1::bigint >> 32)::oid and l.objid = ($1::bigint & 4294967295)::oid`,
    [key],
  );
  const holder = rows[0];
  // Released between the try and this look.
  if (!holder) return 'no session any more (released a moment ago)';
  const what = [
    holder.application_name ? `"${holder.application_name}"` : undefined,
    holder.client ? `from ${holder.client}` : undefined,
    holder.backend_start ? `connected since ${holder.backend_start.toISOString()}` : undefined,
  ].filter(Boolean);
  return `PostgreSQL session ${holder.pid}${what.length ? ` (${what.join(', ')})` : ''}`;
}
