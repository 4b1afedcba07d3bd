import { useEffect } from 'react';
import { useClient } from 'urql';
import { graphql } from '../gql';

const PositionDocument = graphql(`
  query ReadModelPosition {
    readModelPosition
  }
`);

/** Every few seconds is fresh enough for dashboards and cheap: one indexed read per poll. */
export const pollMilliseconds = 4000;

/**
 * Polls the position up to which the read models have applied the log; when
 * it moves (anyone's event), the cache's updater invalidates the read models
 * and the open page fetches its figures again. Polling instead of a
 * subscription: the read models, not the log, decide when figures change,
 * it needs no socket through proxies, and a hidden tab does not poll.
 */
export function usePositionWatch(): void {
  const client = useClient();
  useEffect(() => {
    const poll = () => {
      if (document.visibilityState === 'visible')
        void client.query(PositionDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    };
    poll();
    const timer = setInterval(poll, pollMilliseconds);
    document.addEventListener('visibilitychange', poll);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', poll);
    };
  }, [client]);
}
