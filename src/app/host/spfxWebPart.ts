/**
 * The SharePoint host of a web part: a thin SPFx web part that builds the host environment once
 * from the SPFx context (`spfxEnvironment.ts`) and delegates everything else to the part definition.
 */
import { DisplayMode, Version } from '@microsoft/sp-core-library';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';

import { toPropertyPane } from './propertyPane';
import { spfxEnvironment, spfxHostBase, type SpfxHostBase } from './spfxEnvironment';
import type { PartDefinition } from './types';

/** Base class of every Shopfloor Engage web part: thin by construction. */
export abstract class PartWebPart<TProperties extends object> extends BaseClientSideWebPart<TProperties> {
  protected abstract readonly definition: PartDefinition<TProperties>;
  private _base: SpfxHostBase | undefined;
  private _theme: IReadonlyTheme | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    this._base = await spfxHostBase(this.context);
  }

  public render(): void {
    if (this._base) {
      this.definition.render(this.domElement, spfxEnvironment(this._base, this._theme, this.displayMode === DisplayMode.Edit), {
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
    const environment = this._base ? spfxEnvironment(this._base, this._theme, true) : undefined;
    return toPropertyPane(this.definition.propertyPane(environment));
  }
}
