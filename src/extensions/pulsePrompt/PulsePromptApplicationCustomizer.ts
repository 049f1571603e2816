/**
 * SharePoint host of the Pulse prompt customizer: a thin SPFx extension that builds the line's
 * host from the page's own clients (`spfxPromptHost.ts`) and renders the line into the page's top
 * placeholder. Not a `PartApplicationCustomizer`: that builds the composition root's services
 * (PnPjs and every connector) before the first render, and this line is on every page within a
 * 15 KB budget. SharePoint creates placeholders when the page has them (and again after a page
 * navigation), so the host renders whenever they change.
 */
import { BaseApplicationCustomizer, type PlaceholderContent, PlaceholderName } from '@microsoft/sp-application-base';

import { mountPromptLine, type PromptHost, type PromptLineHandle } from './components/PulsePromptLine';
import type { IPulsePromptProperties } from './PulsePromptProperties';
import { spfxPromptHost } from './spfxPromptHost';

export type { IPulsePromptProperties };

export default class PulsePromptApplicationCustomizer extends BaseApplicationCustomizer<IPulsePromptProperties> {
  private _host: PromptHost | undefined;
  private _top: PlaceholderContent | undefined;
  private _line: PromptLineHandle | undefined;

  public async onInit(): Promise<void> {
    await super.onInit();
    this._host = await spfxPromptHost(this.context);
    this.context.placeholderProvider.changedEvent.add(this, this.renderTop);
    this.renderTop();
  }

  private renderTop(): void {
    if (!this._host) {
      return;
    }
    // A placeholder SharePoint disposed (a page navigation) is created again. One it dropped from
    // the page without disposing takes its line along: else that line keeps looking (its timer,
    // its `online` listener) beside the new one, and every such navigation adds a checker.
    if (!this._top || !this._top.domElement.isConnected) {
      this._line?.dispose();
      this._line = undefined;
      this._top = this.context.placeholderProvider.tryCreateContent(PlaceholderName.Top, {
        onDispose: (content) => {
          if (this._top === content) {
            this._line?.dispose();
            this._line = undefined;
            this._top = undefined;
          }
        }
      });
      if (this._top) {
        this._line = mountPromptLine(this._top.domElement, this._host);
      }
    }
  }

  protected onDispose(): void {
    this.context.placeholderProvider.changedEvent.remove(this, this.renderTop);
    // Disposing the content runs its onDispose, which takes the line down.
    this._top?.dispose();
    this._top = undefined;
  }
}
