import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';

import { type MyCommentsBody, PulseThreadsError } from '../../core/pulse/threads/wire';
import { answeredLine, MyComments } from './MyComments';

const ANSWERED = `k1:${'aa'.repeat(32)}`;
const WAITING = `k1:${'bb'.repeat(32)}`;

const body: MyCommentsBody = {
  comments: [
    {
      roundId: 7,
      title: 'Pulse week 49',
      questionKey: 'one-thing-better',
      text: 'More handover time, please.',
      threadId: ANSWERED,
      status: 'visible',
      messages: [{ role: 'hr', text: 'We hear you: ten more minutes from January.', mine: false }],
      answeredBy: 'hr',
      canAnswer: true
    },
    { roundId: 7, title: 'Pulse week 49', questionKey: 'other', text: 'The canteen is fine.', threadId: WAITING, status: 'visible', messages: [], canAnswer: false }
  ]
};

function fakeSource(answer: MyCommentsBody | PulseThreadsError = body): {
  mine: jest.Mock<Promise<MyCommentsBody>, []>;
  answer: jest.Mock<Promise<void>, [string, string]>;
  remove: jest.Mock<Promise<void>, [string]>;
} {
  return {
    mine: jest.fn<Promise<MyCommentsBody>, []>(() => (answer instanceof PulseThreadsError ? Promise.reject(answer) : Promise.resolve(answer))),
    answer: jest.fn<Promise<void>, [string, string]>(() => Promise.resolve()),
    remove: jest.fn<Promise<void>, [string]>(() => Promise.resolve())
  };
}

async function shown(source: ReturnType<typeof fakeSource>, language = 'en-us'): Promise<void> {
  await act(async () => {
    render(<MyComments source={source} language={language} questionText={(key) => (key === 'one-thing-better' ? 'One thing to improve' : undefined)} />);
  });
}

describe('MyComments', () => {
  it('says who answered, shows the thread and offers Answer back only where someone replied', async () => {
    const source = fakeSource();
    await shown(source);
    expect(screen.getByRole('heading', { name: 'Your comments' })).toBeTruthy();
    // The comments' own items (styles are their class names in tests), not the replies inside them.
    const [answered, waiting] = Array.from(document.querySelectorAll<HTMLElement>('ul.comments > li'));
    expect(within(answered).getByText('HR answered your comment')).toBeTruthy();
    expect(within(answered).getByText('Pulse week 49 · One thing to improve')).toBeTruthy();
    expect(within(answered).getByRole('button', { name: 'Answer back' })).toBeTruthy();
    expect(within(waiting).queryByRole('button', { name: 'Answer back' })).toBeNull();
    expect(within(waiting).getByText('No reply yet.')).toBeTruthy();
  });

  it('sends an answer back to that thread and reads the comments again', async () => {
    const source = fakeSource();
    await shown(source);
    fireEvent.click(screen.getByRole('button', { name: 'Answer back' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Your answer' }), { target: { value: 'Thank you!' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    });
    expect(source.answer).toHaveBeenCalledWith(ANSWERED, 'Thank you!');
    expect(source.mine).toHaveBeenCalledTimes(2);
  });

  it('deletes a comment only after the confirmation, and keeps it when the person changes their mind', async () => {
    const source = fakeSource();
    await shown(source);
    const [first] = screen.getAllByRole('button', { name: 'Delete my comment' });
    fireEvent.click(first);
    const confirm = screen.getByRole('group', { name: 'Delete this comment?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(source.remove).not.toHaveBeenCalled();
    fireEvent.click(screen.getAllByRole('button', { name: 'Delete my comment' })[0]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    });
    expect(source.remove).toHaveBeenCalledWith(ANSWERED);
    expect(source.mine).toHaveBeenCalledTimes(2);
  });

  it('says a deleted or hidden comment takes no more answers', async () => {
    const source = fakeSource({
      comments: [
        { ...body.comments[0], status: 'deleted', canAnswer: false },
        { ...body.comments[1], threadId: WAITING, status: 'hidden', canAnswer: false }
      ]
    });
    await shown(source);
    expect(screen.getByText('You deleted this comment. HR and team leaders no longer see it from tomorrow.')).toBeTruthy();
    expect(screen.getByText('HR hid this comment. It takes no more answers.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Answer back' })).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Delete my comment' })).toHaveLength(1);
  });

  it('says why it could not read the comments, and reads again on Try again', async () => {
    const source = fakeSource(new PulseThreadsError('unavailable', 'busy'));
    await shown(source);
    expect(screen.getByRole('alert').textContent).toBe('The survey service is busy or out of reach. Try again in a moment; your text is kept.');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    });
    expect(source.mine).toHaveBeenCalledTimes(2);
  });

  it('speaks Dutch and Swedish, and gives the card its line', async () => {
    await shown(fakeSource(), 'nl-nl');
    expect(screen.getByText('HR heeft op je opmerking gereageerd')).toBeTruthy();
    expect(answeredLine(body, 'sv-se')).toBe('1 av dina kommentarer har fått svar');
    expect(answeredLine({ comments: [body.comments[1]] }, 'en-us')).toBeUndefined();
  });
});
