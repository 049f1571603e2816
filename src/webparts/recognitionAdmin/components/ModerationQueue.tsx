import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { TextField } from '@fluentui/react/lib/TextField';
import * as strings from 'RecognitionAdminWebPartStrings';
import * as shared from 'RecognitionSharedStrings';

import type { ModerationItem } from '../../../core/recognition/ports';
import { format } from '../../../ui/format';
import { FluentTheme } from '../../../ui/host/FluentTheme';
import { useRecoveringLoad } from '../../../ui/recovery/useRecoveringLoad';
import type { AdminStore } from '../../../core/recognition/ports';
import { failureText } from './adminText';
import { touchFieldStyles, usePrimaryButtonStyles } from './fieldStyles';
import styles from './RecognitionAdmin.module.scss';


function ReportCard(props: { item: ModerationItem; locale: string; decide(decision: 'upheld' | 'dismissed', note: string): Promise<void> }): React.ReactElement {
  const { item } = props;
  const [note, setNote] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const primaryStyles = usePrimaryButtonStyles();
  const date = new Date(item.created).toLocaleDateString(props.locale, { day: 'numeric', month: 'short', year: 'numeric' });
  const act = (decision: 'upheld' | 'dismissed'): void => {
    setBusy(true);
    props.decide(decision, note).catch(() => setBusy(false));
  };
  return (
    <li className={styles.report} data-testid="report" aria-labelledby={`se-report-${item.reportId}`}>
      <p id={`se-report-${item.reportId}`} className={styles.name}>
        {format(strings.ReportFromTo, item.recognition.giver.displayName, item.recognition.recipient.displayName)}
      </p>
      {/* The post as plain text: HTML in it is shown, never run. */}
      <blockquote className={styles.post}>{item.recognition.message}</blockquote>
      <p>{format(strings.ReportReason, item.reason)}</p>
      <p className={styles.subtle}>{format(strings.ReportedBy, item.reporter.displayName, date)}</p>
      <TextField styles={touchFieldStyles} label={strings.DecisionNote} value={note} onChange={(_e, text) => setNote(text ?? '')} disabled={busy} />
      <div className={styles.actions}>
        {busy ? (
          <Spinner label={strings.Deciding} />
        ) : (
          <>
            <PrimaryButton styles={primaryStyles} className={styles.action} text={strings.Uphold} onClick={() => act('upheld')} />
            <DefaultButton className={styles.action} text={strings.Dismiss} onClick={() => act('dismissed')} />
          </>
        )}
      </div>
    </li>
  );
}

export interface IModerationQueueProps {
  readonly store: AdminStore;
  readonly locale: string;
}

/** HR's moderation queue: reported posts (hidden from the wall) and a decision on each. */
export function ModerationQueue(props: IModerationQueueProps): React.ReactElement {
  return (
    <FluentTheme>
      <Queue {...props} />
    </FluentTheme>
  );
}

function Queue(props: IModerationQueueProps): React.ReactElement {
  const { store } = props;
  const [notice, setNotice] = React.useState<{ type: MessageBarType; text: string } | undefined>(undefined);
  const read = React.useCallback(() => store.openReports(), [store]);
  // Loads again by itself while it failed (SharePoint back); "Try again" loads at once.
  const { state: phase, reload, update } = useRecoveringLoad(read, 'Loading the reported posts');

  const decide = async (item: ModerationItem, decision: 'upheld' | 'dismissed', note: string): Promise<void> => {
    try {
      await store.decide(item.reportId, decision, note.trim());
      setNotice({ type: MessageBarType.success, text: decision === 'upheld' ? strings.Upheld : strings.Dismissed });
      // The decision is on the post: every open report of it is decided with it.
      const post = item.recognition.id;
      update((items) => items.filter((i) => i.recognition.id !== post));
    } catch (error) {
      setNotice({ type: MessageBarType.error, text: failureText(error) });
      throw error;
    }
  };

  if (phase.kind === 'loading') {
    return <Spinner label={strings.Loading} />;
  }
  if (phase.kind === 'failed') {
    return (
      <>
        <MessageBar messageBarType={MessageBarType.error}>{failureText(phase.error)}</MessageBar>
        <DefaultButton className={styles.action} text={shared.Retry} onClick={() => reload()} />
      </>
    );
  }
  return (
    <>
      <div aria-live="polite">{notice && <MessageBar messageBarType={notice.type}>{notice.text}</MessageBar>}</div>
      {phase.data.length === 0 ? (
        <p>{strings.NoReports}</p>
      ) : (
        <ul className={styles.list} aria-label={strings.ModerationListLabel}>
          {phase.data.map((item) => (
            <ReportCard key={item.reportId} item={item} locale={props.locale} decide={(decision, note) => decide(item, decision, note)} />
          ))}
        </ul>
      )}
    </>
  );
}
