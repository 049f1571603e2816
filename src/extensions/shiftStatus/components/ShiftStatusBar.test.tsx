import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';

import type { NextShiftView } from '../../../core/roster/rosterService';
import type { Shift } from '../../../core/roster/types';
import { ShiftStatusBar } from './ShiftStatusBar';

const NOW = new Date('2026-12-07T09:00:00Z');
const shift = (start: string, end: string): Shift => ({ id: 's', crewId: 'weld-2-a', start, end, status: 'scheduled' });

function bar(load: () => Promise<NextShiftView>): ReturnType<typeof render> {
  return render(<ShiftStatusBar roster={{ nextShiftView: load }} daysAhead={7} locale="en-us" timeZone="Europe/Stockholm" now={() => NOW} />);
}

describe('ShiftStatusBar', () => {
  it('says until when the person is on shift, in their time zone', async () => {
    bar(async () => ({ current: shift('2026-12-07T05:00:00Z', '2026-12-07T13:00:00Z'), crew: [], timeOff: [] }));
    expect(await screen.findByText('On shift now until 14:00.')).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Your shift' })).toBeTruthy();
  });

  it('names the next shift, or says there is none soon', async () => {
    const { unmount } = bar(async () => ({ next: shift('2026-12-08T21:00:00Z', '2026-12-09T05:00:00Z'), crew: [], timeOff: [] }));
    expect(await screen.findByText(/^Next shift: .*22:00 – .*06:00\.$/)).toBeTruthy();
    unmount();
    bar(async () => ({ crew: [], timeOff: [] }));
    expect(await screen.findByText('No shift in your roster for the coming days.')).toBeTruthy();
  });

  it('says when the roster could not be read, and reads it again on Try again', async () => {
    let calls = 0;
    bar(async () => {
      calls += 1;
      if (calls === 1) {
        throw new Error('Graph is down');
      }
      return { current: shift('2026-12-07T05:00:00Z', '2026-12-07T13:00:00Z'), crew: [], timeOff: [] };
    });
    expect(await screen.findByText('Your roster could not be read.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('On shift now until 14:00.')).toBeTruthy();
    expect(calls).toBe(2);
  });

  it('reads once across re-renders by its host (a page navigation re-renders the placeholder)', async () => {
    let calls = 0;
    const roster = {
      nextShiftView: async (): Promise<NextShiftView> => {
        calls += 1;
        return { crew: [], timeOff: [] };
      }
    };
    const view = (): React.ReactElement => <ShiftStatusBar roster={roster} daysAhead={7} locale="en-us" timeZone="Europe/Stockholm" now={() => NOW} />;
    const { rerender } = render(view());
    expect(await screen.findByText('No shift in your roster for the coming days.')).toBeTruthy();
    rerender(view());
    rerender(view());
    expect(screen.getByText('No shift in your roster for the coming days.')).toBeTruthy();
    expect(calls).toBe(1);
  });
});
