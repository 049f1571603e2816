/**
 * The "Learning admin" part for HR and site owners: learning paths and their steps (written to
 * SharePoint as HR, which SharePoint allows HR and site owners only), quiz answers sealed by the
 * relay, and paths assigned through the relay. What SharePoint and the workbench host; it has no
 * settings (the page's language and the device's time zone decide how it reads).
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as strings from 'LearningAdminWebPartStrings';

import { deviceTimeZone } from '../../app/host/cardTypes';
import type { PartDefinition } from '../../app/host/types';
import { learningAdminOf } from '../../app/learningAdmin';
import { ThemedPart } from '../../ui/host/ThemedPart';
import { LearningAdmin } from '../../ui/learningAdmin/LearningAdmin';

export type ILearningAdminWebPartProps = Record<string, never>;

export const learningAdminPart: PartDefinition<ILearningAdminWebPartProps> = {
  id: '0d512d67-c281-454d-a68b-57f26de1a993',
  alias: 'LearningAdminWebPart',
  kind: 'webPart',
  defaultProperties: {},
  propertyPane: () => ({ description: strings.PropertyPaneDescription, groups: [] }),
  render: (element, environment) => {
    ReactDom.render(
      <ThemedPart theme={environment.theme}>
        <LearningAdmin sources={learningAdminOf(environment.services)} locale={environment.locale} timeZone={deviceTimeZone()} />
      </ThemedPart>,
      element
    );
  },
  dispose: (element) => {
    ReactDom.unmountComponentAtNode(element);
  }
};
