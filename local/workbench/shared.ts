/**
 * What the workbench server tells the page (embedded as JSON in the HTML). Shared by the
 * server (`page.ts`) and the browser app (`client/`); no Node or DOM imports here.
 */

export const PERSONA_COOKIE = 'se_persona';
export const LOCALE_COOKIE = 'se_workbench_locale';
export const CONFIG_ELEMENT_ID = 'se-workbench-config';

export interface PersonaOption {
  /** Graph object id. */
  readonly id: string;
  /** SharePoint site user id (SPFx: `legacyPageContext.userId`). */
  readonly siteUserId: number;
  readonly userPrincipalName: string;
  readonly loginName: string;
  readonly displayName: string;
  readonly mail: string;
  /** What the persona stands for on the plant, e.g. "Agency operator". */
  readonly label: string;
  readonly role: string;
  readonly employeeType: string;
  readonly jobTitle: string;
  readonly department: string;
}

export interface ManifestSummary {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly properties?: Record<string, unknown>;
  readonly supportsThemeVariants: boolean;
  /** Fluent UI icon of the part (cards show it in their card bar). */
  readonly iconName?: string;
  /** A card's size on the dashboard. */
  readonly cardSize?: 'Medium' | 'Large';
}

export interface WorkbenchConfig {
  /** Absolute URL of the engagement site (PnPjs base URL). */
  readonly siteUrl: string;
  /** Microsoft Graph root, e.g. `http://127.0.0.1:4321/graph/v1.0`. */
  readonly graphUrl: string;
  readonly locale: string;
  readonly locales: readonly string[];
  /** The signed-in person (persona cookie, or the tenant's default persona). */
  readonly user: PersonaOption;
  readonly personas: readonly PersonaOption[];
  /** Component manifests by id (titles for the chrome). */
  readonly manifests: Readonly<Record<string, ManifestSummary>>;
  readonly bundleVersion: string;
  /**
   * The form digest the page was served with, as SharePoint embeds it in every page (SPFx:
   * `legacyPageContext.formDigestValue` / `formDigestTimeoutSeconds`).
   */
  readonly formDigest?: { readonly value: string; readonly timeoutSeconds: number };
}

export const LOCALE_NAMES: Readonly<Record<string, string>> = {
  'en-us': 'English',
  'nl-nl': 'Nederlands',
  'sv-se': 'Svenska'
};
