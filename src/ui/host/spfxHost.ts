/**
 * The SharePoint host of a part: a thin SPFx web part that builds the host environment from
 * the SPFx context and delegates everything else to the part definition.
 */
import { DisplayMode, Version } from '@microsoft/sp-core-library';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { spfi, SPFx, type SPFI } from '@pnp/sp';

import type { GraphClientLike } from '../../connectors/graph/graphClient';
import { toPropertyPane } from './propertyPane';
import { aadFetchOf } from './aadFetch';
import { hostUserOf } from './siteUser';
import type { HostEnvironment, PartDefinition } from './types';

/** Base class of every Shopfloor Engage web part: thin by construction. */
export abstract class PartWebPart<TProperties extends object> extends BaseClientSideWebPart<TProperties> {
  protected abstract readonly definition: PartDefinition<TProperties>;
  private _sp: SPFI | undefined;
  private _graph: GraphClientLike | undefined;
  private _theme: IReadonlyTheme | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    this._sp = spfi().using(SPFx(this.context));
    this._graph = await this.context.msGraphClientFactory.getClient('3');
  }

  private environment(sp: SPFI, graph: GraphClientLike): HostEnvironment {
    const { pageContext } = this.context;
    return {
      sp,
      graph,
      aadFetch: aadFetchOf(this.context),
      user: hostUserOf(pageContext),
      locale: pageContext.cultureInfo.currentUICultureName.toLowerCase(),
      theme: this._theme,
      isEditMode: this.displayMode === DisplayMode.Edit
    };
  }

  public render(): void {
    if (this._sp && this._graph) {
      this.definition.render(this.domElement, this.environment(this._sp, this._graph), {
        ...this.definition.defaultProperties,
        ...this.properties
      });
    }
  }

  protected onThemeChanged(theme: IReadonlyTheme | undefined): void {
    this._theme = theme;
    if (this.renderedOnce) {
      this.render();
    }
  }

  protected onDispose(): void {
    this.definition.dispose(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return toPropertyPane(this.definition.propertyPane());
  }
}
