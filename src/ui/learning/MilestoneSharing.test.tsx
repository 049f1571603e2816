import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { MilestoneSharing, type MilestoneSharingSource } from './MilestoneSharing';

function fakeSource(allowed: boolean, failSave = false): MilestoneSharingSource & { saved: boolean[] } {
  const saved: boolean[] = [];
  return {
    saved,
    milestoneSharing: () => Promise.resolve(allowed),
    setMilestoneSharing: (next) => {
      saved.push(next);
      return failSave ? Promise.reject(new Error('offline')) : Promise.resolve();
    }
  };
}

describe('MilestoneSharing', () => {
  it('is off by default, and switched on it saves the person’s choice', async () => {
    const source = fakeSource(false);
    render(<MilestoneSharing source={source} locale="en-us" />);
    const toggle = await screen.findByRole('switch', { name: 'Share my finished learning paths on the recognition wall' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    await act(async () => {
      fireEvent.click(toggle);
    });
    expect(source.saved).toEqual([true]);
    expect(toggle.getAttribute('aria-checked')).toBe('true');
  });

  it('shows the stored choice in Dutch and Swedish, and switches it off', async () => {
    const source = fakeSource(true);
    const { unmount } = render(<MilestoneSharing source={source} locale="nl-nl" />);
    const nl = await screen.findByRole('switch', { name: 'Mijn afgeronde leerpaden delen op de waarderingsmuur' });
    expect(nl.getAttribute('aria-checked')).toBe('true');
    await act(async () => {
      fireEvent.click(nl);
    });
    expect(source.saved).toEqual([false]);
    unmount();
    render(<MilestoneSharing source={fakeSource(false)} locale="sv-se" />);
    expect(await screen.findByRole('switch', { name: 'Dela mina slutförda utbildningsvägar på erkännandeväggen' })).toBeTruthy();
  });

  it('puts the switch back and says so when the choice cannot be saved', async () => {
    render(<MilestoneSharing source={fakeSource(false, true)} locale="en-us" />);
    const toggle = await screen.findByRole('switch');
    await act(async () => {
      fireEvent.click(toggle);
    });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(screen.getByText('Your choice was not saved. Check your connection and try again.')).toBeTruthy();
  });

  it('says the choice cannot be read, with no switch to flip', async () => {
    render(<MilestoneSharing source={{ milestoneSharing: () => Promise.reject(new Error('503')), setMilestoneSharing: () => Promise.resolve() }} locale="en-us" />);
    expect(await screen.findByText('Your choice to share finished paths cannot be read now. Try again later.')).toBeTruthy();
    expect(screen.queryByRole('switch')).toBeNull();
  });
});
