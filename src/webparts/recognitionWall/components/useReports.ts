/**
 * Reporting a post to HR: the dialog's state, the post leaving the reporter's wall at once and
 * coming back (with the words kept for the next try) when the report could not be sent.
 */
import * as React from 'react';
import * as strings from 'RecognitionWallWebPartStrings';

import type { ItemId } from '../../../core/models/common';
import { REPORT_REASON_MAX_LENGTH, type ReportOutcome } from '../../../core/recognition/moderation';
import { type ModerationStore, storeErrorCode, type WallItem } from '../../../core/recognition/ports';
import { format } from '../../../ui/format';
import { storeErrorText } from '../../../ui/recognition/storeErrorText';
import type { Notify } from './useNotices';

export interface ReportsDeps {
  readonly moderation: Pick<ModerationStore, 'report'>;
  readonly notify: Notify;
  /**
   * Where focus waits when the reported post leaves the wall (without moving the page), until
   * the answer's notice takes it.
   */
  readonly focusAfterReport: React.RefObject<HTMLElement>;
}

export interface Reports {
  /** The post whose report dialog is open. */
  readonly reporting: WallItem | undefined;
  readonly reason: string;
  readonly reasonError: string | undefined;
  /** Posts the reader reported (off their wall). */
  readonly removed: ReadonlySet<ItemId>;
  /** The dialog closed by sending: focus does not go back to the post's Report button (the post is gone). */
  readonly sent: boolean;
  open(item: WallItem): void;
  changeReason(text: string): void;
  send(): Promise<void>;
  dismiss(): void;
}

export function useReports(deps: ReportsDeps): Reports {
  const { moderation, notify, focusAfterReport } = deps;
  const [reporting, setReporting] = React.useState<WallItem | undefined>(undefined);
  const [reason, setReason] = React.useState('');
  const [reasonError, setReasonError] = React.useState<string | undefined>(undefined);
  const [removed, setRemoved] = React.useState<ReadonlySet<ItemId>>(new Set());
  const [sent, setSent] = React.useState(false);
  const unsent = React.useRef<{ id: ItemId; text: string } | undefined>(undefined);

  const open = (item: WallItem): void => {
    // A report that failed to send keeps its words for the next try.
    const kept = unsent.current;
    setReason(kept && kept.id === item.id ? kept.text : '');
    setReasonError(undefined);
    setSent(false);
    setReporting(item);
  };

  const send = async (): Promise<void> => {
    const item = reporting;
    if (!item) {
      return;
    }
    const text = reason.trim();
    if (text.length === 0) {
      setReasonError(strings.ReportReasonRequired);
      return;
    }
    // The post leaves the wall for the reporter at once; it comes back only if the report fails.
    setSent(true);
    setReporting(undefined);
    setRemoved((set) => new Set(Array.from(set).concat([item.id])));
    focusAfterReport.current?.focus({ preventScroll: true });
    try {
      const outcome = await moderation.report(item.id, text.slice(0, REPORT_REASON_MAX_LENGTH));
      unsent.current = undefined;
      const words: Record<ReportOutcome, string> = {
        hiddenForEveryone: strings.ReportedForEveryone,
        hiddenForReporter: strings.Reported,
        sentToHr: strings.ReportedAgainToHr
      };
      notify({ type: 'success', text: words[outcome], focus: true });
    } catch (error) {
      if (storeErrorCode(error) === 'conflict') {
        notify({ type: 'success', text: strings.Reported, focus: true }); // already reported by this person
        return;
      }
      unsent.current = { id: item.id, text };
      setRemoved((set) => new Set(Array.from(set).filter((id) => id !== item.id)));
      notify({ type: 'error', text: format(strings.ReportFailed, storeErrorText(error)), focus: true });
    }
  };

  return {
    reporting,
    reason,
    reasonError,
    removed,
    sent,
    open,
    changeReason: (text) => {
      setReasonError(undefined);
      setReason(text);
    },
    send,
    dismiss: () => setReporting(undefined)
  };
}
