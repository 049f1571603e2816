/** Reads what the server embedded in the page, and the workbench's own remembered settings. */
import { CONFIG_ELEMENT_ID, LOCALE_COOKIE, PERSONA_COOKIE, PersonaOption, WorkbenchConfig } from '../shared';
import type { PageTheme, SectionBackground } from './themes';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPersona(value: unknown): value is PersonaOption {
  return isRecord(value) && typeof value.userPrincipalName === 'string' && typeof value.displayName === 'string';
}

export function readConfig(document: Document): WorkbenchConfig {
  const element = document.getElementById(CONFIG_ELEMENT_ID);
  const parsed: unknown = JSON.parse(element?.textContent ?? 'null');
  if (
    !isRecord(parsed) ||
    typeof parsed.siteUrl !== 'string' ||
    typeof parsed.graphUrl !== 'string' ||
    typeof parsed.locale !== 'string' ||
    !isPersona(parsed.user) ||
    !Array.isArray(parsed.personas)
  ) {
    throw new Error('The workbench page has no valid configuration; reload the page.');
  }
  return parsed as unknown as WorkbenchConfig;
}

export type Frame = 'phone' | 'tablet' | 'desktop';
export type SectionLayout = 'oneColumn' | 'oneThirdLeft' | 'fullWidth';
export type Tab = 'page' | 'data';

export interface Settings {
  readonly theme: PageTheme;
  readonly section: SectionBackground;
  readonly frame: Frame;
  readonly editMode: boolean;
  readonly tab: Tab;
}

export const FRAME_SIZES: Readonly<Record<Frame, { width: number; height: number } | undefined>> = {
  phone: { width: 360, height: 740 },
  tablet: { width: 768, height: 1024 },
  desktop: undefined
};

const SETTINGS_KEY = 'se-workbench:settings';
const PROPERTIES_KEY = 'se-workbench:properties:';
const LAYOUT_KEY = 'se-workbench:layout:';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function readStored(key: string): unknown {
  try {
    return JSON.parse(storage()?.getItem(key) ?? 'null') as unknown;
  } catch {
    return undefined;
  }
}

function writeStored(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or a full quota: the setting lasts until the next reload.
  }
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.find((item) => item === value) ?? fallback;
}

/** Settings from `?theme=dark&frame=phone&edit=1&tab=data&section=soft`, then localStorage. */
export function loadSettings(search: string): Settings {
  const stored = readStored(SETTINGS_KEY);
  const saved = isRecord(stored) ? stored : {};
  const query = new URLSearchParams(search);
  const pick = (name: string, key: string): unknown => query.get(name) ?? saved[key];
  const edit = query.get('edit');
  return {
    theme: oneOf(pick('theme', 'theme'), ['light', 'dark'], 'light'),
    section: oneOf(pick('section', 'section'), ['none', 'neutral', 'soft', 'strong'], 'none'),
    frame: oneOf(pick('frame', 'frame'), ['phone', 'tablet', 'desktop'], 'desktop'),
    editMode: edit !== null ? edit === '1' || edit === 'true' : saved.editMode === true,
    tab: oneOf(pick('tab', 'tab'), ['page', 'data'], 'page')
  };
}

export function saveSettings(settings: Settings): void {
  writeStored(SETTINGS_KEY, settings);
}

/** A part's properties as last edited in the property pane (per part id). */
export function loadProperties(partId: string): Record<string, unknown> | undefined {
  const stored = readStored(PROPERTIES_KEY + partId);
  return isRecord(stored) ? stored : undefined;
}

export function saveProperties(partId: string, properties: Record<string, unknown> | undefined): void {
  if (properties === undefined) {
    storage()?.removeItem(PROPERTIES_KEY + partId);
  } else {
    writeStored(PROPERTIES_KEY + partId, properties);
  }
}

export function loadLayout(partId: string): SectionLayout {
  return oneOf(readStored(LAYOUT_KEY + partId), ['oneColumn', 'oneThirdLeft', 'fullWidth'], 'oneColumn');
}

export function saveLayout(partId: string, layout: SectionLayout): void {
  writeStored(LAYOUT_KEY + partId, layout);
}

function setCookie(name: string, value: string): void {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax`;
}

/** Signs in as another persona: the local tenant reads the cookie on every request. */
export function switchPersona(userPrincipalName: string): void {
  setCookie(PERSONA_COOKIE, userPrincipalName);
  window.location.reload();
}

/** Loads the page with another locale's bundle (SharePoint loads one locale per page). */
export function switchLocale(locale: string): void {
  setCookie(LOCALE_COOKIE, locale);
  const url = new URL(window.location.href);
  url.searchParams.delete('locale');
  url.searchParams.delete('rebuild');
  window.location.assign(url.toString());
}
