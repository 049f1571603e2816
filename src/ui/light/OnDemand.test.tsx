import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';

import { OnceShown, OnDemand, onDemand } from './OnDemand';

function Greeting(props: { name: string }): React.ReactElement {
  return <p>Hello {props.name}</p>;
}

describe('onDemand', () => {
  it('shows the fallback while the chunk loads, then the component', async () => {
    const Lazy = onDemand<{ name: string }>(() => Promise.resolve(Greeting));
    render(
      <OnDemand components={[Lazy]} fallback={<p>Opening…</p>} failedText="Could not open." retryText="Try again">
        <Lazy name="Åsa" />
      </OnDemand>
    );
    expect(screen.getByText('Opening…')).toBeTruthy();
    expect(await screen.findByText('Hello Åsa')).toBeTruthy();
  });

  it('says so when the chunk could not load, and loads it again on "Try again"', async () => {
    let attempts = 0;
    const Lazy = onDemand<{ name: string }>(() => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('ChunkLoadError: offline')) : Promise.resolve(Greeting);
    });
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the caught error
    try {
      render(
        <OnDemand components={[Lazy]} fallback={<p>Opening…</p>} failedText="Could not open." retryText="Try again">
          <Lazy name="Seán" />
        </OnDemand>
      );
      expect(await screen.findByText('Could not open.')).toBeTruthy();
      // A shop-floor target (`.target`: 48 × 48 px), not the light button's 32 px.
      expect(screen.getByRole('button', { name: 'Try again' }).className.split(' ')).toContain('target');
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
      expect(await screen.findByText('Hello Seán')).toBeTruthy();
      expect(attempts).toBe(2);
    } finally {
      error.mockRestore();
    }
  });

  it('starts loading on preload, once', async () => {
    const load = jest.fn(() => Promise.resolve(Greeting));
    const Lazy = onDemand<{ name: string }>(load);
    Lazy.preload();
    Lazy.preload();
    render(
      <OnDemand components={[Lazy]} fallback={<p>Opening…</p>} failedText="Could not open." retryText="Try again">
        <Lazy name="Mira" />
      </OnDemand>
    );
    expect(await screen.findByText('Hello Mira')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('OnceShown', () => {
  it('renders its children from the first time it is shown on, and keeps them', () => {
    const { rerender } = render(
      <OnceShown when={false}>
        <p>Panel</p>
      </OnceShown>
    );
    expect(screen.queryByText('Panel')).toBeNull();
    rerender(
      <OnceShown when={true}>
        <p>Panel</p>
      </OnceShown>
    );
    expect(screen.getByText('Panel')).toBeTruthy();
    rerender(
      <OnceShown when={false}>
        <p>Panel</p>
      </OnceShown>
    );
    expect(screen.getByText('Panel')).toBeTruthy();
  });
});
