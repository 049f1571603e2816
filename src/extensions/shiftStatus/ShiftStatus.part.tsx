/**
 * The "Shift status" application customizer: one line at the top of every page of the site
 * telling the signed-in person whether they are on shift now and until when, or when their
 * next shift starts (Teams Shifts through the page's shared roster service). What SharePoint
 * and the workbench host; the customizer host renders it into the page's top placeholder.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as strings from 'ShiftStatusApplicationCustomizerStrings';

import { deviceTimeZone } from '../../app/host/cardTypes';
import { wholeNumberIn } from '../../app/host/properties';
import type { PartDefinition } from '../../app/host/types';
import { rosterOf } from '../../app/roster';
import { ShiftStatusBar } from './components/ShiftStatusBar';

export interface IShiftStatusProperties {
  /** How many days ahead the next shift is looked for (1–14). */
  daysAhead: number;
}

export const DEFAULT_DAYS_AHEAD = 7;

export function daysAheadOf(properties: Partial<IShiftStatusProperties>): number {
  return wholeNumberIn(properties.daysAhead, 1, 14, DEFAULT_DAYS_AHEAD);
}

export const shiftStatusPart: PartDefinition<IShiftStatusProperties> = {
  id: 'b6a1f0d2-6c39-4a54-9d8e-3f1e2a7c5b90',
  alias: 'ShiftStatusApplicationCustomizer',
  kind: 'applicationCustomizer',
  defaultProperties: { daysAhead: DEFAULT_DAYS_AHEAD },
  propertyPane: () => ({
    description: strings.PropertyPaneDescription,
    groups: [{ name: strings.SettingsGroupName, fields: [{ kind: 'number', name: 'daysAhead', label: strings.DaysAheadLabel, min: 1, max: 14 }] }]
  }),
  render: (element, environment, properties) => {
    ReactDom.render(
      <ShiftStatusBar
        roster={rosterOf(environment.services)}
        daysAhead={daysAheadOf(properties)}
        locale={environment.locale}
        timeZone={deviceTimeZone()}
        now={() => new Date()}
      />,
      element
    );
  },
  dispose: (element) => {
    ReactDom.unmountComponentAtNode(element);
  }
};
