import * as React from 'react';
import * as strings from 'PulseAdminWebPartStrings';

import type { RelayReadiness } from '../../../core/pulse/adminPorts';
import { Button } from '../../../ui/light/Button';
import { Notice } from '../../../ui/light/Notice';
import styles from './PulseAdmin.module.scss';

const WHAT: Record<Exclude<RelayReadiness, 'ready'>, string> = {
  notConfigured: strings.RelayNotConfigured,
  unreachable: strings.RelayUnreachable,
  noPulseKeys: strings.RelayNoKeys
};

export interface IRelayPanelProps {
  readonly readiness: Exclude<RelayReadiness, 'ready'>;
  /** Asks the relay again (after IT fixed it). */
  onCheckAgain(): void;
}

/**
 * Why no answer is collected: what is wrong with the relay, why answers never go to SharePoint
 * instead (it records every item's author; a site owner reads every list), and how to deploy it.
 */
export function RelayPanel(props: IRelayPanelProps): React.ReactElement {
  return (
    <section className={styles.relayPanel} aria-labelledby="se-pulse-relay-heading" data-testid="relay-panel">
      <Notice type="warning" live={false}>
        <h3 id="se-pulse-relay-heading" className={styles.subheading}>
          {strings.RelayHeading}
        </h3>
        <p>{WHAT[props.readiness]}</p>
        <p>{strings.RelayWhy}</p>
        <p>{strings.RelayHow}</p>
      </Notice>
      <Button className={styles.action} text={strings.RelayCheckAgain} onClick={props.onCheckAgain} />
    </section>
  );
}
