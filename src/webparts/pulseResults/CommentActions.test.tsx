/**
 * The results part's comment actions: one read of the threads for every row, read again after a
 * row's own change with what the row said of it ("Your reply was sent.") kept, and what is typed
 * under another comment kept meanwhile; "Make a
 * plan" for a reader who may write plans for the comment's group, opening the plans' editor with
 * the comment and going back to the comments when it closes.
 */
import * as React from 'react';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';

import type { PulsePlansServices } from '../../app/pulsePlans';
import { PlanDrafts } from '../../core/pulse/plans/drafts';
import type { ActionPlanRecord } from '../../core/pulse/plans/types';
import type { PlanStore, SavePlanRequest } from '../../core/pulse/plans/wire';
import type { PulseResultsBody } from '../../core/pulse/results/wire';
import type { PulseThreadsBody, PulseThreadsSource, ThreadBody } from '../../core/pulse/threads/wire';
import { memoryStore } from '../../core/storage';
import { threadWords } from '../../ui/pulseThreads/threadWords';
import { FakeResultsSource, hrBody, hrRound12, HR, LEADER } from '../../ui/pulseResults/__fakes__/resultsFakes';
import { type CommentPlace, PulseResults } from '../../ui/pulseResults/PulseResults';
import { resultsWords } from '../../ui/pulseResults/resultsWords';
import type { CommentView } from '../../ui/pulseResults/resultsView';
import { commentActionsOf, threadsStatusOf } from './CommentActions';
import { PlansTab } from './PlansTab';

const A = `k1:${'aa'.repeat(32)}`;
const B = `k1:${'bb'.repeat(32)}`;

class FakeThreads implements PulseThreadsSource {
  public reads = 0;
  public replies: Array<[string, string]> = [];
  public hidden: string[] = [];
  public failNextRead = false;

