import { useEffect } from 'react';
import { useClient } from 'urql';
import { graphql } from '../gql';
import { refreshLiveQueries } from '../graphql/client';

const PositionDocument = graphql(`
  query ReadModelPosition {
    readModelPosition
  }
`);

/** Every few seconds is fresh enough for dashboards and cheap: one indexed read per poll. */
export const pollMilliseconds = 4000;

/**
 * Polls the position up to which the read models have applied the log; when
 * it moves (anyone's event), the queries on screen are fetched again. Polling
 * instead of a subscription: the read models, not the log, decide when
 * figures change, it needs no socket through proxies, and a hidden tab does
 * not poll.
 */
export function usePositionWatch(): void {
  const client = useClient();
  useEffect(() => {
    let last: string | undefined;
    const poll = async () => {
      if (document.visibilityState !== 'visible') return;
      const { data } = await client
        .query(PositionDocument, {}, { requestPolicy: 'network-only', live: false })
        .toPromise();
      const position = data?.readModelPosition;
      if (position === undefined) return;
      if (last !== undefined && position !== last) refreshLiveQueries(client);
      last = position;
    };
    void poll();
    const timer = setInterval(() => void poll(), pollMilliseconds);
    const onVisible = () => void poll();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [client]);
}
