/**
 * The colours the wall's CSS reads, from the Fluent UI theme in context (ThemedPart gives the
 * part the host's theme, including a section's variant). SCSS theme tokens follow the page
 * theme only, and the composer panel renders on a layer outside the part, so the colours are
 * handed down as CSS variables on the part root and on the panel; the SCSS falls back to the
 * tokens where no variable is set.
 */
import type * as React from 'react';
import type { ITheme } from '@fluentui/react/lib/Styling';

export function themeVariables(theme: ITheme): React.CSSProperties {
  const { semanticColors: s, palette: p } = theme;
  const variables: Record<string, string> = {
    '--se-text': s.bodyText,
    '--se-subtle': s.bodySubtext,
    '--se-surface': s.bodyBackground,
    '--se-border': s.inputBorder,
    '--se-accent': p.themePrimary,
    '--se-selected-bg': s.buttonBackgroundChecked,
    '--se-selected-text': s.buttonTextChecked,
    '--se-focus': s.focusBorder,
    '--se-error': s.errorText
  };
  return variables as React.CSSProperties;
}
