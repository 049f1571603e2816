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
import { ThemedPart } from '../../ui/host/ThemedPart';
import { PulsePanel } from '../../ui/pulse/PulsePanel';
import styles from './Pulse.module.scss';

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
          <PulsePanel answers={pulseOf(environment.services).answers} locale={environment.locale} timeZone={deviceTimeZone()} />
        </section>
      </ThemedPart>,
      element
    );
  },
  dispose: (element) => {
    ReactDom.unmountComponentAtNode(element);
  }
};
