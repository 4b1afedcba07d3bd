import { createRequire } from 'node:module';
import {
  FORWARDS,
  START,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type AppendResult,
  type Direction,
  type EventData,
  type EventStoreDBClient,
  type Filter,
  type Position,
  type ReadRevision,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type * as SharedPb from '@eventstore/db-client/generated/shared_pb.js';
import type * as StreamsGrpcPb from '@eventstore/db-client/generated/streams_grpc_pb.js';
import type * as StreamsPb from '@eventstore/db-client/generated/streams_pb.js';

/** A read in progress: iterate it; `cancel` ends the call on the server when the reader stops early. */
export type EsdbRead<T> = AsyncIterable<T> & { cancel(): Promise<void> };

/** A catch-up subscription in progress (the client's is a Readable that also emits `confirmation`). */
export interface EsdbSubscription extends AsyncIterable<AllStreamResolvedEvent> {
  on(event: 'confirmation', listener: () => void): unknown;
  unsubscribe(): Promise<void>;
}

/**
 * What the adapter asks of EventStoreDB: the few calls it makes, so a test can
 * count them (a wrapper around the real client) and the adapter's own logic
 * (retries, reconnects) can be exercised where no server runs.
 */
export interface EsdbConnection {
  appendToStream(
    streamId: string,
    events: EventData[],
    options: { expectedRevision: AppendExpectedRevision },
  ): Promise<AppendResult>;
  readStream(
    streamId: string,
    options: { direction: Direction; fromRevision: ReadRevision; maxCount: number },
  ): EsdbRead<ResolvedEvent>;
  /** `$all` forwards from a position; with `filter`, the server skips what does not match. */
  readAll(options: {
    fromPosition: Position | typeof START;
    maxCount?: number;
    filter?: Filter;
  }): EsdbRead<AllStreamResolvedEvent>;
  /** The last `maxCount` events of `$all`, newest first. */
  readAllBackwards(maxCount: number): EsdbRead<AllStreamResolvedEvent>;
  subscribeToAll(options: { fromPosition: Position | typeof START; filter: Filter }): EsdbSubscription;
  dispose(): Promise<void>;
}

const require = createRequire(import.meta.url);

/** The gRPC client's protected members the filtered read needs (it builds its reads the same way). */
interface ClientInternals {
  GRPCStreamCreator: (
    client: typeof StreamsGrpcPb.StreamsClient,
    debugName: string,
    creator: (client: StreamsGrpcPb.StreamsClient) => unknown,
  ) => () => Promise<unknown>;
  callArguments: (options: object, callOptions?: object) => unknown[];
}

/**
 * The read request for `$all` forwards with a server-side filter. Client 6.2.1
 * filters only subscriptions (its readAll always sends `no_filter`), while the
 * server has filtered reads of `$all` since 20.x and the successor client
 * (`@kurrent/kurrentdb-client` 1.x) exposes them as `readAll({ filter })`.
 * This builds the same request the client's readAll builds, with the filter
 * options its subscribeToAll sets.
 */
export function filteredReadAllRequest(options: {
  fromPosition: Position | typeof START;
  maxCount: number;
  filter: Filter;
}): StreamsPb.ReadReq {
  const { ReadReq } = require('@eventstore/db-client/generated/streams_pb.js') as typeof StreamsPb;
  const { Empty } = require('@eventstore/db-client/generated/shared_pb.js') as typeof SharedPb;
  const request = new ReadReq();
  const read = new ReadReq.Options();
  const uuid = new ReadReq.Options.UUIDOption();
  uuid.setString(new Empty());
  const all = new ReadReq.Options.AllOptions();
  if (options.fromPosition === START) all.setStart(new Empty());
  else {
    const position = new ReadReq.Options.Position();
    position.setCommitPosition(options.fromPosition.commit.toString(10));
    position.setPreparePosition(options.fromPosition.prepare.toString(10));
    all.setPosition(position);
  }
  read.setAll(all);
  read.setResolveLinks(false);
  read.setCount(options.maxCount.toString(10));
  read.setUuidOption(uuid);
  read.setReadDirection(ReadReq.Options.ReadDirection.FORWARDS);
  const expression = new ReadReq.Options.FilterOptions.Expression();
  if ('prefixes' in options.filter) expression.setPrefixList(options.filter.prefixes);
  if ('regex' in options.filter) expression.setRegex(options.filter.regex);
  const filter = new ReadReq.Options.FilterOptions();
  if (options.filter.filterOn === 'eventType') filter.setEventType(expression);
  else filter.setStreamIdentifier(expression);
  // The window is the read's own count: the server pages through non-matching events until it has enough.
  filter.setCount(new Empty());
  filter.setCheckpointintervalmultiplier(options.filter.checkpointInterval);
  read.setFilter(filter);
  request.setOptions(read);
  return request;
}

function filteredReadAll(
  client: EventStoreDBClient,
  options: { fromPosition: Position | typeof START; maxCount: number; filter: Filter },
): EsdbRead<AllStreamResolvedEvent> {
  const { StreamsClient } = require('@eventstore/db-client/generated/streams_grpc_pb.js') as typeof StreamsGrpcPb;
  const { ReadStream } = require('@eventstore/db-client/dist/streams/utils/ReadStream.js') as {
    ReadStream: new (
      create: () => Promise<unknown>,
      convert: unknown,
      options: object,
    ) => EsdbRead<AllStreamResolvedEvent>;
  };
  const { convertGrpcEvent } = require('@eventstore/db-client/dist/utils/convertGrpcEvent.js') as {
    convertGrpcEvent: unknown;
  };
  const request = filteredReadAllRequest(options);
  const internals = client as unknown as ClientInternals;
  const create = internals.GRPCStreamCreator(StreamsClient, 'readAll', (grpc) =>
    grpc.read(request, ...(internals.callArguments({}, { deadline: Infinity }) as [never, never])),
  );
  return new ReadStream(create, convertGrpcEvent, {});
}

/** The adapter's calls on the real gRPC client. */
export function grpcConnection(client: EventStoreDBClient): EsdbConnection {
  return {
    appendToStream: (streamId, events, options) => client.appendToStream(streamId, events, options),
    readStream: (streamId, options) => client.readStream(streamId, options),
    readAll: ({ fromPosition, maxCount = Number.MAX_SAFE_INTEGER, filter }) =>
      filter
        ? filteredReadAll(client, { fromPosition, maxCount, filter })
        : client.readAll({ direction: FORWARDS, fromPosition, maxCount }),
    readAllBackwards: (maxCount) => client.readAll({ direction: 'backwards', fromPosition: 'end', maxCount }),
    subscribeToAll: (options) => client.subscribeToAll(options),
    dispose: () => client.dispose(),
  };
}
