/**
 * The Engage Setup part: what SharePoint and the workbench host. Builds the service graph from
 * the host environment and renders the component.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as strings from 'EngageSetupWebPartStrings';

import { ThemedPart } from '../../ui/host/ThemedPart';
import type { PartDefinition } from '../../app/host/types';
import { setupOf } from '../../app/setup';
import { EngageSetup } from './components';

export interface IEngageSetupWebPartProps {
  showReadyLists: boolean;
}

export const engageSetupPart: PartDefinition<IEngageSetupWebPartProps> = {
  id: 'd3d3f2b0-a0a9-4d7e-8ed5-f5146fb08b8e',
  alias: 'EngageSetupWebPart',
  kind: 'webPart',
  defaultProperties: { showReadyLists: true },
  propertyPane: () => ({
    description: strings.PropertyPaneDescription,
    groups: [
      {
        name: strings.DisplayGroupName,
        fields: [{ kind: 'toggle', name: 'showReadyLists', label: strings.ShowReadyListsLabel }]
      }
    ]
  }),
  render: (element, environment, properties) => {
    const setup = setupOf(environment.services);
    ReactDom.render(
      <ThemedPart theme={environment.theme}>
        <EngageSetup setup={setup} showReadyLists={properties.showReadyLists !== false} locale={environment.locale} />
      </ThemedPart>,
      element
    );
  },
  dispose: (element) => {
    ReactDom.unmountComponentAtNode(element);
  }
};
