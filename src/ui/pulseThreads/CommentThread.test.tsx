import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { PulseThreadsError, type ThreadBody } from '../../core/pulse/threads/wire';
import { CommentThread } from './CommentThread';

const THREAD = `k1:${'ab'.repeat(32)}`;

function fakeSource(fail?: PulseThreadsError): { reply: jest.Mock<Promise<void>, [string, string]>; setHidden: jest.Mock<Promise<void>, [string, boolean]> } {
  return {
    reply: jest.fn<Promise<void>, [string, string]>(() => (fail ? Promise.reject(fail) : Promise.resolve())),
    setHidden: jest.fn<Promise<void>, [string, boolean]>(() => (fail ? Promise.reject(fail) : Promise.resolve()))
  };
}

const thread: ThreadBody = {
  roundId: 7,
  threadId: THREAD,
  status: 'visible',
  messages: [
    { role: 'hr', text: 'Thanks, we will look into the handover.' },
    { role: 'employee', text: 'Mostly on nights.' }
  ]
};

describe('CommentThread', () => {
  it('shows the replies by role only, and sends a reply to the thread it belongs to', async () => {
    const source = fakeSource();
    const changed = jest.fn();
    render(<CommentThread threadId={THREAD} thread={thread} role="leader" source={source} language="en-us" onChanged={changed} />);
    const replies = screen.getByRole('list', { name: 'Replies' });
    expect(replies.textContent).toContain('HR');
    expect(replies.textContent).toContain('Author');
    expect(screen.queryByRole('button', { name: 'Hide comment' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Reply' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Your reply' }), { target: { value: 'We add ten minutes on Thursday.' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    });
    expect(source.reply).toHaveBeenCalledWith(THREAD, 'We add ten minutes on Thursday.');
    expect(screen.getByRole('status').textContent).toBe('Your reply was sent.');
    expect(screen.getByRole('list', { name: 'Replies' }).textContent).toContain('We add ten minutes on Thursday.');
    expect(changed).toHaveBeenCalled();
  });

  it('keeps the text and says why when the reply cannot be sent', async () => {
    const source = fakeSource(new PulseThreadsError('notFound', 'gone'));
    render(<CommentThread threadId={THREAD} role="leader" source={source} language="en-us" />);
    fireEvent.click(screen.getByRole('button', { name: 'Reply' }));
    const box = screen.getByRole('textbox', { name: 'Your reply' });
    fireEvent.change(box, { target: { value: 'Still there?' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    });
    expect(screen.getByRole('alert').textContent).toBe('This comment is not there any more.');
    expect((screen.getByRole('textbox', { name: 'Your reply' }) as HTMLTextAreaElement).value).toBe('Still there?');
  });

  it('refuses a blank reply without sending it', async () => {
    const source = fakeSource();
    render(<CommentThread threadId={THREAD} role="hr" source={source} language="en-us" />);
    fireEvent.click(screen.getByRole('button', { name: 'Reply' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Your reply' }), { target: { value: '   ' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    });
    expect(source.reply).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Write something before you send.');
  });

  it('lets HR hide a comment and show it again', async () => {
    const source = fakeSource();
    render(<CommentThread threadId={THREAD} thread={thread} role="hr" source={source} language="en-us" />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Hide comment' }));
    });
    expect(source.setHidden).toHaveBeenLastCalledWith(THREAD, true);
    expect(screen.getByText('Hidden: team leaders no longer see this comment.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Show comment' }));
    });
    expect(source.setHidden).toHaveBeenLastCalledWith(THREAD, false);
  });

  it('speaks Dutch and Swedish', () => {
    const { unmount } = render(<CommentThread threadId={THREAD} thread={thread} role="hr" source={fakeSource()} language="nl-nl" />);
    expect(screen.getByRole('button', { name: 'Reageren' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Opmerking verbergen' })).toBeTruthy();
    unmount();
    render(<CommentThread threadId={THREAD} thread={thread} role="hr" source={fakeSource()} language="sv-se" />);
    expect(screen.getByRole('button', { name: 'Svara' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Svar' }).textContent).toContain('Skribent');
  });
});
