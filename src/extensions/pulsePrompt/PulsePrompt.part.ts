/**
 * The "Pulse prompt" application customizer: a small line at the top of every page of the site,
 * only while the signed-in person is on shift (Teams Shifts) and a pulse round is open and
 * unanswered for them. The part definition is what the workbench hosts; SharePoint's customizer
 * (`PulsePromptApplicationCustomizer.ts`) renders the same line from the page's own clients.
 */
import type { PartDefinition } from '../../app/host/types';
import { mountPromptLine, type PromptLineHandle } from './components/PulsePromptLine';
import { promptHostOf, sharePointGet } from './promptHost';
import type { IPulsePromptProperties } from './PulsePromptProperties';

export type { IPulsePromptProperties };

const lines = new WeakMap<HTMLElement, PromptLineHandle>();

export const pulsePromptPart: PartDefinition<IPulsePromptProperties> = {
  id: '279410ed-cd6a-464c-abb1-e1671f134568',
  alias: 'PulsePromptApplicationCustomizer',
  kind: 'applicationCustomizer',
  defaultProperties: {},
  propertyPane: () => ({ description: '', groups: [] }),
  render: (element, environment) => {
    const { services } = environment;
    const host = promptHostOf({
      // The services' Graph client: the product's deadline on every request.
      graph: services.connections.graph,
      // The host's SharePoint is on the page's origin, signed in by its cookies.
      sharePoint: sharePointGet(environment.webUrl, (url, headers) => fetch(url, { credentials: 'same-origin', headers })),
      relayFetch: environment.aadFetch,
      user: environment.user,
      locale: environment.locale,
      theme: environment.theme,
      device: services.device,
      answers: () => import(/* webpackChunkName: 'pulse-survey' */ '../../app/pulse').then((m) => m.pulseOf(services).answers)
    });
    const line = lines.get(element);
    if (line) {
      line.update(host);
    } else {
      lines.set(element, mountPromptLine(element, host));
    }
  },
  dispose: (element) => {
    lines.get(element)?.dispose();
    lines.delete(element);
  }
};
