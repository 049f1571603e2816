/**
 * A Fluent UI (MDL2) icon by name, drawn from the icon font registered on the page, without
 * Fluent UI's code: every Fluent UI copy on a page (SharePoint's own, the workbench's
 * `initializeIcons`) shares one icon registry, `window.__globalSettings__.icons` (name in lower
 * case → glyph and font subset), which `getIcon` reads. Fluent's `FontIcon` would add Fluent's
 * styling runtime and default theme (about 10 KB gzipped) to every part's first render; the
 * chunks the parts load on demand still use Fluent UI's own components. When the registry has
 * no such icon (tests), nothing is drawn, as with Fluent UI.
 */
import * as React from 'react';

import styles from './Light.module.scss';

export interface IIconProps {
  readonly iconName: string;
  readonly className?: string;
  readonly style?: React.CSSProperties;
}

interface IFontFace {
  readonly fontFamily?: string;
  readonly src?: string;
  readonly fontWeight?: string | number;
  readonly fontStyle?: string;
  readonly fontDisplay?: string;
}

interface IIconRecord {
  readonly code?: unknown;
  readonly subset?: { readonly fontFace?: IFontFace; readonly className?: string; readonly isRegistered?: boolean };
}

interface IIconRegistry {
  readonly __remapped?: Readonly<Record<string, string>>;
  readonly [name: string]: unknown;
}

/** The icon as registered on the page (names are kept in lower case, aliases in `__remapped`). */
export function registeredIcon(name: string): { glyph: string; fontFamily: string | undefined; className: string | undefined } | undefined {
  const registry = typeof window === 'undefined' ? undefined : (window as { __globalSettings__?: { icons?: IIconRegistry } }).__globalSettings__?.icons;
  if (!registry || !name) {
    return undefined;
  }
  const key = name.toLowerCase();
  const record = registry[registry.__remapped?.[key] ?? key] as IIconRecord | undefined;
  if (!record || typeof record.code !== 'string') {
    return undefined;
  }
  const face = record.subset?.fontFace;
  ensureFontFace(face, Boolean(record.subset?.isRegistered));
  return { glyph: record.code, fontFamily: face?.fontFamily, className: record.subset?.className };
}

const declaredFonts = new Set<string>();

/** Declares the subset's font, unless a Fluent UI copy did already (it does on first use). */
function ensureFontFace(face: IFontFace | undefined, registered: boolean): void {
  if (registered || !face?.fontFamily || !face.src || declaredFonts.has(face.fontFamily) || typeof document === 'undefined') {
    return;
  }
  declaredFonts.add(face.fontFamily);
  const style = document.createElement('style');
  style.textContent =
    `@font-face{font-family:${face.fontFamily};src:${face.src};` +
    `font-weight:${face.fontWeight ?? 'normal'};font-style:${face.fontStyle ?? 'normal'};font-display:${face.fontDisplay ?? 'block'}}`;
  document.head.appendChild(style);
}

/** A decorative icon (hidden from assistive technology: the text beside it says what it means). */
export function Icon(props: IIconProps): React.ReactElement {
  const icon = registeredIcon(props.iconName);
  return (
    <i
      data-icon-name={props.iconName}
      aria-hidden={true}
      className={[styles.icon, icon?.className ?? '', props.className ?? ''].join(' ').trim()}
      style={icon?.fontFamily ? { fontFamily: icon.fontFamily, ...props.style } : props.style}
    >
      {icon?.glyph}
    </i>
  );
}
