/** Fluent UI style overrides of the workbench chrome: 48 px touch targets everywhere. */
import type { IDropdownStyles } from '@fluentui/react/lib/Dropdown';
import type { IPivotStyles } from '@fluentui/react/lib/Pivot';
import type { IToggleStyles } from '@fluentui/react/lib/Toggle';

export const TOUCH = 48;

export const DROPDOWN_STYLES: Partial<IDropdownStyles> = {
  title: { height: TOUCH, lineHeight: TOUCH - 2 },
  caretDownWrapper: { height: TOUCH, lineHeight: TOUCH - 2 },
  dropdownItem: { minHeight: TOUCH },
  dropdownItemSelected: { minHeight: TOUCH }
};

export const PIVOT_STYLES: Partial<IPivotStyles> = {
  link: { height: TOUCH, minWidth: TOUCH },
  linkIsSelected: { height: TOUCH, minWidth: TOUCH }
};

export const TOGGLE_STYLES: Partial<IToggleStyles> = {
  root: { minHeight: TOUCH, display: 'flex', flexDirection: 'column', justifyContent: 'center' },
  container: { minHeight: TOUCH, alignItems: 'center' },
  pill: { width: 52, height: 28, borderRadius: 14 },
  thumb: { width: 16, height: 16 }
};
