import * as React from 'react';
import { createTheme, type ITheme } from '@fluentui/react/lib/Styling';
import { ThemeProvider } from '@fluentui/react/lib/Theme';

import type { HostTheme } from './types';

function toFluentTheme(theme: HostTheme | undefined): ITheme | undefined {
  if (!theme) {
    return undefined;
  }
  const palette: Record<string, string> = {};
  for (const [key, value] of Object.entries(theme.palette ?? {})) {
    if (value) {
      palette[key] = value;
    }
  }
  const semanticColors: Record<string, string> = {};
  for (const [key, value] of Object.entries(theme.semanticColors ?? {})) {
    if (value) {
      semanticColors[key] = value;
    }
  }
  return createTheme({ palette, semanticColors, isInverted: Boolean(theme.isInverted) });
}

/** Gives Fluent UI components inside a part the host's theme (section background, dark). */
export function ThemedPart(props: { theme: HostTheme | undefined; children: React.ReactNode }): React.ReactElement {
  const theme = React.useMemo(() => toFluentTheme(props.theme), [props.theme]);
  return <ThemeProvider theme={theme}>{props.children}</ThemeProvider>;
}
