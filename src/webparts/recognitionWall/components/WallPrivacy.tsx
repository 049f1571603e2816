/** The reader's privacy choice (keep recognitions of me off the public wall), loaded on demand. */
import * as React from 'react';
import * as strings from 'RecognitionWallWebPartStrings';

import { Spinner } from '../../../ui/light/Spinner';
import { Switch } from '../../../ui/light/Switch';
import styles from './RecognitionWall.module.scss';

export interface IWallPrivacyProps {
  readonly id: string;
  /** The stored choice, or where reading it stands. */
  readonly privacy: boolean | 'loading' | 'failed';
  readonly saving: boolean;
  onChange(hidden: boolean): void;
}

export function WallPrivacy(props: IWallPrivacyProps): React.ReactElement {
  const { privacy } = props;
  return (
    <div id={props.id} className={styles.filters}>
      {privacy === 'loading' && <Spinner size="small" label={strings.LoadingPrivacy} />}
      {privacy === 'failed' && <p>{strings.PrivacyLoadFailed}</p>}
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
