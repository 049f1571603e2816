/**
 * A part's property pane description turned into SPFx's property pane. Its own module so web
 * parts and cards share it without cards loading the web part base class.
 */
import {
  type IPropertyPaneConfiguration,
  type IPropertyPaneField,
  PropertyPaneDropdown,
  PropertyPaneSlider,
  PropertyPaneTextField,
  PropertyPaneToggle
} from '@microsoft/sp-property-pane';

import type { PropertyField, PropertyPaneDescription } from './types';

function toPaneField(field: PropertyField): IPropertyPaneField<unknown> {
  switch (field.kind) {
    case 'toggle':
      return PropertyPaneToggle(field.name, { label: field.label });
    case 'text':
      return PropertyPaneTextField(field.name, {
        label: field.label,
        multiline: field.multiline,
        onGetErrorMessage: field.validate,
        // A check that reads the site waits until the editor stops typing.
        deferredValidationTime: field.validate ? 500 : undefined
      });
    case 'number':
      return PropertyPaneSlider(field.name, {
        label: field.label,
        min: field.min ?? 0,
        max: field.max ?? 100,
        step: 1
      });
    case 'dropdown':
      return PropertyPaneDropdown(field.name, {
        label: field.label,
        options: field.options.map((o) => ({ key: o.key, text: o.text }))
      });
  }
}

export function toPropertyPane(description: PropertyPaneDescription): IPropertyPaneConfiguration {
  return {
    pages: [
      {
        header: { description: description.description },
        groups: description.groups.map((group) => ({
          groupName: group.name,
          groupFields: group.fields.map(toPaneField)
        }))
      }
    ]
  };
}

