/**
 * The Engage Setup part: what SharePoint and the workbench host. Builds the service graph from
 * the host environment and renders the component.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as strings from 'EngageSetupWebPartStrings';

import { PnPSiteListsGateway } from '../../connectors/sharepoint/PnPSiteListsGateway';
import { PRODUCT_LIST_TITLES } from '../../core/setup/productLists';
import { SetupService } from '../../core/setup/setupService';
import { ThemedPart } from '../../ui/host/ThemedPart';
import type { PartDefinition } from '../../ui/host/types';
import { EngageSetup } from './components';

export interface IEngageSetupWebPartProps {
  showReadyLists: boolean;
}

/** One service per PnPjs root, so re-rendering (a property change) does not reload the lists. */
const services = new WeakMap<object, SetupService>();

function setupServiceFor(sp: object & ConstructorParameters<typeof PnPSiteListsGateway>[0]): SetupService {
  let service = services.get(sp);
  if (!service) {
    service = new SetupService(new PnPSiteListsGateway(sp), PRODUCT_LIST_TITLES);
    services.set(sp, service);
  }
  return service;
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
    const setup = setupServiceFor(environment.sp);
    ReactDom.render(
      <ThemedPart theme={environment.theme}>
        <EngageSetup setup={setup} showReadyLists={properties.showReadyLists !== false} />
      </ThemedPart>,
      element
    );
  },
  dispose: (element) => {
    ReactDom.unmountComponentAtNode(element);
  }
};
