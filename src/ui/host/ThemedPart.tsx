/**
 * Gives a part the host's theme (a section's background variant, a dark page) without loading
 * Fluent UI: the theme goes into React context for what renders on demand (see FluentTheme)
 * and onto the part's root as `--se-*` CSS variables (see hostTheme.ts), with the body text
 * colour, background and font Fluent UI's ThemeProvider gave the root before.
 */
import * as React from 'react';

import { hostThemeVariables } from './hostTheme';
import styles from './ThemedPart.module.scss';
import type { HostTheme } from './hostTheme';

const HostThemeContext = React.createContext<HostTheme | undefined>(undefined);

/** The host's theme of the part this renders in (undefined outside a part, as in tests). */
export function useHostTheme(): HostTheme | undefined {
  return React.useContext(HostThemeContext);
}

/** The `--se-*` variables of the part's theme, for what renders on a layer outside the part. */
export function useThemeVariables(): React.CSSProperties {
  const theme = useHostTheme();
  return React.useMemo(() => hostThemeVariables(theme) as React.CSSProperties, [theme]);
}

export function ThemedPart(props: { theme: HostTheme | undefined; children: React.ReactNode }): React.ReactElement {
  const variables = React.useMemo(() => hostThemeVariables(props.theme) as React.CSSProperties, [props.theme]);
  return (
    <HostThemeContext.Provider value={props.theme}>
      <div className={styles.part} style={variables}>
        {props.children}
      </div>
    </HostThemeContext.Provider>
  );
}
