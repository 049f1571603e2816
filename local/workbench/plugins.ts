/**
 * esbuild plugins that let the workbench bundle SPFx sources the way the SPFx toolchain
 * would, without the SPFx runtime: strings modules per locale, CSS modules from SCSS with
 * theme tokens, and a generated entry that imports every part found in `src/`.
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import type { Plugin } from 'esbuild';

import type { Locale } from './discovery';
import { findPartFiles, stringsModules } from './discovery';

const ENTRY = 'workbench:entry';

/**
 * The generated entry: imports the client app and every `*.part.ts(x)` module (scanned again
 * on each build, so a new part appears by itself) and hands the modules to the app.
 */
export function entryPlugin(repoRoot: string, clientMain: string): Plugin {
  return {
    name: 'workbench-entry',
    setup(build) {
      build.onResolve({ filter: /^workbench:entry$/ }, () => ({ path: ENTRY, namespace: 'workbench' }));
      build.onLoad({ filter: /.*/, namespace: 'workbench' }, () => {
        const parts = findPartFiles(repoRoot);
        const lines = [`import { mountWorkbench } from ${JSON.stringify(clientMain)};`];
        parts.forEach((file, index) => lines.push(`import * as part${index} from ${JSON.stringify(file)};`));
        const modules = parts.map(
          (file, index) => `{ file: ${JSON.stringify(path.relative(repoRoot, file).split(path.sep).join('/'))}, exports: part${index} }`
        );
        lines.push(`mountWorkbench([${modules.join(', ')}]);`);
        return { contents: lines.join('\n'), loader: 'js', resolveDir: repoRoot, watchFiles: parts };
      });
    }
  };
}

/** Runs an SPFx AMD strings module (`define([], function () { return {...}; })`) as CommonJS. */
export function amdToCommonJs(source: string): string {
  return [
    'var __strings;',
    'function define() {',
    '  var factory = arguments[arguments.length - 1];',
    '  __strings = typeof factory === "function" ? factory() : factory;',
    '}',
    'define.amd = true;',
    source,
    'module.exports = __strings;'
  ].join('\n');
}

/** `import * as strings from 'EngageSetupWebPartStrings'` → that module's file of the bundle's locale. */
export function stringsPlugin(repoRoot: string, locale: Locale): Plugin {
  return {
    name: 'spfx-strings',
    setup(build) {
      const modules = stringsModules(repoRoot, locale);
      if (modules.size === 0) {
        return;
      }
      // Strings module names are bare identifiers (`EngageSetupWebPartStrings`), never paths.
      build.onResolve({ filter: /^[A-Za-z_$][\w$]*$/ }, (args) => {
        const file = modules.get(args.path);
        return file ? { path: file, namespace: 'spfx-strings' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'spfx-strings' }, (args) => ({
        contents: amdToCommonJs(fs.readFileSync(args.path, 'utf8')),
        loader: 'js',
        resolveDir: path.dirname(args.path),
        watchFiles: [args.path]
      }));
    }
  };
}

/**
 * SPFx theme tokens (`"[theme:bodyText, default: #323130]"`, single or double quoted) →
 * `var(--theme-bodyText, #323130)`. The workbench sets the `--theme-*` variables per section.
 */
export function replaceThemeTokens(css: string): string {
  return css.replace(
    /(["'])\[\s*theme\s*:\s*([\w-]+)\s*(?:,\s*default\s*:\s*([^\]]*?))?\s*\]\1/g,
    (_match, _quote: string, name: string, fallback: string | undefined) =>
      fallback ? `var(--theme-${name}, ${fallback.trim()})` : `var(--theme-${name})`
  );
}

/* eslint-disable @rushstack/no-new-null -- sass's importer API answers null for "not mine" */
interface SassLegacy {
  renderSync(options: {
    file: string;
    importer: (url: string) => { file: string } | null;
    includePaths: string[];
    outputStyle: 'expanded';
  }): { css: Buffer | string; stats: { includedFiles: string[] } };
}

interface SassModern {
  compile(
    file: string,
    options: { loadPaths: string[]; importers: Array<{ findFileUrl(url: string): URL | null }> }
  ): { css: string; loadedUrls: URL[] };
}
/* eslint-enable @rushstack/no-new-null */

function loadSass(): SassLegacy | SassModern {
  // sass ships no types in the version SPFx pins; it is narrowed below.
  const sass: unknown = createRequire(__filename)('sass');
  if (typeof sass === 'object' && sass !== null) {
    if (typeof (sass as Record<string, unknown>).compile === 'function') {
      return sass as SassModern;
    }
    if (typeof (sass as Record<string, unknown>).renderSync === 'function') {
      return sass as SassLegacy;
    }
  }
  throw new Error('The sass package has neither compile() nor renderSync().');
}

/** Compiles one SCSS file; `~package/...` imports resolve from node_modules (as in SPFx). */
export function compileScss(file: string, nodeModules: string): { css: string; files: string[] } {
  const sass = loadSass();
  const tilde = (url: string): string | undefined =>
    url.startsWith('~') ? path.join(nodeModules, url.slice(1)) : undefined;
  if ('compile' in sass) {
    const result = sass.compile(file, {
      loadPaths: [nodeModules],
      importers: [
        {
          findFileUrl: (url) => {
            const resolved = tilde(url);
            return resolved ? new URL(`file://${resolved}`) : null;
          }
        }
      ]
    });
    return { css: result.css, files: result.loadedUrls.map((url) => decodeURIComponent(url.pathname)) };
  }
  const result = sass.renderSync({
    file,
    importer: (url) => {
      const resolved = tilde(url);
      return resolved ? { file: resolved } : null;
    },
    includePaths: [nodeModules],
    outputStyle: 'expanded'
  });
  return { css: result.css.toString(), files: result.stats.includedFiles };
}

/** `*.module.scss` → CSS module (class map as the default export); other `.scss` → global CSS. */
export function scssPlugin(nodeModules: string): Plugin {
  return {
    name: 'spfx-scss',
    setup(build) {
      build.onLoad({ filter: /\.scss$/ }, (args) => {
        try {
          const { css, files } = compileScss(args.path, nodeModules);
          return {
            contents: replaceThemeTokens(css),
            loader: /\.module\.scss$/.test(args.path) ? 'local-css' : 'css',
            resolveDir: path.dirname(args.path),
            watchFiles: files.filter((file) => path.isAbsolute(file))
          };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return { errors: [{ text: `Sass could not compile ${path.basename(args.path)}: ${message}` }] };
        }
      });
    }
  };
}

/** The workbench hosts parts without the SPFx runtime: an SPFx import in a part is a mistake. */
export function noSpfxPlugin(): Plugin {
  return {
    name: 'no-spfx-runtime',
    setup(build) {
      build.onResolve({ filter: /^@microsoft\/sp-|\/spfx(Card)?Host$/ }, (args) => ({
        errors: [
          {
            text:
              `${args.path} is imported by ${args.importer || 'the entry'}. Parts are hosted without the SPFx ` +
              'runtime: keep SPFx imports in the thin web part class, not in *.part.tsx or what it imports.'
          }
        ]
      }));
    }
  };
}
