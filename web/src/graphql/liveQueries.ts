import { makeOperation, mapExchange, type Client, type Exchange, type Operation } from 'urql';

/**
 * The queries on screen, so they can be fetched again when the read models
 * move (someone else's event). An operation asked with `{ live: false }` in
 * its context (the position poll itself, the draft assessment) is left out.
 */
export class LiveQueries {
  private readonly active = new Map<number, Operation>();
  private client: Client | undefined;

  readonly exchange: Exchange = (input) => {
    this.client = input.client;
    return mapExchange({
      onOperation: (operation) => {
        if (operation.kind === 'teardown') this.active.delete(operation.key);
        else if (operation.kind === 'query' && operation.context.live !== false)
          this.active.set(operation.key, operation);
      },
    })(input);
  };

  /** Fetches every query on screen again; the cache then updates what shows it. */
  refresh(): void {
    for (const operation of this.active.values()) {
      this.client?.reexecuteOperation(
        makeOperation('query', operation, { ...operation.context, requestPolicy: 'network-only' }),
      );
    }
  }
}