  public threads(): Promise<PulseThreadsBody> {
    this.reads += 1;
    if (this.failNextRead) {
      this.failNextRead = false;
      return Promise.reject(new Error('offline'));
    }
    const threads: ThreadBody[] = this.replies.map(([threadId, text]) => ({ roundId: 1, threadId, status: 'visible' as const, messages: [{ role: 'hr' as const, text }] }));
    return Promise.resolve({ viewer: { role: 'hr' }, threads: threads.concat(this.hidden.map((threadId) => ({ roundId: 1, threadId, status: 'hidden' as const, messages: [] }))) });
  }
  public reply(threadId: string, text: string): Promise<void> {
    this.replies.push([threadId, text]);
    return Promise.resolve();
  }
  public setHidden(threadId: string, hidden: boolean): Promise<void> {
    this.hidden = hidden ? this.hidden.concat([threadId]) : this.hidden.filter((id) => id !== threadId);
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

it('keeps "Your reply was sent." under the comment once the threads are read again', async () => {
  const source = new FakeThreads();
  await rows(source);
  fireEvent.click(screen.getAllByRole('button', { name: 'Reply' })[0]);
  fireEvent.change(screen.getByRole('textbox', { name: 'Your reply' }), { target: { value: 'Thanks, on Thursday' } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
  expect(source.reads).toBe(2);
  expect(screen.getAllByText('Thanks, on Thursday')).toHaveLength(1);
  expect(screen.queryByRole('status')?.textContent).toBe('Your reply was sent.');
});

it('keeps HR\'s "hidden from team leaders" and "shown again" under the comment once the threads are read again', async () => {
  const source = new FakeThreads();
  await rows(source);
  await act(async () => {
    fireEvent.click(screen.getAllByRole('button', { name: 'Hide comment' })[0]);
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
  expect(source.reads).toBe(2);
  expect(screen.queryByRole('status')?.textContent).toBe('The comment is hidden from team leaders.');
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Show comment' }));
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
  expect(source.reads).toBe(3);
  expect(screen.queryByRole('status')?.textContent).toBe('The comment is shown again.');
  expect(screen.queryByRole('button', { name: 'Show comment' })).toBeNull();
});

it('offers Reply after a failed read of the threads', async () => {
  const source = new FakeThreads();
  source.failNextRead = true;
  await rows(source);
  expect(screen.getAllByRole('button', { name: 'Reply' })).toHaveLength(2);
});

describe('a failed read of the threads', () => {
  async function commentsOf(threads: FakeThreads, results: FakeResultsSource, locale: string): Promise<void> {
    await act(async () => {
      render(<PulseResults source={results} locale={locale} commentActions={commentActionsOf(threads, locale)} commentsStatus={threadsStatusOf(threads, locale)} />);
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: resultsWords(locale).tabs.comments }));
    });
  }

  it('says why above the comments, with a 48 px Try again that reads the threads again and not the results', async () => {
    const threads = new FakeThreads();
    threads.replies = [['t-41', 'New gloves are ordered.']];
    threads.failNextRead = true;
    const results = new FakeResultsSource(hrBody());
    await commentsOf(threads, results, 'en-us');
    const en = threadWords('en-us');
    expect(screen.getByRole('alert').textContent).toBe(`${en.readFailed} ${en.errors.unexpected}`);
    // The rows stand without their replies, and Reply still works.
    expect(screen.getAllByRole('button', { name: 'Reply' })).toHaveLength(2);
    expect(screen.queryByText('New gloves are ordered.')).toBeNull();
    const again = screen.getByRole('button', { name: 'Try again' });
    expect(again.className).toContain('button');
    // A double tap reads once: the second tap meets the button while the read is under way.
    act(() => {
      fireEvent.click(again);
    });
    fireEvent.click(again);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(threads.reads).toBe(2);
    expect(results.calls).toBe(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByText('New gloves are ordered.')).toBeTruthy();
  });

  it('says it in Dutch and Swedish', async () => {
    for (const locale of ['nl-nl', 'sv-se']) {
      const threads = new FakeThreads();
      threads.failNextRead = true;
      await commentsOf(threads, new FakeResultsSource(hrBody()), locale);
      const words = threadWords(locale);
      expect(screen.getByRole('alert').textContent).toBe(`${words.readFailed} ${words.errors.unexpected}`);
      expect(screen.getByRole('button', { name: words.tryAgain })).toBeTruthy();
      cleanup();
    }
  });

  it('says nothing while the threads read well', async () => {
    await commentsOf(new FakeThreads(), new FakeResultsSource(hrBody()), 'en-us');
    expect(screen.getAllByRole('button', { name: 'Reply' })).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('Make a plan', () => {
  const makePlan = jest.fn();
  const place = (listKey: string, leads: readonly string[] = []): CommentPlace => ({ roundId: 12, listKey, leads, makePlan });

  async function row(node: React.ReactNode): Promise<void> {
    await act(async () => {
      render(<ul>{node}</ul>);
    });
  }

  beforeEach(() => makePlan.mockReset());

  it('is offered to HR under any group\'s comment, a 48 px target that opens the plan', async () => {
    const actions = commentActionsOf(new FakeThreads(), 'en-us');
    await row(<li>{actions(view(A), 'hr', place('plant'))}</li>);
    const button = screen.getByRole('button', { name: 'Make a plan' });
    expect(button.className).toContain('target');
    fireEvent.click(button);
    expect(makePlan).toHaveBeenCalledTimes(1);
  });

  it('is offered to a leader only under the comments of a crew they lead, not the line or plant above', async () => {
    const actions = commentActionsOf(new FakeThreads(), 'en-us');
    await row(
      <>
        <li>{actions(view(A), 'leader', place('crew=b2', ['b2']))}</li>
        <li>{actions(view(B), 'leader', place('line=got-weld2', ['b2']))}</li>
        <li>{actions(view(`k1:${'cc'.repeat(32)}`), 'leader', place('plant', ['b2']))}</li>
      </>
    );
    const rows = screen.getAllByRole('listitem');
    expect(rows.map((item) => within(item).queryByRole('button', { name: 'Make a plan' }) !== null)).toEqual([true, false, false]);
  });

  it('is not offered under a comment HR hid, nor where the part has no plans', async () => {
    const source = new FakeThreads();
    source.hidden = [B];
    const actions = commentActionsOf(source, 'en-us');
    await row(
      <>
        <li>{actions(view(A), 'hr', { roundId: 12, listKey: 'plant', leads: [] })}</li>
        <li>{actions(view(B), 'hr', place('plant'))}</li>
      </>
    );
    expect(screen.queryByRole('button', { name: 'Make a plan' })).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Reply' })).toHaveLength(2);
  });
});

describe('a plan made of a comment in the Pulse results part', () => {
  const QUOTED = 'Tell us earlier when the schedule changes.';
  const T1 = `k1:${'11'.repeat(32)}`;
  const T2 = `k1:${'22'.repeat(32)}`;

  /** Round 12 with comments whose thread ids are ids: the plant's two, and crew b2's one. */
  function body(viewer: PulseResultsBody['viewer']): PulseResultsBody {
    const round = hrRound12();
    return {
      viewer,
      rounds: [
        {
          ...round,
          release: {
            ...round.release,
            comments: [
              { key: 'plant', comments: [{ questionKey: 'one-thing', text: QUOTED, threadId: T1 }] },
              { key: 'crew=b2', comments: [{ questionKey: 'one-thing', text: 'More time for handover between shifts.', threadId: T2 }] }
            ]
          }
        }
      ]
    };
  }

  function services(): PulsePlansServices & { saved: SavePlanRequest[] } {
    const saved: SavePlanRequest[] = [];
    const store: PlanStore = {
      published: () => Promise.resolve({ plans: [] }),
      mine: () => Promise.resolve({ writer: { role: 'hr', crews: [] }, plans: [] }),
      save: (request) => {
        saved.push(request);
        const plan: ActionPlanRecord = { ...request.plan, id: 60, surveyId: 3, version: '"1"' };
        return Promise.resolve(plan);
      },
      publish: () => Promise.reject(new Error('not used')),
      setStatus: () => Promise.reject(new Error('not used'))
    };
    return { saved, store, drafts: new PlanDrafts(memoryStore(), 'drafts'), me: { name: 'Eva Lind', login: 'eva.lind@contoso.com' } };
  }

  it('opens the plans\' editor over the comments with the comment quoted for its list\'s group, saves it by its thread id, and goes back to the comments on Close', async () => {
    const plans = services();
    const threads = new FakeThreads();
    await act(async () => {
      render(
        <PulseResults
          source={new FakeResultsSource(body(HR))}
          locale="en-us"
          commentActions={commentActionsOf(threads, 'en-us')}
          plans={{ title: 'Action plans', render: (view) => <PlansTab plans={plans} view={view} locale="en-us" timeZone="Europe/Stockholm" /> }}
        />
      );
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: 'Comments' }));
    });
    const [first] = screen.getAllByRole('button', { name: 'Make a plan' });
    first.focus();
    await act(async () => {
      fireEvent.click(first);
    });
    const heading = screen.getByRole('heading', { name: 'New action plan' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText(QUOTED, { selector: 'blockquote' })).toBeTruthy();
    expect((screen.getByLabelText('For') as HTMLSelectElement).value).toBe('plant');
    expect((screen.getByLabelText('You said') as HTMLTextAreaElement).value).toBe('');
    // The comments are kept beneath, out of sight.
    expect(screen.queryByRole('button', { name: 'Reply' })).toBeNull();

    fireEvent.change(screen.getByLabelText('Headline'), { target: { value: 'Schedules a week ahead' } });
    fireEvent.change(screen.getByLabelText('You said'), { target: { value: 'Schedule changes reach you too late.' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    });
    expect(plans.saved).toHaveLength(1);
    expect(plans.saved[0].plan).toMatchObject({ source: { kind: 'comment', threadId: T1 }, groupKey: 'plant', roundId: 12 });
    expect(JSON.stringify(plans.saved[0])).not.toContain(QUOTED);

    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('heading', { name: 'New action plan' })).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Reply' })).toHaveLength(2);
    expect(document.activeElement).toBe(screen.getAllByRole('button', { name: 'Make a plan' })[0]);
  });

  it('offers a leader Make a plan under their crew\'s comments only', async () => {
    await act(async () => {
      render(
        <PulseResults
          source={new FakeResultsSource(body(LEADER))}
          locale="en-us"
          commentActions={commentActionsOf(new FakeThreads(), 'en-us')}
          plans={{ title: 'Action plans', render: () => null }}
        />
      );
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: 'Comments' }));
    });
    const rows = screen.getAllByRole('listitem');
    expect(rows.map((item) => [within(item).getByText(/schedule|handover/).textContent, within(item).queryByRole('button', { name: 'Make a plan' }) !== null])).toEqual([
      [QUOTED, false],
      ['More time for handover between shifts.', true]
    ]);
  });
});
