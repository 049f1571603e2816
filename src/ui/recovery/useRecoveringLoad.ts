/**
 * A part's first load as state: Loading, then what `read` answered or why it failed, within
 * `LOAD_DEADLINE_MS` whatever happens below (no silent hang). While it is failed the part loads
 * again by itself (`useAutoRetry`: backoff, back online, page shown again) without going back to
 * Loading, so the error and its "Try again" stay up until the data is in.
 */
import * as React from 'react';

import { LOAD_DEADLINE_MS, withDeadline } from '../../core/recovery';
import { useAutoRetry } from './useAutoRetry';

export type LoadState<T> = { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly error: unknown } | { readonly kind: 'loaded'; readonly data: T };

export interface RecoveringLoad<T> {
  readonly state: LoadState<T>;
  /** Loads again: with Loading shown ("Try again"), or `quiet`ly, keeping what is shown until the answer. */
  reload(quiet?: boolean): void;
  /** Changes the loaded data in place (after a change the part made itself). */
  update(change: (data: T) => T): void;
}

/** `read` should be stable (a new one loads again); `what` names the load in a timeout's message. */
export function useRecoveringLoad<T>(read: () => Promise<T>, what: string = 'Loading'): RecoveringLoad<T> {
  const [state, setState] = React.useState<LoadState<T>>({ kind: 'loading' });
  /** Counts loads: only the latest one's answer shows (none after unmounting). */
  const runs = React.useRef(0);

  const load = React.useCallback(
    (quiet: boolean): void => {
      const run = ++runs.current;
      if (!quiet) {
        setState({ kind: 'loading' });
      }
      withDeadline(Promise.resolve().then(read), LOAD_DEADLINE_MS, what).then(
        (data) => {
          if (run === runs.current) {
            setState({ kind: 'loaded', data });
          }
        },
        (error: unknown) => {
          if (run === runs.current) {
            setState({ kind: 'failed', error });
          }
        }
      );
    },
    [read, what]
  );

  React.useEffect(() => {
    load(false);
    return () => {
      runs.current += 1;
    };
  }, [load]);

  useAutoRetry(state.kind === 'failed' ? state : undefined, () => load(true));

  const reload = React.useCallback((quiet: boolean = false) => load(quiet), [load]);
  const update = React.useCallback(
    (change: (data: T) => T) => setState((current) => (current.kind === 'loaded' ? { kind: 'loaded', data: change(current.data) } : current)),
    []
  );
  return { state, reload, update };
}
