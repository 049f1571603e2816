/** The workbench's top bar: who is signed in, and the persona, language, theme, frame and edit switches. */
import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';

import { LOCALE_NAMES, WorkbenchConfig } from '../shared';
import { Frame, Settings, switchLocale, switchPersona } from './config';
import { DROPDOWN_STYLES } from './styles';
import { SwitchMenu } from './SwitchMenu';
import type { PageTheme, SectionBackground } from './themes';
import styles from './workbench.module.scss';

export interface TopBarProps {
  readonly config: WorkbenchConfig;
  readonly settings: Settings;
  onChange(settings: Partial<Settings>): void;
}

const THEMES: IDropdownOption[] = [
  { key: 'light', text: 'Light' },
  { key: 'dark', text: 'Dark' }
];

const SECTIONS: IDropdownOption[] = [
  { key: 'none', text: 'None' },
  { key: 'neutral', text: 'Neutral' },
  { key: 'soft', text: 'Soft' },
  { key: 'strong', text: 'Strong' }
];

const FRAMES: IDropdownOption[] = [
  { key: 'phone', text: 'Phone (360 × 740)' },
  { key: 'tablet', text: 'Tablet (768 × 1024)' },
  { key: 'desktop', text: 'Desktop (full width)' }
];

export function TopBar(props: TopBarProps): React.ReactElement {
  const { config, settings, onChange } = props;
  const [expanded, setExpanded] = React.useState(() => window.matchMedia('(min-width: 768px)').matches);
  const personas = config.personas.map((persona) => ({
    key: persona.userPrincipalName,
    text: `${persona.label}: ${persona.displayName}`
  }));
  const locales = config.locales.map((locale) => ({
    key: locale,
    text: `${LOCALE_NAMES[locale] ?? locale} (${locale})`
  }));
  const { user } = config;

  return (
    <header className={styles.topBar}>
      <div className={styles.topRow}>
        <h1 className={styles.brand}>
          Shopfloor Engage <span className={styles.brandSub}>workbench</span>
        </h1>
        <p className={styles.signedIn} id="se-signed-in">
          Signed in as <strong data-testid="signed-in-name">{user.displayName}</strong>
          <span className={styles.signedInRole}>
            {' '}
            · {user.label}
            {user.jobTitle && user.jobTitle !== user.label ? ` · ${user.jobTitle}` : ''}
          </span>
        </p>
        <div className={styles.topActions}>
          <DefaultButton
            className={styles.touch}
            toggle
            checked={settings.editMode}
            iconProps={{ iconName: 'Edit' }}
            text="Edit page"
            onClick={() => onChange({ editMode: !settings.editMode })}
          />
          <DefaultButton
            className={styles.touch}
            iconProps={{ iconName: 'Settings' }}
            text="Workbench settings"
            aria-expanded={expanded}
            aria-controls="se-workbench-settings"
            onClick={() => setExpanded(!expanded)}
          />
        </div>
      </div>
      <div id="se-workbench-settings" className={styles.settings} hidden={!expanded} role="group" aria-label="Workbench settings">
        <SwitchMenu
          label="Persona"
          options={personas}
          selectedKey={user.userPrincipalName}
          onSelect={(key) => key !== user.userPrincipalName && switchPersona(key)}
        />
        <SwitchMenu
          label="Language"
          options={locales}
          selectedKey={config.locale}
          onSelect={(key) => key !== config.locale && switchLocale(key)}
        />
        <Dropdown
          label="Theme"
          options={THEMES}
          selectedKey={settings.theme}
          styles={DROPDOWN_STYLES}
          onChange={(_event, option) => option && onChange({ theme: option.key as PageTheme })}
        />
        <Dropdown
          label="Section background"
          options={SECTIONS}
          selectedKey={settings.section}
          styles={DROPDOWN_STYLES}
          onChange={(_event, option) => option && onChange({ section: option.key as SectionBackground })}
        />
        <Dropdown
          label="Frame"
          options={FRAMES}
          selectedKey={settings.frame}
          styles={DROPDOWN_STYLES}
          onChange={(_event, option) => option && onChange({ frame: option.key as Frame })}
        />
      </div>
    </header>
  );
}
