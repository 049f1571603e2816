/** Reporting a post to HR: why, in a dialog; loaded on demand when someone first reports. */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { TextField } from '@fluentui/react/lib/TextField';
import * as strings from 'RecognitionWallWebPartStrings';

import type { WallItem } from '../../../core/recognition/ports';
import { format } from '../../../ui/format';
import { FluentTheme } from '../../../ui/host/FluentTheme';
import styles from './RecognitionWall.module.scss';

export interface IReportDialogProps {
  /** The post being reported; undefined: the dialog is closed. */
  readonly item: WallItem | undefined;
  readonly reason: string;
  readonly error: string | undefined;
  onReasonChange(text: string): void;
  onSend(): void;
  onDismiss(): void;
  /** The dialog is gone from the screen (after closing). */
  onDismissed?(): void;
  /** Closed by sending: focus stays where the wall puts it (the post and its Report button are gone). */
  readonly sent: boolean;
}

export function ReportDialog(props: IReportDialogProps): React.ReactElement {
  const { item } = props;
  return (
    <FluentTheme>
      <Dialog
        hidden={!item}
        onDismiss={props.onDismiss}
        dialogContentProps={{
          type: DialogType.normal,
          title: strings.ReportTitle,
          subText: item ? format(strings.ReportIntro, item.recipient.displayName) : undefined
        }}
        modalProps={{ isBlocking: false, disableRestoreFocus: props.sent, focusTrapZoneProps: { disableRestoreFocus: props.sent }, onDismissed: props.onDismissed }}
      >
        <TextField
          label={strings.ReportReason}
          multiline={true}
          rows={3}
          required={true}
          dir="auto"
          value={props.reason}
          errorMessage={props.error}
          onChange={(_e, text) => props.onReasonChange(text ?? '')}
        />
        <DialogFooter>
          <PrimaryButton className={styles.touch} text={strings.ReportSend} onClick={props.onSend} />
          <DefaultButton className={styles.touch} text={strings.Cancel} onClick={props.onDismiss} />
        </DialogFooter>
      </Dialog>
    </FluentTheme>
  );
}
