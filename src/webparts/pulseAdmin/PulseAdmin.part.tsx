/**
 * The "Pulse admin" part for HR: pulse surveys, the question bank, a preview as an employee, and
 * schedule, pause, resume and close. What SharePoint and the workbench host; SharePoint itself
 * enforces who may write (HR and site owners), and the relay's timer opens and closes rounds.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as strings from 'PulseAdminWebPartStrings';

import { ThemedPart } from '../../ui/host/ThemedPart';
import type { PartDefinition } from '../../app/host/types';
import { pulseAdminOf } from '../../app/pulseAdmin';
import { PulseAdmin } from './components';

// No settings: the part shows what SharePoint lets the person do, and the relay's state.
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface IPulseAdminWebPartProps {}

export const pulseAdminPart: PartDefinition<IPulseAdminWebPartProps> = {
  id: '97e54aab-4ecf-4ce7-818a-cf361244216d',
  alias: 'PulseAdminWebPart',
  kind: 'webPart',
  defaultProperties: {},
  propertyPane: () => ({ description: strings.PropertyPaneDescription, groups: [] }),
  render: (element, environment) => {
    ReactDom.render(
      <ThemedPart theme={environment.theme}>
        <PulseAdmin services={pulseAdminOf(environment.services)} locale={environment.locale} />
      </ThemedPart>,
      element
    );
  },
  dispose: (element) => {
    ReactDom.unmountComponentAtNode(element);
  }
};
