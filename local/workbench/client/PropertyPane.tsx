/**
 * A simplified property pane: renders the part's own pane description (`propertyPane()`) with
 * Fluent UI controls. Like SharePoint's reactive pane, each change re-renders the part at once.
 */
import * as React from 'react';
import { DefaultButton, IconButton } from '@fluentui/react/lib/Button';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Slider } from '@fluentui/react/lib/Slider';
import { TextField } from '@fluentui/react/lib/TextField';
import { Toggle } from '@fluentui/react/lib/Toggle';

import type { HostEnvironment, PropertyField, PropertyPaneDescription } from '../../../src/app/host/types';
import type { RegisteredPart } from './registry';
import { DROPDOWN_STYLES, TOGGLE_STYLES } from './styles';
import styles from './workbench.module.scss';

export interface PropertyPaneProps {
  readonly part: RegisteredPart;
  readonly properties: Readonly<Record<string, unknown>>;
  /** The part's environment: the pane's checks read the site through it, as in SharePoint. */
  readonly environment?: HostEnvironment;
  onChange(name: string, value: unknown): void;
  onReset(): void;
  onClose(): void;
}

function Field(props: { field: PropertyField; value: unknown; onChange(value: unknown): void }): React.ReactElement {
  const { field, value, onChange } = props;
  switch (field.kind) {
    case 'toggle':
      return (
        <Toggle
          label={field.label}
          checked={value === true}
          onText="On"
          offText="Off"
          styles={TOGGLE_STYLES}
          onChange={(_event, checked) => onChange(Boolean(checked))}
        />
      );
    case 'text':
      return (
        <TextField
          label={field.label}
          multiline={field.multiline}
          value={typeof value === 'string' ? value : ''}
          styles={{ fieldGroup: { minHeight: 48 } }}
          onChange={(_event, text) => onChange(text ?? '')}
          // As SharePoint's pane: the part's check, once the editor stops typing.
          onGetErrorMessage={field.validate}
          deferredValidationTime={field.validate ? 500 : undefined}
        />
      );
    case 'number': {
      const min = field.min ?? 0;
      const max = field.max ?? 100;
      return (
        <Slider
          label={field.label}
          min={min}
          max={max}
          step={1}
          showValue
          value={typeof value === 'number' ? value : min}
          styles={{ slideBox: { height: 48 } }}
          onChange={(number) => onChange(number)}
        />
      );
    }
    case 'dropdown':
      return (
        <Dropdown
          label={field.label}
          options={field.options.map((option) => ({ key: option.key, text: option.text }))}
          selectedKey={typeof value === 'string' ? value : null}
          styles={DROPDOWN_STYLES}
          onChange={(_event, option) => option && onChange(String(option.key))}
        />
      );
  }
}

export function PropertyPane(props: PropertyPaneProps): React.ReactElement {
  const { part, properties } = props;
  let pane: PropertyPaneDescription | undefined;
  let failure: string | undefined;
  try {
    pane = part.definition.propertyPane(props.environment);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  const headingId = 'se-property-pane-heading';
  return (
    <aside id="se-property-pane" className={styles.propertyPane} aria-labelledby={headingId}>
      <div className={styles.paneHeader}>
        <h2 id={headingId} className={styles.paneHeading}>
          {part.title}
        </h2>
        <IconButton
          className={styles.touch}
          iconProps={{ iconName: 'Cancel' }}
          title="Close the property pane"
          ariaLabel="Close the property pane"
          onClick={props.onClose}
        />
      </div>
      {failure && <MessageBar messageBarType={MessageBarType.error}>propertyPane() threw: {failure}</MessageBar>}
      {pane && <p className={styles.paneDescription}>{pane.description}</p>}
      {pane?.groups.map((group, index) => (
        <div key={group.name} role="group" aria-labelledby={`se-pane-group-${index}`} className={styles.paneGroup}>
          <h3 id={`se-pane-group-${index}`} className={styles.paneGroupName}>
            {group.name}
          </h3>
          {group.fields.map((field) => (
            <div key={field.name} className={styles.paneField}>
              <Field field={field} value={properties[field.name]} onChange={(value) => props.onChange(field.name, value)} />
            </div>
          ))}
        </div>
      ))}
      {pane && pane.groups.length === 0 && <p>This part has no properties.</p>}
      <DefaultButton className={styles.touch} text="Reset to defaults" onClick={props.onReset} />
    </aside>
  );
}
