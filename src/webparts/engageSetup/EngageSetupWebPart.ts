import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneToggle } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { spfi, SPFx } from '@pnp/sp';
import * as strings from 'EngageSetupWebPartStrings';

import { PnPSiteListsGateway } from '../../connectors/sharepoint/PnPSiteListsGateway';
import { PRODUCT_LIST_TITLES } from '../../core/setup/productLists';
import { SetupService } from '../../core/setup/setupService';
import { EngageSetup, type IEngageSetupProps } from './components';

export interface IEngageSetupWebPartProps {
  showReadyLists: boolean;
}

/** Thin host: builds the setup service from the page context and renders the component. */
export default class EngageSetupWebPart extends BaseClientSideWebPart<IEngageSetupWebPartProps> {
  private _setup: SetupService | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const sp = spfi().using(SPFx(this.context));
    this._setup = new SetupService(new PnPSiteListsGateway(sp), PRODUCT_LIST_TITLES);
  }

  public render(): void {
    if (!this._setup) {
      return;
    }
    const element = React.createElement<IEngageSetupProps>(EngageSetup, {
      setup: this._setup,
      showReadyLists: this.properties.showReadyLists !== false
    });
    ReactDom.render(element, this.domElement);
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.DisplayGroupName,
              groupFields: [
                PropertyPaneToggle('showReadyLists', { label: strings.ShowReadyListsLabel })
              ]
            }
          ]
        }
      ]
    };
  }
}
