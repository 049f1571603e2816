import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';

import { Switch } from './Switch';

function Harness(props: { disabled?: boolean; onChange?: (checked: boolean) => void }): React.ReactElement {
  const [checked, setChecked] = React.useState(false);
  return (
    <Switch
      label="Only my crew"
      checked={checked}
      disabled={props.disabled}
      onText="On"
      offText="Off"
      onChange={(next) => {
        props.onChange?.(next);
        setChecked(next);
      }}
    />
  );
}

describe('Switch', () => {
  it('is named by its label, and a tap on the label flips it (the whole row is the target)', () => {
    const changes: boolean[] = [];
    render(<Harness onChange={(c) => changes.push(c)} />);
    const toggle = screen.getByRole('switch', { name: 'Only my crew' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    const row = toggle.closest('label');
    expect(row).not.toBeNull();
    expect(row?.contains(screen.getByText('Only my crew'))).toBe(true);
    expect(row?.contains(screen.getByText('Off'))).toBe(true);
    fireEvent.click(screen.getByText('Only my crew'));
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByText('On'));
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(changes).toEqual([true, false]);
  });

  it('flips once when the switch itself is tapped (the label does not pass the click on again)', () => {
    const changes: boolean[] = [];
    render(<Harness onChange={(c) => changes.push(c)} />);
    fireEvent.click(screen.getByRole('switch', { name: 'Only my crew' }));
    expect(changes).toEqual([true]);
  });

  it('does nothing while disabled, from the label or the switch', () => {
    const changes: boolean[] = [];
    render(<Harness disabled={true} onChange={(c) => changes.push(c)} />);
    fireEvent.click(screen.getByText('Only my crew'));
    fireEvent.click(screen.getByRole('switch', { name: 'Only my crew' }));
    expect(changes).toEqual([]);
  });
});
