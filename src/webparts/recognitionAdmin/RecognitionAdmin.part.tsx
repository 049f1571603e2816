/**
 * The "Recognition admin" part for HR: values and moderation. What SharePoint and the
 * workbench host; SharePoint itself enforces who may write (HR and site owners).
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as strings from 'RecognitionAdminWebPartStrings';

import { ThemedPart } from '../../ui/host/ThemedPart';
import type { PartDefinition } from '../../app/host/types';
import { recognitionOf } from '../../app/recognition';
import { RecognitionAdmin } from './components';

export interface IRecognitionAdminWebPartProps {
  showModeration: boolean;
}

export const recognitionAdminPart: PartDefinition<IRecognitionAdminWebPartProps> = {
  id: '4541a79f-28c9-4647-a7dc-8fd15d7b4841',
  alias: 'RecognitionAdminWebPart',
  kind: 'webPart',
  defaultProperties: { showModeration: true },
  propertyPane: () => ({
    description: strings.PropertyPaneDescription,
    groups: [{ name: strings.SettingsGroupName, fields: [{ kind: 'toggle', name: 'showModeration', label: strings.ShowModerationLabel }] }]
  }),
  render: (element, environment, properties) => {
    const { admin } = recognitionOf(environment.services);
    ReactDom.render(
      <ThemedPart theme={environment.theme}>
        <RecognitionAdmin store={admin} locale={environment.locale} showModeration={properties.showModeration !== false} />
      </ThemedPart>,
      element
    );
  },
  dispose: (element) => {
    ReactDom.unmountComponentAtNode(element);
  }
};
