/**
 * The error colour HR's forms use, readable on the part's surface: on SharePoint's strong section
 * background the theme's error text is pink or red on blue (1.6 : 1 and 2.6 : 1), so a refused
 * field's reason would not read. Then the reason takes the body text's colour; it keeps its
 * weight, its place beside the field and its tie to it (`aria-describedby`), and the field its
 * error border. Light: no Fluent UI, so the contrast is worked out here (WCAG 2 relative luminance).
 */
import type { HostTheme } from '../../../ui/host/hostTheme';

/** WCAG 2 AA, normal-size text. */
export const MIN_CONTRAST = 4.5;

/** `#rgb` or `#rrggbb` as 0–255 channels; undefined for anything else. */
function channels(colour: string): [number, number, number] | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim())?.[1];
  if (!hex) {
    return undefined;
  }
  const full = hex.length === 3 ? hex.replace(/./g, (c) => c + c) : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast of two `#rrggbb` colours; undefined when either is not one. */
export function contrastRatio(foreground: string, background: string): number | undefined {
  const a = channels(foreground);
  const b = channels(background);
  if (!a || !b) {
    return undefined;
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The colour for error text on the part's surface when the theme's own does not read (the body
 * text's), else undefined (the theme's error colour stays).
 */
export function legibleErrorColour(theme: HostTheme | undefined): string | undefined {
  const semantic = theme?.semanticColors ?? {};
  const palette = theme?.palette ?? {};
  const error = semantic.errorText;
  const surface = semantic.bodyBackground ?? palette.white;
  const text = semantic.bodyText ?? palette.neutralPrimary;
  if (!error || !surface || !text) {
    return undefined;
  }
  const errorReads = contrastRatio(error, surface);
  const textReads = contrastRatio(text, surface);
  return errorReads !== undefined && errorReads < MIN_CONTRAST && textReads !== undefined && textReads >= MIN_CONTRAST ? text : undefined;
}
