/**
 * The host's theme (a section's variant, a dark page) as CSS variables for the parts' SCSS,
 * without Fluent UI: SPFx's SCSS theme tokens follow the page theme only, so the colours a
 * part's CSS needs are set as `--se-*` variables on its root (and on anything it renders on a
 * layer outside the root). Where the host gives no colour the variable stays unset and the
 * SCSS falls back to the theme token.
 */

/** `--se-<name>`: the semantic colour, else the palette slot Fluent UI derives it from. */
const VARIABLES: ReadonlyArray<readonly [name: string, semantic: string, palette?: string]> = [
  ['text', 'bodyText', 'neutralPrimary'],
  ['subtle', 'bodySubtext', 'neutralSecondary'],
  ['surface', 'bodyBackground', 'white'],
  ['border', 'inputBorder', 'neutralSecondary'],
  ['divider', 'bodyDivider', 'neutralLight'],
  ['accent', 'themePrimary', 'themePrimary'],
  ['accent-light', 'themeLight', 'themeLight'],
  ['link', 'link', 'themePrimary'],
  ['selected-bg', 'buttonBackgroundChecked', 'neutralTertiaryAlt'],
  ['selected-text', 'buttonTextChecked', 'neutralDark'],
  ['focus', 'focusBorder', 'neutralSecondary'],
  ['error', 'errorText'],
  ['input-bg', 'inputBackground', 'white'],
  ['button-bg', 'buttonBackground', 'white'],
  ['button-text', 'buttonText', 'neutralPrimary'],
  ['button-border', 'buttonBorder', 'neutralSecondaryAlt'],
  ['button-hover-bg', 'buttonBackgroundHovered', 'neutralLighter'],
  ['button-pressed-bg', 'buttonBackgroundPressed', 'neutralLight'],
  ['primary-bg', 'primaryButtonBackground', 'themePrimary'],
  ['primary-text', 'primaryButtonText', 'white'],
  ['primary-hover-bg', 'primaryButtonBackgroundHovered', 'themeDarkAlt'],
  ['primary-pressed-bg', 'primaryButtonBackgroundPressed', 'themeDark'],
  ['disabled-bg', 'disabledBackground', 'neutralLighter'],
  ['disabled-text', 'disabledText', 'neutralTertiary'],
  ['message-text', 'messageText', 'neutralPrimary'],
  ['info-bg', 'infoBackground', 'neutralLighter'],
  ['success-bg', 'successBackground'],
  ['warning-bg', 'warningBackground'],
  ['error-bg', 'errorBackground'],
  ['shimmer', 'neutralLight', 'neutralLight'],
  ['shimmer-wave', 'neutralLighter', 'neutralLighter']
];

/** The `--se-*` variables of a host theme (none without one: the SCSS tokens apply). */
/** The subset of SPFx's IReadonlyTheme a part reads (section backgrounds, dark themes). */
export interface HostTheme {
  readonly isInverted?: boolean;
  readonly palette?: Readonly<Record<string, string | undefined>>;
  readonly semanticColors?: Readonly<Record<string, string | undefined>>;
}

export function hostThemeVariables(theme: HostTheme | undefined): Record<string, string> {
  const variables: Record<string, string> = {};
  if (!theme) {
    return variables;
  }
  const semantic = theme.semanticColors ?? {};
  const palette = theme.palette ?? {};
  for (const [name, semanticName, paletteName] of VARIABLES) {
    const value = semantic[semanticName] ?? palette[semanticName] ?? (paletteName ? palette[paletteName] : undefined);
    if (value) {
      variables[`--se-${name}`] = value;
    }
  }
  return variables;
}
