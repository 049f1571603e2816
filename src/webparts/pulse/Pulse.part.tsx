/**
 * The "Pulse" part: the signed-in person's open pulse rounds, answered one question a screen
 * (`src/ui/pulse`), sent through the relay only (`src/app/pulse.ts`). What SharePoint and the
 * workbench host; no answer is ever written with the person's identity.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as strings from 'PulseWebPartStrings';

import { deviceTimeZone } from '../../app/host/cardTypes';
import type { PartDefinition } from '../../app/host/types';
import { pulseOf } from '../../app/pulse';
import type { EngageServices } from '../../app/services';
import { ThemedPart } from '../../ui/host/ThemedPart';
import { OnDemand, onDemand } from '../../ui/light/OnDemand';
import { PulsePanel } from '../../ui/pulse/PulsePanel';
import styles from './Pulse.module.scss';
import type { IPulseFollowUpProps } from './PulseFollowUp';

/** "You said, we did" below the rounds, in a chunk of its own. */
const LazyFollowUp = onDemand<IPulseFollowUpProps>(() => import(/* webpackChunkName: 'pulse-follow-up' */ './PulseFollowUp').then((m) => m.PulseFollowUp));

/**
 * The open rounds, and below them what was done with earlier answers: asked for once the rounds
 * are read and shown when it is in (no spinner under the rounds), so the rounds' first paint waits
 * for nothing more.
 */
function PulseBody(props: { readonly services: EngageServices; readonly locale: string; readonly timeZone: string }): React.ReactElement {
  const [roundsRead, setRoundsRead] = React.useState(false);
  const settle = React.useCallback(() => setRoundsRead(true), []);
  return (
    <>
      <PulsePanel answers={pulseOf(props.services).answers} locale={props.locale} timeZone={props.timeZone} onSettled={settle} />
      {roundsRead && (
        <OnDemand components={[LazyFollowUp]} fallback={<></>} failedText={strings.FollowUpFailed} retryText={strings.Retry}>
          <LazyFollowUp services={props.services} locale={props.locale} timeZone={props.timeZone} />
        </OnDemand>
      )}
    </>
  );
}

export interface IPulseWebPartProps {
  /** The part's heading; empty for none (the page's own heading says it). */
  title: string;
}

export const pulsePart: PartDefinition<IPulseWebPartProps> = {
  id: '3c6f7299-b9ff-4d24-b093-6f68b5cc877f',
  alias: 'PulseWebPart',
  kind: 'webPart',
  defaultProperties: { title: '' },
  propertyPane: () => ({
    description: strings.PropertyPaneDescription,
    groups: [{ name: strings.SettingsGroupName, fields: [{ kind: 'text', name: 'title', label: strings.TitleLabel }] }]
  }),
  render: (element, environment, properties) => {
    const title = (properties.title ?? '').trim();
    ReactDom.render(
      <ThemedPart theme={environment.theme}>
        <section className={styles.part} aria-label={title || strings.DefaultTitle}>
          {title && <h2 className={styles.heading}>{title}</h2>}
          <PulseBody services={environment.services} locale={environment.locale} timeZone={deviceTimeZone()} />
        </section>
      </ThemedPart>,
      element
    );
  },
  dispose: (element) => {
    ReactDom.unmountComponentAtNode(element);
  }
};
