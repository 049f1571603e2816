import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';

import { Notice } from './Notice';

describe('Notice', () => {
  it('is a live region of its own (errors assertive), with a named close button', () => {
    const dismissed: string[] = [];
    render(
      <>
        <Notice type="success">Sent.</Notice>
        <Notice type="error" onDismiss={() => dismissed.push('error')} dismissLabel="Close">
          Not sent.
        </Notice>
      </>
    );
    expect(screen.getByText('Sent.').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByText('Not sent.').getAttribute('aria-live')).toBe('assertive');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(dismissed).toEqual(['error']);
  });

  it('is no live region when the part announces its notices itself', () => {
    render(
      <Notice type="success" live={false}>
        Sent.
      </Notice>
    );
    const text = screen.getByText('Sent.');
    expect(text.getAttribute('aria-live')).toBeNull();
    expect(text.getAttribute('role')).toBeNull();
  });
});
