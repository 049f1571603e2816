/**
 * The "Pulse results" part for HR and team leaders: overview, heatmap, trend and comments (with
 * their anonymous threads: replies, and HR's hide) of the latest pulse rounds, exactly as the relay released them to the person reading the page (HR the
 * whole plant, a leader their crews and the groups above them, anyone else the plant's figures).
 * What SharePoint and the workbench host; the relay decides who sees what from the token.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as strings from 'PulseResultsWebPartStrings';

import type { PartDefinition } from '../../app/host/types';
import { pulseResultsOf } from '../../app/pulseResults';
import { pulsePlansOf } from '../../app/pulsePlans';
import { pulseThreadsOf } from '../../app/pulseThreads';
import { deviceTimeZone } from '../../app/host/cardTypes';
import { OnDemand, onDemand } from '../../ui/light/OnDemand';
import { Spinner } from '../../ui/light/Spinner';
import { ThemedPart } from '../../ui/host/ThemedPart';
import { PulseResults } from '../../ui/pulseResults/PulseResults';
import { commentActionsOf, threadsStatusOf } from './CommentActions';
import type { IPlansTabProps } from './PlansTab';

/** The action plans tab, in a chunk of its own (opened with the tab). */
const LazyPlansTab = onDemand<IPlansTabProps>(() => import(/* webpackChunkName: 'pulse-plans' */ './PlansTab').then((m) => m.PlansTab));

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
    const threads = pulseThreadsOf(environment.services).threads;
    ReactDom.render(
      <ThemedPart theme={environment.theme}>
        <section aria-label={title || strings.DefaultTitle}>
          <PulseResults
            source={services.source}
            locale={environment.locale}
            heading={title}
            commentActions={commentActionsOf(threads, environment.locale)}
            commentsStatus={threadsStatusOf(threads, environment.locale)}
            plans={{
              title: strings.PlansTab,
              render: (view) => (
                <OnDemand components={[LazyPlansTab]} fallback={<Spinner label={strings.Opening} />} failedText={strings.OpenFailed} retryText={strings.Retry}>
                  <LazyPlansTab plans={pulsePlansOf(environment.services)} view={view} locale={environment.locale} timeZone={deviceTimeZone()} />
                </OnDemand>
              )
            }}
          />
        </section>
      </ThemedPart>,
      element
    );
  },
  dispose: (element) => {
    ReactDom.unmountComponentAtNode(element);
  }
};
