/**
 * The "Crew skills matrix" part for team leaders: the levels of the people they lead (their
 * direct reports in Entra ID) per station, and coverage per coming shift from the roster. What
 * SharePoint and the workbench host; it has no settings (the page's language and the device's
 * time zone decide how it reads).
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as strings from 'SkillsMatrixWebPartStrings';

import { deviceTimeZone } from '../../app/host/cardTypes';
import type { PartDefinition } from '../../app/host/types';
import { skillsMatrixOf } from '../../app/skillsMatrix';
import { ThemedPart } from '../../ui/host/ThemedPart';
import { SkillsMatrix } from '../../ui/skillsMatrix/SkillsMatrix';

export type ISkillsMatrixWebPartProps = Record<string, never>;

export const skillsMatrixPart: PartDefinition<ISkillsMatrixWebPartProps> = {
  id: '5e5ed8d1-d2f7-4519-98cd-db53b96275a2',
  alias: 'SkillsMatrixWebPart',
  kind: 'webPart',
  defaultProperties: {},
  propertyPane: () => ({
    description: strings.PropertyPaneDescription,
    groups: []
  }),
  render: (element, environment) => {
    ReactDom.render(
      <ThemedPart theme={environment.theme}>
        <SkillsMatrix source={skillsMatrixOf(environment.services)} locale={environment.locale} timeZone={deviceTimeZone()} />
      </ThemedPart>,
      element
    );
  },
  dispose: (element) => {
    ReactDom.unmountComponentAtNode(element);
  }
};
