/**
 * The "My learning" part: the signed-in person's next small learning step first, then their
 * paths (`src/ui/learning`), read of SharePoint in one `$batch` and recorded through the relay
 * only (`src/app/learning.ts`). What SharePoint and the workbench host.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as strings from 'MyLearningWebPartStrings';

import { deviceTimeZone } from '../../app/host/cardTypes';
import type { PartDefinition } from '../../app/host/types';
import { learningOf } from '../../app/learning';
import { ThemedPart } from '../../ui/host/ThemedPart';
import { MyLearning } from '../../ui/learning/MyLearning';
import styles from './MyLearning.module.scss';

export interface IMyLearningWebPartProps {
  /** The part's heading; empty for none (the page's own heading says it). */
  title: string;
}

export const myLearningPart: PartDefinition<IMyLearningWebPartProps> = {
  id: 'd236113b-39c7-413c-92f6-9e962ce1bfb3',
  alias: 'MyLearningWebPart',
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
          <MyLearning source={learningOf(environment.services)} locale={environment.locale} timeZone={deviceTimeZone()} />
        </section>
      </ThemedPart>,
      element
    );
  },
  dispose: (element) => {
    ReactDom.unmountComponentAtNode(element);
  }
};
