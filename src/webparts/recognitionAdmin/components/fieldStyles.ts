/**
 * HR's text boxes for gloves and every section background: at least 48 px tall, and an error
 * message that can be read on the section it is on (a theme's red on a strong, blue section is
 * not: it falls back to the section's text colour, in bold); a primary button's words readable
 * when hovered and pressed too (on a strong section a theme's hover can fall under 4.5:1).
 */
import type { IButtonStyles } from '@fluentui/react/lib/Button';
import type { ITextFieldStyleProps, ITextFieldStyles } from '@fluentui/react/lib/TextField';
import { useTheme } from '@fluentui/react/lib/Theme';

/** WCAG's relative luminance of `#rrggbb`; undefined for anything else. */
function luminance(colour: string | undefined): number | undefined {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((colour ?? '').trim());
  if (!match) {
    return undefined;
  }
  const [r, g, b] = match.slice(1).map((hex) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast of two `#rrggbb` colours; undefined when either is not one. */
export function contrastOf(a: string | undefined, b: string | undefined): number | undefined {
  const la = luminance(a);
  const lb = luminance(b);
  if (la === undefined || lb === undefined) {
    return undefined;
  }
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * The first of `candidates` that reads on `background` (4.5:1); else black or white, whichever
 * reads better. A colour that is not `#rrggbb` cannot be judged and is taken as it is.
 */
export function readableOn(background: string | undefined, ...candidates: Array<string | undefined>): string | undefined {
  for (const colour of candidates) {
    const contrast = contrastOf(colour, background);
    if (colour && (contrast === undefined || contrast >= 4.5)) {
      return colour;
    }
  }
  return (contrastOf('#000000', background) ?? 0) >= (contrastOf('#ffffff', background) ?? 0) ? '#000000' : '#ffffff';
}

/** A Fluent UI TextField's styles: 48 px to touch, its error readable on the section. */
export function touchFieldStyles(props: ITextFieldStyleProps): Partial<ITextFieldStyles> {
  const { semanticColors } = props.theme;
  return {
    // A single line's box is the input: 48 px inside the 1 px border.
    fieldGroup: props.multiline ? { minHeight: 48 } : { height: 'auto', minHeight: 50 },
    field: props.multiline ? { minHeight: 48 } : { minHeight: 48 },
    errorMessage: {
      color: readableOn(semanticColors.bodyBackground, semanticColors.errorText, semanticColors.bodyText),
      fontWeight: 600
    }
  };
}

/** A Fluent UI PrimaryButton's styles: its words readable on its own background in every state. */
export function usePrimaryButtonStyles(): IButtonStyles {
  const { semanticColors: c } = useTheme();
  const hovered = readableOn(c.primaryButtonBackgroundHovered, c.primaryButtonTextHovered, c.primaryButtonText);
  const pressed = readableOn(c.primaryButtonBackgroundPressed, c.primaryButtonTextPressed, c.primaryButtonText);
  return { rootHovered: { color: hovered }, labelHovered: { color: hovered }, rootPressed: { color: pressed } };
}
