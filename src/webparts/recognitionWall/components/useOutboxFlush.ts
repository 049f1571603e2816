/**
 * Recognitions kept on this device go out when the wall mounts and whenever the connection is
 * back; the reader is told what went out and what was refused (with the words they wrote).
 */
import * as React from 'react';
import * as strings from 'RecognitionWallWebPartStrings';

import { format, formatCount } from '../../../ui/format';
import type { IGiving } from './IRecognitionWallProps';
import { storeErrorText } from '../../../ui/recognition/storeErrorText';
import type { Notify } from './useNotices';

/**
 * `onSent`: some went out (the wall loads again to show them). Both callbacks stable. `locale`:
 * the page's, for the plural rules.
 */
export function useOutboxFlush(giving: Pick<IGiving, 'flush' | 'forgetRejected'>, notify: Notify, onSent: () => void, locale: string): void {
  React.useEffect(() => {
    let disposed = false;
    const flush = async (): Promise<void> => {
      try {
        const report = await giving.flush();
        if (disposed) {
          return;
        }
        if (report.sent.length > 0) {
          notify({ type: 'success', text: formatCount(locale, report.sent.length, { one: strings.QueuedSentOne, other: strings.QueuedSent }) });
          onSent();
        }
        for (const entry of report.rejected) {
          giving.forgetRejected(entry.id);
          notify({
            type: 'error',
            text: format(strings.QueuedRejected, entry.payload.recipientNames.join(', '), storeErrorText(entry.lastError ?? 'unexpected'), entry.payload.items[0]?.Message ?? '')
          });
        }
      } catch {
        // Still offline: the next `online` event tries again.
      }
    };
    flush().catch(() => undefined);
    const onOnline = (): void => {
      flush().catch(() => undefined);
    };
    window.addEventListener('online', onOnline);
    return () => {
      disposed = true;
      window.removeEventListener('online', onOnline);
    };
  }, [giving, notify, onSent, locale]);
}
