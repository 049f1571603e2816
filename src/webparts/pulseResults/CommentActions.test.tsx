/**
 * The results part's comment threads: one read of the threads for every row, a row's own change
 * starting its thread afresh, and what is typed under another comment kept meanwhile.
 */
import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';

import type { PulseThreadsBody, PulseThreadsSource } from '../../core/pulse/threads/wire';
import type { CommentView } from '../../ui/pulseResults/resultsView';
import { commentActionsOf } from './CommentActions';

const A = `k1:${'aa'.repeat(32)}`;
const B = `k1:${'bb'.repeat(32)}`;

class FakeThreads implements PulseThreadsSource {
  public reads = 0;
  public replies: Array<[string, string]> = [];
  public failNextRead = false;

  public threads(): Promise<PulseThreadsBody> {
    this.reads += 1;
    if (this.failNextRead) {
      this.failNextRead = false;
      return Promise.reject(new Error('offline'));
    }
    return Promise.resolve({
      viewer: { role: 'hr' },
      threads: this.replies.map(([threadId, text]) => ({ roundId: 1, threadId, status: 'visible' as const, messages: [{ role: 'hr' as const, text }] }))
    });
  }
  public reply(threadId: string, text: string): Promise<void> {
    this.replies.push([threadId, text]);
    return Promise.resolve();
  }
  public setHidden(): Promise<void> {
    return Promise.resolve();
  }
  public mine(): Promise<never> {
    return Promise.reject(new Error('not used'));
  }
  public answer(): Promise<void> {
    return Promise.resolve();
  }
  public remove(): Promise<void> {
    return Promise.resolve();
  }
}

const view = (threadId: string): CommentView => ({ threadId, questionKey: 'q', question: 'Q', text: 't' });

async function rows(source: PulseThreadsSource): Promise<void> {
  const actions = commentActionsOf(source, 'en-us');
  await act(async () => {
    render(
      <ul>
        <li>{actions(view(A), 'hr')}</li>
        <li>{actions(view(B), 'hr')}</li>
      </ul>
    );
  });
}

it('reads the threads once for every row, and keeps what HR typed under comment A when HR replies to comment B', async () => {
  const source = new FakeThreads();
  await rows(source);
  expect(source.reads).toBe(1);
  const [replyA, replyB] = screen.getAllByRole('button', { name: 'Reply' });
  fireEvent.click(replyA);
  fireEvent.change(screen.getByRole('textbox', { name: 'Your reply' }), { target: { value: 'Half-written reply to A' } });
  fireEvent.click(replyB);
  const boxes = screen.getAllByRole('textbox', { name: 'Your reply' });
  expect(boxes).toHaveLength(2);
  fireEvent.change(boxes[1], { target: { value: 'Reply to B' } });
  await act(async () => {
    fireEvent.click(screen.getAllByRole('button', { name: 'Send' })[1]);
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
  expect(source.reads).toBe(2);
  expect(screen.queryAllByRole('textbox', { name: 'Your reply' }).map((box) => (box as HTMLTextAreaElement).value)).toEqual(['Half-written reply to A']);
  // B's reply is in its thread once (the read's, not a second copy of what was sent).
  expect(screen.getAllByText('Reply to B')).toHaveLength(1);
});

it('offers Reply after a failed read of the threads', async () => {
  const source = new FakeThreads();
  source.failNextRead = true;
  await rows(source);
  expect(screen.getAllByRole('button', { name: 'Reply' })).toHaveLength(2);
});
