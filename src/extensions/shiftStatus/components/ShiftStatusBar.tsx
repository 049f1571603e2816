/**
 * One line: on shift now until when, the next shift, no shift soon, or a failed read with
 * "Try again". Announced politely (a status region) so a screen reader hears it once.
 */
import * as React from 'react';
import * as strings from 'ShiftStatusApplicationCustomizerStrings';

import type { NextShiftView, RosterService } from '../../../core/roster/rosterService';
import { format } from '../../../ui/format';
import { Button } from '../../../ui/light/Button';
import { useRecoveringLoad } from '../../../ui/recovery/useRecoveringLoad';
import { clock, shiftWhen } from '../../../ui/roster/shiftTime';
import styles from './ShiftStatusBar.module.scss';

export interface IShiftStatusBarProps {
  /** The person's roster (the page's shared roster service): read again only when it or `daysAhead` changes. */
  readonly roster: Pick<RosterService, 'nextShiftView'>;
  readonly daysAhead: number;
  readonly locale: string;
  /** IANA time zone of the device, e.g. `Europe/Stockholm`. */
  readonly timeZone: string;
  readonly now: () => Date;
}

/** The line for a roster, in the reader's language and time zone. */
export function shiftStatusText(view: NextShiftView, locale: string, timeZone: string, now: Date): string {
  if (view.current) {
    return format(strings.OnShiftUntil, clock(new Date(view.current.end), timeZone));
  }
  if (view.next) {
    return format(strings.NextShift, shiftWhen(new Date(view.next.start), new Date(view.next.end), { locale, timeZone }, now));
  }
  return strings.NoShift;
}

export function ShiftStatusBar(props: IShiftStatusBarProps): React.ReactElement {
  const { roster, daysAhead, locale, timeZone, now } = props;
  // The line names no one: the crew on the shift (a round trip of its own) is never read.
  const read = React.useCallback(() => roster.nextShiftView(daysAhead, { crew: false }), [roster, daysAhead]);
  // Within seconds the roster or "Try again"; while it failed it is read again by itself.
  const { state, reload } = useRecoveringLoad(read, 'Reading your roster');

  return (
    <div className={styles.bar} role="status" aria-label={strings.RegionLabel} lang={locale} data-busy={state.kind === 'loading'}>
      {state.kind === 'loading' && <p className={styles.text}>{strings.Loading}</p>}
      {state.kind === 'loaded' && <p className={styles.text}>{shiftStatusText(state.data, locale, timeZone, now())}</p>}
      {state.kind === 'failed' && (
        <>
          <p className={styles.text}>{strings.LoadFailed}</p>
          <Button className={styles.retry} text={strings.Retry} onClick={() => reload()} />
        </>
      )}
    </div>
  );
}
