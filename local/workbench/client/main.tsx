/**
 * Browser entry of the workbench. The generated entry module (see `../plugins.ts`) imports every
 * `src/**\/*.part.ts(x)` and calls `mountWorkbench` with their exports.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { initializeIcons } from '@fluentui/react/lib/Icons';

import { readConfig } from './config';
import { App } from './App';
import { createRegistry, PartModule, selectParts } from './registry';

export function mountWorkbench(modules: readonly PartModule[]): void {
  const root = document.getElementById('se-workbench');
  if (!root) {
    return;
  }
  try {
    // The icon fonts come from this server (node_modules), never from the Microsoft CDN.
    initializeIcons('/workbench/fonts/', { disableWarnings: true });
    const config = readConfig(document);
    const registry = selectParts(
      createRegistry(modules, config.manifests),
      new URLSearchParams(window.location.search).get('part')
    );
    ReactDom.render(<App config={config} registry={registry} />, root);
    // Unmounting disposes every hosted part, as leaving a SharePoint page does.
    window.addEventListener('pagehide', (event) => {
      if (!event.persisted) {
        ReactDom.unmountComponentAtNode(root);
      }
    });
  } catch (error) {
    const message = error instanceof Error ? error.stack ?? error.message : String(error);
    root.textContent = '';
    const heading = document.createElement('h1');
    heading.textContent = 'The workbench could not start';
    const details = document.createElement('pre');
    details.textContent = message;
    root.append(heading, details);
  }
}
