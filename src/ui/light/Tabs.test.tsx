import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';

import { Tabs } from './Tabs';

function renderTabs(): void {
  render(
    <Tabs
      label="Admin"
      tabs={[
        { key: 'values', title: 'Values', render: () => <p>Values panel</p> },
        { key: 'moderation', title: 'Moderation', render: () => <p>Moderation panel</p> },
        { key: 'settings', title: 'Settings', render: () => <p>Settings panel</p> }
      ]}
    />
  );
}

describe('Tabs', () => {
  it('shows the first tab, one tab stop, and the panel named by its tab', () => {
    renderTabs();
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => [t.textContent, t.getAttribute('aria-selected'), t.tabIndex])).toEqual([
      ['Values', 'true', 0],
      ['Moderation', 'false', -1],
      ['Settings', 'false', -1]
    ]);
    expect(screen.getByRole('tabpanel', { name: 'Values' }).textContent).toBe('Values panel');
    expect(screen.queryByText('Moderation panel')).toBeNull();
  });

  it('selects with a click, and with arrow keys, Home and End (focus follows)', () => {
    renderTabs();
    fireEvent.click(screen.getByRole('tab', { name: 'Moderation' }));
    expect(screen.getByRole('tabpanel', { name: 'Moderation' })).toBeTruthy();
    const list = screen.getByRole('tablist', { name: 'Admin' });
    fireEvent.keyDown(list, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Settings' })).toBe(document.activeElement);
    expect(screen.getByText('Settings panel')).toBeTruthy();
    fireEvent.keyDown(list, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Values', selected: true })).toBe(document.activeElement);
    fireEvent.keyDown(list, { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { name: 'Settings', selected: true })).toBeTruthy();
    fireEvent.keyDown(list, { key: 'Home' });
    expect(screen.getByRole('tab', { name: 'Values', selected: true })).toBeTruthy();
    fireEvent.keyDown(list, { key: 'End' });
    expect(screen.getByRole('tab', { name: 'Settings', selected: true })).toBeTruthy();
  });
});
