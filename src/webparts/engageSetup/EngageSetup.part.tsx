/**
 * The Engage Setup part: what SharePoint and the workbench host. Builds the service graph from
 * the host environment and renders the component.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as strings from 'EngageSetupWebPartStrings';
import type { SPFI } from '@pnp/sp';

import { PnPSiteListsGateway } from '../../connectors/sharepoint/PnPSiteListsGateway';
import { PRODUCT_LIST_TITLES } from '../../core/setup/productLists';
import { SetupService } from '../../core/setup/setupService';
import { ThemedPart } from '../../ui/host/ThemedPart';
import type { PartDefinition } from '../../ui/host/types';
import { EngageSetup, type ISetupActions } from './components';
import { SetupReader } from './setupReader';

export interface IEngageSetupWebPartProps {
  showReadyLists: boolean;
}

/**
 * One set of actions per PnPjs root, so re-rendering (a property change) does not reload the
 * lists: the check reads the lists and the person's Manage Lists permission in one `$batch`;
 * securing goes through the setup service.
 */
const actions = new WeakMap<object, ISetupActions>();

function setupActionsFor(sp: SPFI): ISetupActions {
  let found = actions.get(sp);
  if (!found) {
    const reader = new SetupReader(sp, PRODUCT_LIST_TITLES);
    const service = new SetupService(new PnPSiteListsGateway(sp), PRODUCT_LIST_TITLES);
    found = {
      check: () => reader.read(),
      secure: (checks) => service.secure(checks)
    };
    actions.set(sp, found);
  }
  return found;
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
    const setup = setupActionsFor(environment.sp);
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
