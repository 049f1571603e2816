/** The workbench's HTML: the page that loads the bundle, and the page that shows a failed build. */
import * as path from 'path';

import type { BuildFailure } from './bundle';
import { CONFIG_ELEMENT_ID, WorkbenchConfig } from './shared';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON that is safe inside a `<script>` element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const BASE_STYLE = `
  html, body { margin: 0; padding: 0; }
  body { font-family: "Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto,
    "Helvetica Neue", Arial, sans-serif; -webkit-font-smoothing: antialiased; }
  #se-workbench-loading { padding: 24px; font-size: 16px; }
`;

export function workbenchPage(config: WorkbenchConfig): string {
  const asset = (ext: string): string => `/workbench/app.${config.locale}.${ext}?v=${config.bundleVersion}`;
  return `<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shopfloor Engage workbench</title>
<link rel="icon" href="data:,">
<style>${BASE_STYLE}</style>
<link rel="stylesheet" href="${asset('css')}">
<script>
  // Fluent UI would load Segoe UI from Microsoft's CDN: nothing leaves this server.
  window.FabricConfig = { fontBaseUrl: '' };
</script>
<script id="${CONFIG_ELEMENT_ID}" type="application/json">${scriptJson(config)}</script>
</head>
<body>
<div id="se-workbench"><p id="se-workbench-loading" role="status">Loading the workbench…</p></div>
<noscript>The workbench needs JavaScript.</noscript>
<script src="${asset('js')}"></script>
</body>
</html>
`;
}

export function buildErrorPage(failure: BuildFailure, repoRoot: string): string {
  const items = failure.errors
    .map((error) => {
      const where = error.location
        ? `<p class="where">${escapeHtml(path.relative(repoRoot, path.resolve(repoRoot, error.location.file)))}:` +
          `${error.location.line}:${error.location.column + 1}</p>` +
          `<pre>${escapeHtml(error.location.lineText)}\n${' '.repeat(error.location.column)}^</pre>`
        : '';
      return `<li>${where}<p>${escapeHtml(error.text)}</p></li>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Workbench build failed</title>
<link rel="icon" href="data:,">
<style>${BASE_STYLE}
  main { max-width: 960px; margin: 0 auto; padding: 16px; color: #201f1e; }
  h1 { color: #a4262c; font-size: 24px; }
  li { margin: 0 0 16px; padding: 12px; border-left: 4px solid #a4262c; background: #fdf3f4; list-style: none; }
  ul { padding: 0; }
  pre { overflow-x: auto; background: #faf9f8; padding: 8px; }
  .where { font-family: monospace; font-weight: 600; }
  a { display: inline-block; min-height: 48px; line-height: 48px; color: #005a9e; }
</style>
</head>
<body>
<main>
<h1>The workbench bundle (${escapeHtml(failure.locale)}) did not build</h1>
<p>esbuild reported ${failure.errors.length} error(s). Fix the source and reload; the bundle is rebuilt
when a file it uses changes.</p>
<ul>
${items}
</ul>
<p><a href="/?rebuild=1">Rebuild and reload</a></p>
</main>
</body>
</html>
`;
}

/** Served in place of the bundle when it failed: shows the failure instead of a blank page. */
export function buildErrorScript(failure: BuildFailure): string {
  const summary = failure.errors.map((error) => error.text).join('\n');
  return `document.body.innerHTML = '<main style="padding:16px"><h1>The workbench bundle did not build</h1>' +
  '<pre style="white-space:pre-wrap"></pre><p><a href="/?rebuild=1">Rebuild and reload</a></p></main>';
document.querySelector('pre').textContent = ${JSON.stringify(summary)};
`;
}
