/**
 * Page themes (light, dark) and SharePoint's section backgrounds (neutral, soft, strong) as
 * Fluent UI themes, the `HostTheme` a part receives, and the `--theme-*` CSS variables that
 * stand in for SPFx's theme tokens in the parts' SCSS.
 */
import { createTheme, type IPalette, type ITheme } from '@fluentui/react/lib/Styling';

import type { HostTheme } from '../../../src/app/host/types';

export type PageTheme = 'light' | 'dark';
export type SectionBackground = 'none' | 'neutral' | 'soft' | 'strong';

const LIGHT: Partial<IPalette> = {
  themePrimary: '#0078d4',
  themeLighterAlt: '#eff6fc',
  themeLighter: '#deecf9',
  themeLight: '#c7e0f4',
  themeTertiary: '#71afe5',
  themeSecondary: '#2b88d8',
  themeDarkAlt: '#106ebe',
  themeDark: '#005a9e',
  themeDarker: '#004578'
};

const DARK: Partial<IPalette> = {
  themePrimary: '#479ef5',
  themeLighterAlt: '#03060a',
  themeLighter: '#0b1927',
  themeLight: '#152f49',
  themeTertiary: '#2b5f93',
  themeSecondary: '#3f8bd8',
  themeDarkAlt: '#5aa8f6',
  themeDark: '#74b6f7',
  themeDarker: '#99c9f9',
  neutralLighterAlt: '#282726',
  neutralLighter: '#31302f',
  neutralLight: '#3f3e3d',
  neutralQuaternaryAlt: '#484644',
  neutralQuaternary: '#4f4d4b',
  neutralTertiaryAlt: '#6d6a67',
  neutralTertiary: '#c8c6c4',
  neutralSecondary: '#d0d0d0',
  neutralSecondaryAlt: '#d0d0d0',
  neutralPrimaryAlt: '#dadada',
  neutralPrimary: '#ffffff',
  neutralDark: '#f4f4f4',
  black: '#f8f8f8',
  white: '#1f1e1d'
};

export function pageTheme(kind: PageTheme): ITheme {
  return kind === 'dark' ? createTheme({ palette: DARK, isInverted: true }) : createTheme({ palette: LIGHT });
}

/**
 * SharePoint's section background variants (after Fluent UI's variants package): neutral and
 * soft shift the backgrounds a step; strong swaps the theme colour in as the background.
 */
export function sectionTheme(base: ITheme, background: SectionBackground): ITheme {
  const p = base.palette;
  const inverted = Boolean(base.isInverted);
  const shiftedTheme: Partial<IPalette> = {
    themeDark: p.themeDarker,
    themeDarkAlt: p.themeDark,
    themePrimary: p.themeDarkAlt,
    themeSecondary: p.themePrimary,
    themeTertiary: p.themeSecondary,
    themeLight: p.themeTertiary,
    themeLighter: p.themeLight
  };
  if (background === 'neutral') {
    return createTheme({
      isInverted: inverted,
      palette: {
        ...p,
        ...shiftedTheme,
        neutralQuaternary: p.neutralTertiaryAlt,
        neutralQuaternaryAlt: p.neutralQuaternary,
        neutralLight: p.neutralQuaternaryAlt,
        neutralLighter: p.neutralLight,
        neutralLighterAlt: p.neutralLight,
        white: p.neutralLighter
      },
      semanticColors: { bodyBackground: p.neutralLighter }
    });
  }
  if (background === 'soft') {
    const page = inverted ? p.themeLight : p.themeLighterAlt;
    return createTheme({
      isInverted: inverted,
      palette: {
        ...p,
        ...shiftedTheme,
        themeLighterAlt: p.themeLighter,
        neutralLight: inverted ? p.themePrimary : p.themeTertiary,
        neutralLighter: inverted ? p.themeSecondary : p.themeLight,
        neutralLighterAlt: inverted ? p.themeTertiary : p.themeLighter,
        white: page
      },
      semanticColors: { bodyBackground: page, inputBackground: p.themeLighter }
    });
  }
  if (background === 'strong') {
    return createTheme({
      isInverted: !inverted,
      palette: {
        themeDarker: p.white,
        themeDark: p.neutralLighterAlt,
        themeDarkAlt: p.neutralLighterAlt,
        themePrimary: p.white,
        themeSecondary: p.neutralLighter,
        themeTertiary: p.neutralLight,
        themeLight: p.neutralQuaternaryAlt,
        themeLighter: p.neutralQuaternary,
        themeLighterAlt: p.neutralTertiaryAlt,
        black: p.neutralLighterAlt,
        neutralDark: p.neutralLighter,
        neutralPrimary: p.white,
        neutralPrimaryAlt: p.neutralLight,
        neutralSecondary: p.neutralQuaternaryAlt,
        neutralTertiary: p.neutralQuaternary,
        neutralTertiaryAlt: p.themeLighterAlt,
        neutralQuaternary: p.themeLighterAlt,
        neutralQuaternaryAlt: p.themeLighter,
        neutralLight: p.themeLight,
        neutralLighter: p.themeTertiary,
        neutralLighterAlt: p.themeSecondary,
        white: p.themePrimary
      },
      semanticColors: {
        bodyBackground: p.themePrimary,
        bodyText: p.white,
        bodySubtext: p.white,
        inputBackgroundChecked: p.white,
        inputForegroundChecked: p.themeDark
      }
    });
  }
  return base;
}

/** What SPFx hands a part (`IReadonlyTheme`): palette, semantic colours, inversion. */
export function toHostTheme(theme: ITheme): HostTheme {
  return { isInverted: Boolean(theme.isInverted), palette: { ...theme.palette }, semanticColors: { ...theme.semanticColors } };
}

/**
 * `--theme-<slot>` for every palette slot and semantic colour: SPFx replaces
 * `"[theme:bodyText, default: …]"` with the page theme's value; the workbench sets variables
 * per section, so section backgrounds reach the parts' CSS too.
 */
export function themeVariables(theme: ITheme): Record<string, string> {
  const variables: Record<string, string> = {};
  const add = (values: object): void => {
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === 'string') {
        variables[`--theme-${name}`] = value;
      }
    }
  };
  add(theme.palette);
  add(theme.semanticColors);
  return variables;
}
