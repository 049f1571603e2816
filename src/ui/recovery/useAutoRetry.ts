/**
 * A part in its error state tries again by itself (`AutoRetry`): pass the failure while there is
 * one (a new value for each failed try: the next waits longer) and undefined otherwise (loaded,
 * or loading after "Try again", which starts the schedule afresh). `retry` should load again
 * without going back to the loading state, so the error stays up until something better comes.
 */
import * as React from 'react';

import { AutoRetry } from './autoRetry';

export function useAutoRetry(failure: unknown, retry: () => void): void {
  const latest = React.useRef(retry);
  latest.current = retry;
  const [auto] = React.useState(() => new AutoRetry(() => latest.current()));
  React.useEffect(() => () => auto.dispose(), [auto]);
  React.useEffect(() => {
    if (failure !== undefined) {
      auto.failed();
    } else {
      auto.succeeded();
    }
  }, [failure, auto]);
}
