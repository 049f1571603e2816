/**
 * The reader's privacy choice (keep recognitions of me off the public wall), loaded on demand.
 * When the choice could not be read it says so, reads it again by itself with the wall, and
 * offers "Try again".
 */
import * as React from 'react';
import * as strings from 'RecognitionWallWebPartStrings';
import * as shared from 'RecognitionSharedStrings';

import { Button } from '../../../ui/light/Button';
import { Notice } from '../../../ui/light/Notice';
import { Spinner } from '../../../ui/light/Spinner';
import { Switch } from '../../../ui/light/Switch';
import styles from './RecognitionWall.module.scss';

export interface IWallPrivacyProps {
  readonly id: string;
  /** The stored choice, or where reading it stands. */
  readonly privacy: boolean | 'loading' | 'failed';
  readonly saving: boolean;
  onChange(hidden: boolean): void;
  /** Reads the choice again. */
  onRetry(): void;
}

export function WallPrivacy(props: IWallPrivacyProps): React.ReactElement {
  const { privacy } = props;
  return (
    <div id={props.id} className={styles.filters}>
      {privacy === 'loading' && <Spinner size="small" label={strings.LoadingPrivacy} />}
      {privacy === 'failed' && (
        <div className={styles.panelError}>
          <Notice type="error">{strings.PrivacyLoadFailed}</Notice>
          <Button className={styles.touch} text={shared.Retry} onClick={props.onRetry} />
        </div>
      )}
      {typeof privacy === 'boolean' && (
        <Switch
          label={strings.PrivacyToggle}
          checked={privacy}
          disabled={props.saving}
          onText={strings.On}
          offText={strings.Off}
          onChange={props.onChange}
        />
      )}
      <p className={styles.hint}>{strings.PrivacyHelp}</p>
    </div>
  );
}
