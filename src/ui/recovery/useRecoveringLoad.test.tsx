import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { LOAD_DEADLINE_MS } from '../../core/recovery';
import { useRecoveringLoad } from './useRecoveringLoad';

function Probe(props: { read: () => Promise<string> }): React.ReactElement {
  const { state, reload } = useRecoveringLoad(props.read, 'Loading the probe');
  return (
    <div>
      <p data-testid="state">{state.kind === 'loaded' ? `loaded ${state.data}` : state.kind === 'failed' ? `failed ${(state.error as Error).message}` : 'loading'}</p>
      <button onClick={() => reload()}>Try again</button>
    </div>
  );
}

const shown = (): string => screen.getByTestId('state').textContent ?? '';

async function advance(ms: number): Promise<void> {
  await act(async () => {
    jest.advanceTimersByTime(ms);
    await Promise.resolve();
  });
}

describe('useRecoveringLoad', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('fails a load that never ends at its deadline, instead of loading for ever', async () => {
    render(<Probe read={() => new Promise<string>(() => undefined)} />);
    expect(shown()).toBe('loading');
    await advance(LOAD_DEADLINE_MS - 1);
    expect(shown()).toBe('loading');
    await advance(1);
    expect(shown()).toBe('failed Loading the probe: no answer within 10 s');
  });

  it('loads again by itself while it failed, keeping the error up until the answer is in', async () => {
    let calls = 0;
    const read = jest.fn(async () => {
      calls += 1;
      if (calls < 3) {
        throw new Error('SharePoint is down');
      }
      return 'the values';
    });
    render(<Probe read={read} />);
    await advance(0);
    expect(shown()).toBe('failed SharePoint is down');
    // The next try after about 3 s fails too: the error stays, never Loading in between.
    await advance(3_600);
    expect(read).toHaveBeenCalledTimes(2);
    expect(shown()).toBe('failed SharePoint is down');
    // Then after about 6 s: SharePoint is back.
    await advance(7_200);
    expect(read).toHaveBeenCalledTimes(3);
    expect(shown()).toBe('loaded the values');
    await advance(120_000);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('loads at once on "Try again", showing Loading', async () => {
    let fail = true;
    const read = jest.fn(async () => {
      if (fail) {
        throw new Error('Graph is down');
      }
      return 'the crew';
    });
    render(<Probe read={read} />);
    await advance(0);
    expect(shown()).toBe('failed Graph is down');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(shown()).toBe('loading');
    await advance(0);
    expect(shown()).toBe('loaded the crew');
    expect(read).toHaveBeenCalledTimes(2);
  });
});
