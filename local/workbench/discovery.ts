/**
 * What the workbench hosts, found by scanning the repository: every `src/**\/*.part.ts(x)`
 * module, the manifests beside them (for titles), and the SPFx strings modules declared in
 * `config/config.json` (`localizedResources`).
 */
import * as fs from 'fs';
import * as path from 'path';

export const LOCALES = ['en-us', 'nl-nl', 'sv-se'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en-us';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

const PART_FILE = /\.part\.tsx?$/;
const MANIFEST_FILE = /\.manifest\.json$/;
const SKIPPED_FOLDERS = new Set(['node_modules', '__fakes__', '__mocks__']);

/** Files below `dir` whose name matches, sorted, skipping dependency and test-double folders. */
export function findFiles(dir: string, pattern: RegExp): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) {
          walk(full);
        }
      } else if (pattern.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        found.push(full);
      }
    }
  };
  walk(dir);
  return found.sort();
}

/** Absolute paths of every part module below `src/`. */
export function findPartFiles(repoRoot: string): string[] {
  return findFiles(path.join(repoRoot, 'src'), PART_FILE);
}

/** Removes `//` and `/* *\/` comments outside strings (SPFx manifests allow them). */
export function stripJsonComments(source: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (inString) {
      out += char;
      if (char === '\\') {
        out += source[i + 1] ?? '';
        i += 1;
      } else if (char === '"') {
        inString = false;
      }
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') {
        i += 1;
      }
      out += '\n';
    } else if (char === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 1;
    } else {
      out += char;
    }
  }
  return out;
}

function readJson(file: string): unknown {
  return JSON.parse(stripJsonComments(fs.readFileSync(file, 'utf8'))) as unknown;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function isRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function localized(value: unknown, locale: Locale): string | undefined {
  const exact = field(value, locale) ?? field(value, locale.replace(/-(\w+)$/, (_m, r: string) => `-${r.toUpperCase()}`));
  const chosen = typeof exact === 'string' ? exact : field(value, 'default');
  return typeof chosen === 'string' ? chosen : undefined;
}

export interface ManifestInfo {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** `preconfiguredEntries[0].properties`: what a part starts with when added to a page. */
  readonly properties?: Record<string, unknown>;
  /** Without it SharePoint gives the part the page theme, not the section's variant. */
  readonly supportsThemeVariants: boolean;
  /** `preconfiguredEntries[0].officeFabricIconFontName` (cards show it in their card bar). */
  readonly iconName?: string;
  /** `preconfiguredEntries[0].cardSize` of a card: `Medium` or `Large`. */
  readonly cardSize?: 'Medium' | 'Large';
}

/** Titles of the components from their manifests (`preconfiguredEntries[0]`), by component id. */
export function readManifests(repoRoot: string, locale: Locale): Record<string, ManifestInfo> {
  const result: Record<string, ManifestInfo> = {};
  for (const file of findFiles(path.join(repoRoot, 'src'), MANIFEST_FILE)) {
    try {
      const manifest = readJson(file);
      const id = field(manifest, 'id');
      const entries = field(manifest, 'preconfiguredEntries');
      const entry = Array.isArray(entries) ? (entries[0] as unknown) : undefined;
      const title = localized(field(entry, 'title'), locale) ?? localized(field(manifest, 'alias'), locale);
      if (typeof id === 'string') {
        result[id] = {
          id,
          title: title ?? (typeof field(manifest, 'alias') === 'string' ? String(field(manifest, 'alias')) : id),
          description: localized(field(entry, 'description'), locale),
          properties: isRecord(field(entry, 'properties')) ? (field(entry, 'properties') as Record<string, unknown>) : undefined,
          supportsThemeVariants: field(manifest, 'supportsThemeVariants') === true,
          iconName: typeof field(entry, 'officeFabricIconFontName') === 'string' ? String(field(entry, 'officeFabricIconFontName')) : undefined,
          cardSize: field(entry, 'cardSize') === 'Large' ? 'Large' : field(entry, 'cardSize') === 'Medium' ? 'Medium' : undefined
        };
      }
    } catch {
      // A manifest that does not parse only costs its title; the gulp build reports it.
    }
  }
  return result;
}

/**
 * Strings module name → source file of one locale. `config.json` maps the name to
 * `lib/<folder>/loc/{locale}.js` (the compiled copy); the source is `src/<folder>/loc/`.
 * Falls back to `en-us` when a locale file is missing, as SharePoint falls back to the default.
 */
export function stringsModules(repoRoot: string, locale: Locale): Map<string, string> {
  const modules = new Map<string, string>();
  const config = readJson(path.join(repoRoot, 'config', 'config.json'));
  const resources = field(config, 'localizedResources');
  if (typeof resources !== 'object' || resources === null) {
    return modules;
  }
  for (const [name, pattern] of Object.entries(resources as Record<string, unknown>)) {
    if (typeof pattern !== 'string') {
      continue;
    }
    const source = pattern.replace(/^(\.\/)?lib\//, 'src/');
    const file = path.join(repoRoot, source.replace('{locale}', locale));
    const fallback = path.join(repoRoot, source.replace('{locale}', DEFAULT_LOCALE));
    modules.set(name, fs.existsSync(file) ? file : fallback);
  }
  return modules;
}
