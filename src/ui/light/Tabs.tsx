/**
 * Tabs like Fluent UI's Pivot, as the ARIA tabs pattern: one tab stop (the selected tab),
 * arrow keys, Home and End move between tabs and select them; only the selected panel is
 * rendered (so a tab's content, and its code, load when it is first chosen).
 */
import * as React from 'react';

import styles from './Light.module.scss';
import { useId } from './useId';

export interface ITab {
  readonly key: string;
  readonly title: string;
  render(): React.ReactNode;
}

export interface ITabsProps {
  readonly tabs: readonly ITab[];
  /** Names the tab list for assistive technology. */
  readonly label?: string;
  readonly className?: string;
}

export function Tabs(props: ITabsProps): React.ReactElement {
  const { tabs } = props;
  const [selected, setSelected] = React.useState(tabs[0]?.key ?? '');
  const buttons = React.useRef(new Map<string, HTMLButtonElement>());
  const id = useId('se-tabs');
  const index = Math.max(0, tabs.findIndex((tab) => tab.key === selected));
  const current = tabs[index];

  const select = (to: number): void => {
    const tab = tabs[(to + tabs.length) % tabs.length];
    setSelected(tab.key);
    buttons.current.get(tab.key)?.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const next = rtl ? 'ArrowLeft' : 'ArrowRight';
    const previous = rtl ? 'ArrowRight' : 'ArrowLeft';
    const moves: Record<string, number> = { [next]: index + 1, [previous]: index - 1, Home: 0, End: tabs.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      select(moves[event.key]);
    }
  };

  return (
    <div className={props.className}>
      <div role="tablist" aria-label={props.label} className={styles.tabList} onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const isSelected = tab.key === current?.key;
          return (
            <button
              key={tab.key}
              ref={(element) => {
                if (element) {
                  buttons.current.set(tab.key, element);
                } else {
                  buttons.current.delete(tab.key);
                }
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${tab.key}`}
              aria-selected={isSelected}
              aria-controls={isSelected ? `${id}-panel` : undefined}
              tabIndex={isSelected ? 0 : -1}
              className={styles.tab}
              onClick={() => setSelected(tab.key)}
            >
              {tab.title}
            </button>
          );
        })}
      </div>
      {current && (
        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${current.key}`}>
          {current.render()}
        </div>
      )}
    </div>
  );
}
