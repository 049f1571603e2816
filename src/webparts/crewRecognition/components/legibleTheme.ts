/**
 * The composer's theme, readable on every section background: a Fluent UI theme whose colour
 * pairs fall under 4.5 : 1 (WCAG AA for text) get the colours of a pair that reads.
 *
 * Section variants (SharePoint's strong background above all) shift the palette, and some of
 * Fluent UI's derived pairs do not survive it: in a strong section a hovered button's text is
 * 2 : 1 on its background, error text on the blue surface 1.5 : 1. A button still reads when
 * its hover and press keep its resting colours; words on the surface read in the body text's
 * colour (an error keeps its role and its place next to the field).
 */
import { getColorFromString, getContrastRatio } from '@fluentui/react/lib/Color';
import { createTheme, type ISemanticColors, type ITheme } from '@fluentui/react/lib/Styling';

/** WCAG 2 AA, normal-size text. */
export const MIN_CONTRAST = 4.5;

type Slot = keyof ISemanticColors;

/** A button state's text and background, and the resting pair it falls back to. */
const BUTTON_STATES: ReadonlyArray<readonly [text: Slot, background: Slot, restText: Slot, restBackground: Slot]> = [
  ['buttonTextHovered', 'buttonBackgroundHovered', 'buttonText', 'buttonBackground'],
  ['buttonTextPressed', 'buttonBackgroundPressed', 'buttonText', 'buttonBackground'],
  ['buttonTextChecked', 'buttonBackgroundChecked', 'buttonText', 'buttonBackground'],
  ['buttonTextCheckedHovered', 'buttonBackgroundCheckedHovered', 'buttonText', 'buttonBackground'],
  ['primaryButtonTextHovered', 'primaryButtonBackgroundHovered', 'primaryButtonText', 'primaryButtonBackground'],
  ['primaryButtonTextPressed', 'primaryButtonBackgroundPressed', 'primaryButtonText', 'primaryButtonBackground']
];

/** Words drawn straight on the surface (`bodyBackground`). */
const SURFACE_TEXT: readonly Slot[] = [
  'bodySubtext',
  'errorText',
  'link',
  'linkHovered',
  'actionLink',
  'actionLinkHovered',
  'inputTextHovered',
  'inputPlaceholderText',
  'bodyTextChecked'
];

/** The contrast of two CSS colours; `undefined` when either is not a colour. */
export function contrast(foreground: string | undefined, background: string | undefined): number | undefined {
  const a = foreground ? getColorFromString(foreground) : undefined;
  const b = background ? getColorFromString(background) : undefined;
  return a && b ? getContrastRatio(a, b) : undefined;
}

function reads(foreground: string | undefined, background: string | undefined): boolean {
  const ratio = contrast(foreground, background);
  return ratio === undefined || ratio >= MIN_CONTRAST;
}

/** The semantic colours that change (none when every pair reads). */
export function legibleColors(colors: ISemanticColors): Partial<ISemanticColors> {
  const changes: Partial<ISemanticColors> = {};
  for (const [text, background, restText, restBackground] of BUTTON_STATES) {
    if (!reads(colors[text], colors[background]) && reads(colors[restText], colors[restBackground])) {
      changes[text] = colors[restText];
      changes[background] = colors[restBackground];
    }
  }
  if (reads(colors.bodyText, colors.bodyBackground)) {
    for (const slot of SURFACE_TEXT) {
      if (!reads(colors[slot], colors.bodyBackground)) {
        changes[slot] = colors.bodyText;
      }
    }
  }
  return changes;
}

/** `theme` itself when every pair reads, else a theme with the pairs that do not replaced. */
export function legibleTheme(theme: ITheme): ITheme {
  const changes = legibleColors(theme.semanticColors);
  if (Object.keys(changes).length === 0) {
    return theme;
  }
  return createTheme({ palette: theme.palette, semanticColors: { ...theme.semanticColors, ...changes }, isInverted: theme.isInverted, fonts: theme.fonts });
}
