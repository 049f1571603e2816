/**
 * Builds the workbench's browser bundle in-process with esbuild, one per locale (SharePoint
 * also loads one locale's strings per page), cached in memory and rebuilt when a source file
 * it was built from changes, a part is added or removed, or `?rebuild=1` asks for it.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as esbuild from 'esbuild';

import type { Locale } from './discovery';
import { findPartFiles } from './discovery';
import { entryPlugin, noSpfxPlugin, scssPlugin, stringsPlugin } from './plugins';

export interface BuildMessage {
  readonly text: string;
  readonly location?: { readonly file: string; readonly line: number; readonly column: number; readonly lineText: string };
}

export interface Bundle {
  readonly ok: true;
  readonly locale: Locale;
  /** Short content hash, used to bust the browser cache. */
  readonly version: string;
  readonly js: string;
  readonly css: string;
  readonly map: string;
  readonly cssMap: string;
  readonly builtAt: Date;
  readonly durationMs: number;
  readonly warnings: readonly BuildMessage[];
  /** Project files (not node_modules) and their modification times when built. */
  readonly inputs: ReadonlyMap<string, number>;
  readonly partFiles: readonly string[];
}

export interface BuildFailure {
  readonly ok: false;
  readonly locale: Locale;
  readonly errors: readonly BuildMessage[];
  readonly inputs: ReadonlyMap<string, number>;
  readonly partFiles: readonly string[];
}

export type BuildResult = Bundle | BuildFailure;

function toMessages(messages: readonly esbuild.Message[]): BuildMessage[] {
  return messages.map((message) => ({
    text: message.pluginName ? `[${message.pluginName}] ${message.text}` : message.text,
    location: message.location
      ? {
          file: message.location.file,
          line: message.location.line,
          column: message.location.column,
          lineText: message.location.lineText
        }
      : undefined
  }));
}

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

function projectInputs(repoRoot: string, files: Iterable<string>): Map<string, number> {
  const inputs = new Map<string, number>();
  for (const file of files) {
    const absolute = path.isAbsolute(file) ? file : path.join(repoRoot, file);
    if (!absolute.includes(`${path.sep}node_modules${path.sep}`) && fs.existsSync(absolute)) {
      inputs.set(absolute, mtime(absolute));
    }
  }
  return inputs;
}

function isBuildFailure(error: unknown): error is esbuild.BuildFailure {
  return error instanceof Error && Array.isArray((error as Partial<esbuild.BuildFailure>).errors);
}

export async function buildBundle(repoRoot: string, locale: Locale): Promise<BuildResult> {
  const started = Date.now();
  const clientMain = path.join(__dirname, 'client', 'main.tsx');
  const nodeModules = path.join(repoRoot, 'node_modules');
  const partFiles = findPartFiles(repoRoot);
  try {
    const result = await esbuild.build({
      entryPoints: [{ in: 'workbench:entry', out: 'app' }],
      absWorkingDir: repoRoot,
      outdir: path.join(repoRoot, 'temp', 'workbench'),
      bundle: true,
      write: false,
      metafile: true,
      format: 'iife',
      platform: 'browser',
      target: ['chrome109', 'edge109', 'firefox115', 'safari15'],
      sourcemap: 'linked',
      logLevel: 'silent',
      jsx: 'transform',
      define: { 'process.env.NODE_ENV': '"development"', global: 'globalThis' },
      loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.png': 'dataurl', '.svg': 'dataurl', '.gif': 'dataurl' },
      plugins: [
        noSpfxPlugin(),
        entryPlugin(repoRoot, clientMain),
        stringsPlugin(repoRoot, locale),
        scssPlugin(nodeModules)
      ]
    });
    const output = (extension: string): string =>
      result.outputFiles.find((file) => file.path.endsWith(extension))?.text ?? '';
    // Maps are served beside the locale's bundle (`app.<locale>.js.map`).
    const js = output('app.js').replace(/sourceMappingURL=app\.js\.map/, `sourceMappingURL=app.${locale}.js.map`);
    const css = output('app.css').replace(/sourceMappingURL=app\.css\.map/, `sourceMappingURL=app.${locale}.css.map`);
    const inputs = projectInputs(repoRoot, Object.keys(result.metafile.inputs).filter((input) => !input.includes(':')));
    for (const file of partFiles) {
      inputs.set(file, mtime(file));
    }
    return {
      ok: true,
      locale,
      version: createHash('sha256').update(js).update(css).digest('hex').slice(0, 12),
      js,
      css,
      map: output('app.js.map'),
      cssMap: output('app.css.map'),
      builtAt: new Date(),
      durationMs: Date.now() - started,
      warnings: toMessages(result.warnings),
      inputs,
      partFiles
    };
  } catch (error) {
    const errors: BuildMessage[] = isBuildFailure(error)
      ? toMessages(error.errors)
      : [{ text: error instanceof Error ? error.message : String(error) }];
    const files = errors.flatMap((message) => (message.location ? [message.location.file] : []));
    return { ok: false, locale, errors, inputs: projectInputs(repoRoot, [...files, ...partFiles]), partFiles };
  }
}

/** True when a source the bundle was built from changed, or parts were added or removed. */
export function isStale(repoRoot: string, built: BuildResult): boolean {
  const parts = findPartFiles(repoRoot);
  if (parts.length !== built.partFiles.length || parts.some((file, index) => file !== built.partFiles[index])) {
    return true;
  }
  if (!built.ok && built.inputs.size === 0) {
    return true;
  }
  for (const [file, time] of built.inputs) {
    if (mtime(file) !== time) {
      return true;
    }
  }
  return false;
}

/** One cached build per locale; concurrent requests share one build. */
export class BundleCache {
  private readonly builds = new Map<Locale, Promise<BuildResult>>();

  public constructor(private readonly repoRoot: string) {}

  /** The bundle of a locale: cached, or built now (`check` = rebuild if sources changed). */
  public async get(locale: Locale, options: { force?: boolean; check?: boolean } = {}): Promise<BuildResult> {
    let pending = this.builds.get(locale);
    if (pending && !options.force && options.check) {
      const built = await pending;
      const latest = this.builds.get(locale);
      if (latest && latest !== pending) {
        return latest;
      }
      if (isStale(this.repoRoot, built)) {
        pending = undefined;
      }
    }
    if (!pending || options.force) {
      pending = buildBundle(this.repoRoot, locale);
      this.builds.set(locale, pending);
    }
    return pending;
  }

  /** A build of this locale that is already done (assets are served from it). */
  public async current(locale: Locale): Promise<BuildResult> {
    return this.builds.get(locale) ?? this.get(locale);
  }
}
