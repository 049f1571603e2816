/**
 * How a part (web part, card, extension) is hosted. SharePoint hosts it through a thin SPFx
 * class (`spfxWebPart.ts`, `spfxCard.ts`, `spfxCustomizer.ts`); the local workbench hosts the same part definition with an
 * environment pointed at the local tenant. The part never sees which host it runs in.
 */
import type { HostTheme } from '../../ui/host/hostTheme';
import type { EngageServices, HostConnections } from '../services';

export type { HostTheme };

export interface HostUser {
  readonly loginName: string;
  readonly displayName: string;
  readonly email: string;
  /** SharePoint site user id of the signed-in person, when the page knows it. */
  readonly siteUserId?: number;
}

export interface HostEnvironment extends HostConnections {
  /**
   * The services of this web and person, shared by every part on the page (the composition
   * root's one object; see `src/app/services.ts`).
   */
  readonly services: EngageServices;
  /** UI language, lower case (`en-us`, `nl-nl`, `sv-se`). */
  readonly locale: string;
  readonly theme: HostTheme | undefined;
  /** True while the page is being edited (edit-mode code may load lazily). */
  readonly isEditMode: boolean;
}

/** A property pane field, described without SPFx so the workbench can show it too. */
export type PropertyField =
  | { readonly kind: 'toggle'; readonly name: string; readonly label: string }
  | {
      readonly kind: 'text';
      readonly name: string;
      readonly label: string;
      readonly multiline?: boolean;
      /** SPFx's `onGetErrorMessage`: '' when the text is fine, else why not (may read the site). */
      readonly validate?: (text: string) => string | Promise<string>;
    }
  | { readonly kind: 'number'; readonly name: string; readonly label: string; readonly min?: number; readonly max?: number }
  | {
      readonly kind: 'dropdown';
      readonly name: string;
      readonly label: string;
      readonly options: ReadonlyArray<{ readonly key: string; readonly text: string }>;
    };

export interface PropertyPaneDescription {
  readonly description: string;
  readonly groups: ReadonlyArray<{ readonly name: string; readonly fields: readonly PropertyField[] }>;
}

export interface PartDefinition<TProperties extends object> {
  /** The component id from the manifest. */
  readonly id: string;
  readonly alias: string;
  readonly kind: 'webPart' | 'card' | 'applicationCustomizer';
  readonly defaultProperties: TProperties;
  /** `environment`: the part's, for checks that read the site (absent: no such checks). */
  propertyPane(environment?: HostEnvironment): PropertyPaneDescription;
  /** Renders (or re-renders) the part into `element`. */
  render(element: HTMLElement, environment: HostEnvironment, properties: TProperties): void;
  dispose(element: HTMLElement): void;
}
