/**
 * What the workbench's card host takes from Viva Connections, in one place: the Adaptive Cards
 * host config its quick views are rendered with, and where a quick view opens (a full-screen
 * sheet on a phone, a dialog on a wider page). docs/local-tenant.md ("Cards") names the sources
 * and the places where the host is stricter than Viva Connections.
 */
import * as AdaptiveCards from 'adaptivecards';

import type { HostTheme } from '../../../src/app/host/types';

/** Narrower than this, the page is a phone: quick views open as a full-screen sheet. */
export const PHONE_MAX_WIDTH = 480;

/** Viva Connections' own Adaptive Cards font stack (Segoe UI on the web, the platform's font elsewhere). */
export const FONT = "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif";

/** At most this many actions in one set; more go to an overflow menu (Viva Connections' `maxActions`). */
export const MAX_ACTIONS = 5;

function color(theme: HostTheme | undefined, slot: string, fallback: string): string {
  return theme?.semanticColors?.[slot] ?? theme?.palette?.[slot] ?? fallback;
}

type Pair = { default: string; subtle: string };

/**
 * The Adaptive Cards host config of Viva Connections (spacing, font sizes and weights, image
 * sizes, fact sets, at most five actions a set) with the page theme's colours, as quick views
 * follow the SharePoint theme. Viva Connections' own colours are not all readable (subtle text
 * #8A8886 and warning #797673 on white are 3.5:1 and 4.3:1): each colour here has at least
 * 4.5:1 on its container. Actions stack and take the full width (gloves), where Viva
 * Connections aligns them left at their own width.
 */
export function hostConfigFor(theme: HostTheme | undefined): AdaptiveCards.HostConfig {
  const text = color(theme, 'bodyText', '#323130');
  const subtle = color(theme, 'bodySubtext', '#605e5c');
  const pair = (value: string): Pair => ({ default: value, subtle });
  const foregroundColors = {
    default: { default: text, subtle },
    dark: pair(text),
    light: pair(text),
    accent: pair(color(theme, 'themeDark', '#005a9e')),
    good: pair(color(theme, 'successText', '#107c10')),
    warning: pair(color(theme, 'warningText', text)),
    attention: pair(color(theme, 'errorText', '#a4262c'))
  };
  const style = (backgroundColor: string): { backgroundColor: string; foregroundColors: typeof foregroundColors } => ({ backgroundColor, foregroundColors });
  const sizes = { small: 12, default: 14, medium: 18, large: 24, extraLarge: 32 };
  const weights = { lighter: 300, default: 400, bolder: 600 };
  return new AdaptiveCards.HostConfig({
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 16 },
    separator: { lineThickness: 1, lineColor: color(theme, 'bodyDivider', '#edebe9') },
    imageSizes: { small: 72, medium: 164, large: 256 },
    fontTypes: {
      default: { fontFamily: FONT, fontSizes: sizes, fontWeights: weights },
      monospace: { fontFamily: "'Courier New', Courier, monospace", fontSizes: sizes, fontWeights: weights }
    },
    // The quick view's title is its level-2 heading; headings in the card are level 3.
    textBlock: { headingLevel: 3 },
    containerStyles: {
      default: style(color(theme, 'bodyBackground', '#ffffff')),
      emphasis: style(color(theme, 'neutralLighter', '#f3f2f1')),
      accent: style(color(theme, 'themeLighter', '#deecf9')),
      good: style(color(theme, 'successBackground', '#dff6dd')),
      attention: style(color(theme, 'errorBackground', '#fde7e9')),
      warning: style(color(theme, 'warningBackground', '#fff4ce'))
    },
    actions: {
      maxActions: MAX_ACTIONS,
      spacing: 'default',
      buttonSpacing: 8,
      showCard: { actionMode: 'inline', inlineTopMargin: 16 },
      actionsOrientation: 'vertical',
      actionAlignment: 'stretch'
    },
    factSet: {
      title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 150 },
      value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
      spacing: 8
    }
  });
}

/** Where a quick view opens, from the width of the page it opens on. */
export type QuickViewPlacement =
  /** A phone: the whole screen (of the frame's width, at its left edge), its own title bar. */
  | { readonly kind: 'sheet'; readonly left: number; readonly width: number }
  /** SharePoint on a wider page: a dialog. */
  | { readonly kind: 'dialog' };

/** The placement for a card inside `element`: the workbench frame's width decides (else the window's). */
export function quickViewPlacement(element: Element | null): QuickViewPlacement {
  const frame = element?.closest('[data-frame]');
  const box = frame?.getBoundingClientRect();
  const left = box ? Math.max(0, box.left) : 0;
  const width = box ? Math.min(box.width, window.innerWidth - left) : window.innerWidth;
  return width < PHONE_MAX_WIDTH ? { kind: 'sheet', left, width } : { kind: 'dialog' };
}

/** The theme's colours as the `--theme-*` variables the card styles read (a quick view is outside the page's). */
export function themeVariablesOf(theme: HostTheme | undefined): Record<string, string> {
  const slots: Record<string, string | undefined> = { ...theme?.palette, ...theme?.semanticColors };
  const variables: Record<string, string> = {};
  for (const name of Object.keys(slots)) {
    const value = slots[name];
    if (typeof value === 'string') {
      variables[`--theme-${name}`] = value;
    }
  }
  return variables;
}
