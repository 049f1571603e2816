/**
 * A labelled menu button for choices that reload the page (persona, language). A dropdown
 * would reload on every arrow key (a change of context on input, WCAG 3.2.2); a menu item is
 * chosen only with Enter, Space or a tap.
 */
import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import type { IContextualMenuItem } from '@fluentui/react/lib/ContextualMenu';
import { Label } from '@fluentui/react/lib/Label';

import { TOUCH } from './styles';

export interface SwitchMenuProps {
  readonly label: string;
  readonly options: ReadonlyArray<{ readonly key: string; readonly text: string }>;
  readonly selectedKey: string;
  onSelect(key: string): void;
}

let counter = 0;

export function SwitchMenu(props: SwitchMenuProps): React.ReactElement {
  const [ids] = React.useState(() => {
    counter += 1;
    return { label: `se-switch-label-${counter}`, button: `se-switch-button-${counter}` };
  });
  const current = props.options.find((option) => option.key === props.selectedKey);
  const items: IContextualMenuItem[] = props.options.map((option) => ({
    key: option.key,
    text: option.text,
    role: 'menuitemradio',
    canCheck: true,
    checked: option.key === props.selectedKey,
    itemProps: { styles: { root: { minHeight: TOUCH } } },
    styles: { root: { height: TOUCH, lineHeight: TOUCH } },
    onClick: () => props.onSelect(option.key)
  }));
  return (
    <div>
      <Label id={ids.label}>{props.label}</Label>
      <DefaultButton
        id={ids.button}
        aria-labelledby={`${ids.label} ${ids.button}`}
        text={current?.text ?? props.selectedKey}
        menuProps={{ items, ariaLabel: props.label }}
        styles={{
          root: { height: TOUCH, width: '100%', padding: '0 8px' },
          flexContainer: { width: '100%', justifyContent: 'space-between' },
          textContainer: { flexGrow: 1, textAlign: 'left' },
          label: { fontWeight: 400, margin: 0 }
        }}
      />
    </div>
  );
}
