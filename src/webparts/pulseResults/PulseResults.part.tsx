/**
 * The "Pulse results" part for HR and team leaders: overview, heatmap, trend and comments of the
 * latest pulse rounds, exactly as the relay released them to the person reading the page (HR the
 * whole plant, a leader their crews and the groups above them, anyone else the plant's figures).
 * What SharePoint and the workbench host; the relay decides who sees what from the token.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as strings from 'PulseResultsWebPartStrings';

import type { PartDefinition } from '../../app/host/types';
import { pulseResultsOf } from '../../app/pulseResults';
import { ThemedPart } from '../../ui/host/ThemedPart';
import { PulseResults } from '../../ui/pulseResults/PulseResults';

export interface IPulseResultsWebPartProps {
  /** The part's heading; empty for none (the page's own heading says it). */
  title: string;
}

export const pulseResultsPart: PartDefinition<IPulseResultsWebPartProps> = {
  id: 'f26d658e-6d02-4dd8-a258-ed0e5b8ad112',
  alias: 'PulseResultsWebPart',
  kind: 'webPart',
  defaultProperties: { title: '' },
  propertyPane: () => ({
    description: strings.PropertyPaneDescription,
    groups: [{ name: strings.SettingsGroupName, fields: [{ kind: 'text', name: 'title', label: strings.TitleLabel }] }]
  }),
  render: (element, environment, properties) => {
    const title = (properties.title ?? '').trim();
    const services = pulseResultsOf(environment.services);
    ReactDom.render(
      <ThemedPart theme={environment.theme}>
        <section aria-label={title || strings.DefaultTitle}>
          <PulseResults source={services.source} wordings={services.wordings} locale={environment.locale} heading={title} />
        </section>
      </ThemedPart>,
      element
    );
  },
  dispose: (element) => {
    ReactDom.unmountComponentAtNode(element);
  }
};
