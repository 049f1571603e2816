/** The reader's choice to keep recognitions of them off the public wall: as read, and changed. */
import * as React from 'react';
import * as strings from 'RecognitionWallWebPartStrings';

import type { PreferenceStore } from '../../../core/recognition/ports';
import { LOAD_DEADLINE_MS, withDeadline } from '../../../core/recovery';
import { format } from '../../../ui/format';
import { storeErrorText } from '../../../ui/recognition/storeErrorText';
import type { Notify } from './useNotices';

export type PrivacyState = boolean | 'loading' | 'failed';

export interface WallPrivacyChoice {
  readonly privacy: PrivacyState;
  readonly saving: boolean;
  /**
   * The choice as the wall's load read it (or `failed`): each load of the wall, including the
   * ones it makes by itself after a failure, reads it again. A failed load does not take away
   * a choice already read. Stable across renders.
   */
  readonly known: (hideMe: boolean | 'failed') => void;
  /** Reads the choice again ("Try again" after it could not be read). */
  retry(): Promise<void>;
  change(hidden: boolean): Promise<void>;
}

export function useWallPrivacy(preferences: Pick<PreferenceStore, 'hideFromPublicWall' | 'setHideFromPublicWall'>, notify: Notify): WallPrivacyChoice {
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

  const known = React.useCallback(
    (hideMe: boolean | 'failed') => setPrivacy((current) => (hideMe === 'failed' && typeof current === 'boolean' ? current : hideMe)),
    []
  );

  const retry = async (): Promise<void> => {
    setPrivacy('loading');
    try {
      const hidden = await withDeadline(preferences.hideFromPublicWall(), LOAD_DEADLINE_MS, 'Reading the privacy choice');
      setPrivacy(hidden);
    } catch {
      setPrivacy((current) => (typeof current === 'boolean' ? current : 'failed'));
    }
  };

  return { privacy, saving, known, retry, change };
}
