/**
 * The SharePoint host of an application customizer: a thin SPFx extension that builds the host
 * environment once (`spfxEnvironment.ts`), like web parts and cards, and renders the part
 * definition into the page's top placeholder. SharePoint creates placeholders when the page
 * has them (and again after a page navigation), so the host renders whenever they change.
 */
import { BaseApplicationCustomizer, type PlaceholderContent, PlaceholderName } from '@microsoft/sp-application-base';

import { spfxEnvironment, spfxHostBase, type SpfxHostBase } from './spfxEnvironment';
import type { PartDefinition } from './types';

/** Base class of every Shopfloor Engage application customizer: thin by construction. */
export abstract class PartApplicationCustomizer<TProperties extends object> extends BaseApplicationCustomizer<TProperties> {
  protected abstract readonly definition: PartDefinition<TProperties>;
  private _base: SpfxHostBase | undefined;
  private _top: PlaceholderContent | undefined;

  public async onInit(): Promise<void> {
    await super.onInit();
    this._base = await spfxHostBase(this.context);
    this.context.placeholderProvider.changedEvent.add(this, this.renderTop);
    this.renderTop();
  }

  private renderTop(): void {
    if (!this._base) {
      return;
    }
    // A placeholder SharePoint disposed (a page navigation) is created again.
    if (!this._top || !this._top.domElement.isConnected) {
      this._top = this.context.placeholderProvider.tryCreateContent(PlaceholderName.Top, {
        onDispose: (content) => {
          this.definition.dispose(content.domElement);
          if (this._top === content) {
            this._top = undefined;
          }
        }
      });
    }
    if (this._top) {
      // Customizers get no section theme: the page's theme applies (undefined here).
      this.definition.render(this._top.domElement, spfxEnvironment(this._base, undefined, false), {
        ...this.definition.defaultProperties,
        ...this.properties
      });
    }
  }

  protected onDispose(): void {
    this.context.placeholderProvider.changedEvent.remove(this, this.renderTop);
    // Disposing the content runs its onDispose, which unmounts the part.
    this._top?.dispose();
    this._top = undefined;
  }
}
