/**
 * The "My crew" part for team leaders: what SharePoint and the workbench host. Builds the
 * recognition services from the host environment (once per PnPjs root and person) and renders
 * the crew view.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as strings from 'CrewRecognitionWebPartStrings';

import { ThemedPart } from '../../ui/host/ThemedPart';
import { wholeNumberIn } from '../../app/host/properties';
import type { PartDefinition } from '../../app/host/types';
import { CrewRecognition } from './components';
import { siteCodeCheck } from '../../app/paneChecks';
import { recognitionOf } from '../../app/recognition';

export interface ICrewRecognitionWebPartProps {
  thresholdDays: number;
  showAnniversaries: boolean;
  siteCode: string;
}

export const DEFAULT_THRESHOLD_DAYS = 14;

/** The threshold in whole days, whatever the stored property holds. */
export function thresholdOf(properties: Partial<ICrewRecognitionWebPartProps>): number {
  return wholeNumberIn(properties.thresholdDays, 1, 365, DEFAULT_THRESHOLD_DAYS);
}

export const crewRecognitionPart: PartDefinition<ICrewRecognitionWebPartProps> = {
  id: '0b0d5e1c-8a2f-4f5e-9a67-3c1d2e4f5a61',
  alias: 'CrewRecognitionWebPart',
  kind: 'webPart',
  defaultProperties: { thresholdDays: DEFAULT_THRESHOLD_DAYS, showAnniversaries: true, siteCode: '' },
  propertyPane: (environment) => ({
    description: strings.PropertyPaneDescription,
    groups: [
      {
        name: strings.SettingsGroupName,
        fields: [
          { kind: 'number', name: 'thresholdDays', label: strings.ThresholdDaysLabel, min: 1, max: 90 },
          { kind: 'toggle', name: 'showAnniversaries', label: strings.ShowAnniversariesLabel },
          { kind: 'text', name: 'siteCode', label: strings.SiteCodeLabel, validate: environment && siteCodeCheck(environment) }
        ]
      }
    ]
  }),
  render: (element, environment, properties) => {
    const services = recognitionOf(environment.services);
    ReactDom.render(
      <ThemedPart theme={environment.theme}>
        <CrewRecognition
          directory={services.directory}
          store={services.crewStore}
          giver={services.recognition}
          giverName={environment.user.displayName}
          locale={environment.locale}
          thresholdDays={thresholdOf(properties)}
          showAnniversaries={properties.showAnniversaries !== false}
          siteCode={(properties.siteCode ?? '').trim()}
        />
      </ThemedPart>,
      element
    );
  },
  dispose: (element) => {
    ReactDom.unmountComponentAtNode(element);
  }
};
