/**
 * The workbench: a page that hosts every part of the product the way SharePoint would (a
 * HostEnvironment with PnPjs pointed at the local site, the signed-in persona, locale, theme and
 * edit mode), plus a view of the tenant's data.
 *
 *   GET /                              the page (`?locale=nl-nl`, `?rebuild=1`)
 *   GET /workbench/app.<locale>.js     the bundle (built with esbuild on first request)
 *   GET /workbench/app.<locale>.css    its CSS (CSS modules of the parts and the workbench)
 *   GET /workbench/app.<locale>.{js,css}.map   source maps
 *   GET /workbench/fonts/<name>.woff   Fluent UI icon fonts, from node_modules (no CDN)
 */
import * as fs from 'fs';
import * as path from 'path';

import type { TenantContext } from '../server/context';
import type { Handler, LocalRequest, LocalResponse } from '../server/types';
import { text } from '../server/types';
import { BundleCache } from './bundle';
import { DEFAULT_LOCALE, isLocale, Locale, LOCALES, readManifests } from './discovery';
import { buildErrorPage, buildErrorScript, workbenchPage } from './page';
import { personaOptions, toOption } from './personas';
import { DIGEST_TIMEOUT_SECONDS } from '../sharepoint/digests';
import { LOCALE_COOKIE, WorkbenchConfig } from './shared';

const PAGE_PATHS = new Set(['/', '/index.html', '/workbench', '/workbench/']);
const ASSET = /^\/workbench\/app\.([a-z]{2}-[a-z]{2})\.(js|css|js\.map|css\.map)$/;
const FONT = /^\/workbench\/fonts\/([\w.-]+\.woff2?)$/;

const NO_STORE = { 'cache-control': 'no-store' };

function cookie(request: LocalRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** `?locale=` first, then the workbench's cookie, then English. */
export function requestLocale(request: LocalRequest): Locale {
  const fromQuery = request.query.get('locale')?.toLowerCase();
  if (isLocale(fromQuery)) {
    return fromQuery;
  }
  const fromCookie = cookie(request, LOCALE_COOKIE)?.toLowerCase();
  return isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
}

function html(status: number, body: string): LocalResponse {
  return { status, headers: { 'content-type': 'text/html;charset=utf-8', ...NO_STORE }, body };
}

/** Serves the workbench page and its assets; undefined for other paths. */
export function createWorkbenchHandler(context: TenantContext): Handler {
  const bundles = new BundleCache(context.repoRoot);
  const fontsDir = path.join(context.repoRoot, 'node_modules', '@fluentui', 'font-icons-mdl2', 'fonts');

  const page = async (request: LocalRequest): Promise<LocalResponse> => {
    const locale = requestLocale(request);
    const built = await bundles.get(locale, { force: request.query.get('rebuild') === '1', check: true });
    if (!built.ok) {
      return html(500, buildErrorPage(built, context.repoRoot));
    }
    const user = toOption(request.user);
    const personas = personaOptions(context.directory, request.user);
    const config: WorkbenchConfig = {
      siteUrl: `${request.origin}${context.siteUrlPath}`,
      graphUrl: `${request.origin}/graph/v1.0`,
      locale,
      locales: LOCALES,
      user: personas.find((option) => option.id === user.id) ?? user,
      personas,
      manifests: readManifests(context.repoRoot, locale),
      bundleVersion: built.version,
      ...(context.digests ? { formDigest: { value: context.digests.issue(), timeoutSeconds: DIGEST_TIMEOUT_SECONDS } } : {})
    };
    return html(200, workbenchPage(config));
  };

  const asset = async (locale: string, kind: string): Promise<LocalResponse> => {
    if (!isLocale(locale)) {
      return text(404, `No workbench bundle for ${locale}; locales: ${LOCALES.join(', ')}.`);
    }
    const built = await bundles.current(locale);
    if (!built.ok) {
      return kind === 'js'
        ? { status: 500, headers: { 'content-type': 'text/javascript;charset=utf-8', ...NO_STORE }, body: buildErrorScript(built) }
        : text(500, built.errors.map((error) => error.text).join('\n'));
    }
    const headers = { 'cache-control': 'no-cache', etag: `"${built.version}"` };
    if (kind === 'js') {
      return { status: 200, headers: { 'content-type': 'text/javascript;charset=utf-8', ...headers }, body: built.js };
    }
    if (kind === 'css') {
      return { status: 200, headers: { 'content-type': 'text/css;charset=utf-8', ...headers }, body: built.css };
    }
    const map = kind === 'css.map' ? built.cssMap : built.map;
    return { status: 200, headers: { 'content-type': 'application/json;charset=utf-8', ...headers }, body: map };
  };

  const font = async (name: string): Promise<LocalResponse> => {
    try {
      const body = await fs.promises.readFile(path.join(fontsDir, name));
      return { status: 200, headers: { 'content-type': 'font/woff', 'cache-control': 'max-age=86400' }, body };
    } catch {
      return text(404, `No icon font ${name}.`);
    }
  };

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return undefined;
    }
    if (PAGE_PATHS.has(request.path)) {
      return page(request);
    }
    const assetMatch = ASSET.exec(request.path);
    if (assetMatch) {
      return asset(assetMatch[1], assetMatch[2]);
    }
    const fontMatch = FONT.exec(request.path);
    if (fontMatch) {
      return font(fontMatch[1]);
    }
    return undefined;
  };
}
