/** The reader's choice to keep recognitions of them off the public wall: as read, and changed. */
import * as React from 'react';
import * as strings from 'RecognitionWallWebPartStrings';

import type { PreferenceStore } from '../../../core/recognition/ports';
import { format } from '../../../ui/format';
import { storeErrorText } from '../../../ui/recognition/storeErrorText';
import type { Notify } from './useNotices';

export type PrivacyState = boolean | 'loading' | 'failed';

export interface WallPrivacyChoice {
  readonly privacy: PrivacyState;
  readonly saving: boolean;
  /** The choice as the wall's load read it (or `failed`). Stable across renders. */
  readonly known: (hideMe: boolean | 'failed') => void;
  change(hidden: boolean): Promise<void>;
}

export function useWallPrivacy(preferences: Pick<PreferenceStore, 'setHideFromPublicWall'>, notify: Notify): WallPrivacyChoice {
  const [privacy, setPrivacy] = React.useState<PrivacyState>('loading');
  const [saving, setSaving] = React.useState(false);

  const change = async (hidden: boolean): Promise<void> => {
    const before = privacy;
    setPrivacy(hidden);
    setSaving(true);
    try {
      await preferences.setHideFromPublicWall(hidden);
      notify({ type: 'success', text: hidden ? strings.PrivacyOn : strings.PrivacyOff });
    } catch (error) {
      setPrivacy(before);
      notify({ type: 'error', text: format(strings.PrivacyFailed, storeErrorText(error)) });
    } finally {
      setSaving(false);
    }
  };

  return { privacy, saving, known: setPrivacy, change };
}
