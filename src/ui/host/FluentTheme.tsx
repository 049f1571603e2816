/**
 * Fluent UI components of a part (in the chunks it loads on demand, or in a part built on
 * Fluent UI) get the host's theme from ThemedPart's context through Fluent's ThemeProvider.
 */
import * as React from 'react';
import { createTheme, type ITheme } from '@fluentui/react/lib/Styling';
import { ThemeProvider } from '@fluentui/react/lib/Theme';

import { useHostTheme } from './ThemedPart';
import type { HostTheme } from './hostTheme';

function defined(values: Readonly<Record<string, string | undefined>> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    if (value) {
      result[key] = value;
    }
  }
  return result;
}

export function toFluentTheme(theme: HostTheme | undefined): ITheme | undefined {
  if (!theme) {
    return undefined;
  }
  return createTheme({ palette: defined(theme.palette), semanticColors: defined(theme.semanticColors), isInverted: Boolean(theme.isInverted) });
}

export function FluentTheme(props: { children: React.ReactNode; className?: string }): React.ReactElement {
  const host = useHostTheme();
  const theme = React.useMemo(() => toFluentTheme(host), [host]);
  return (
    <ThemeProvider theme={theme} className={props.className}>
      {props.children}
    </ThemeProvider>
  );
}
