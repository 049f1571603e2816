/** `giveRecognition` for a React form: whether it is sending, and the outcome to render. */
import * as React from 'react';

import { type GiveOutcome, giveRecognition, type GiveRecognitionDeps, type RecognitionPick } from './giveRecognition';

export interface GiveRecognitionState {
  readonly sending: boolean;
  give(pick: RecognitionPick, deps: GiveRecognitionDeps): Promise<GiveOutcome>;
}

export function useGiveRecognition(): GiveRecognitionState {
  const [sending, setSending] = React.useState(false);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const give = React.useCallback(async (pick: RecognitionPick, deps: GiveRecognitionDeps): Promise<GiveOutcome> => {
    setSending(true);
    try {
      return await giveRecognition(pick, deps);
    } finally {
      // A sent recognition may close the form that asked.
      if (mounted.current) {
        setSending(false);
      }
    }
  }, []);
  return { sending, give };
}
