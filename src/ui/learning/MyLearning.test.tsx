import * as React from 'react';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';

import type { QuizAnswers } from '../../core/learning/quiz';
import type { ItemId } from '../../core/models/common';
import type { Quiz } from '../../core/models/learning';
import { MyLearning } from './MyLearning';
import type { LearningSnapshot, MyLearningSource, QuizScored, SignOffAskAnswer, SignOffAskedRow, SignOffGiven } from './types';

const NOW = new Date('2026-12-07T08:00:00Z');

const snapshot: LearningSnapshot = {
  paths: [
    { id: 1, title: 'Onboarding', translations: { 'nl-nl': { name: 'Inwerken' }, 'sv-se': { name: 'Introduktion' } }, isActive: true, requiresPathIds: [] },
    { id: 2, title: 'Lockout/tagout', translations: { 'nl-nl': { name: 'Vergrendelen' }, 'sv-se': { name: 'Låsning' } }, isActive: true, requiresPathIds: [] },
    { id: 3, title: 'Forklift licence', translations: {}, isActive: true, requiresPathIds: [1] }
  ],
  steps: [
    { id: 10, pathId: 1, sortOrder: 10, kind: 'read', estimatedMinutes: 5, requiresSignOff: false, title: 'Welcome', translations: {}, contentUrl: '/sites/engage/SitePages/welcome.aspx' },
    { id: 11, pathId: 1, sortOrder: 20, kind: 'practice', estimatedMinutes: 30, requiresSignOff: true, title: 'Safety walk', translations: {} },
    { id: 20, pathId: 2, sortOrder: 10, kind: 'read', estimatedMinutes: 7, requiresSignOff: false, title: 'Lockout procedure', translations: { 'nl-nl': { title: 'Vergrendelprocedure' }, 'sv-se': { title: 'Låsningsrutin' } }, contentUrl: '/sites/engage/SitePages/loto.aspx' },
    { id: 21, pathId: 2, sortOrder: 20, kind: 'quiz', estimatedMinutes: 3, requiresSignOff: false, title: 'Lockout quiz', translations: { 'nl-nl': { title: 'Vergrendelquiz' } } },
    { id: 30, pathId: 3, sortOrder: 10, kind: 'watch', estimatedMinutes: 4, requiresSignOff: false, title: 'Forklift video', translations: {}, contentUrl: 'https://elsewhere.example.com/forklift.mp4' }
  ],
  assignments: [
    { pathId: 1, created: '2026-11-01T08:00:00Z' },
    // Overdue: comes first.
    { pathId: 2, dueDate: '2026-12-05T23:00:00Z', created: '2026-11-02T08:00:00Z' },
    { pathId: 3, created: '2026-11-03T08:00:00Z' }
  ],
  progress: [
    { stepId: 10, pathId: 1, status: 'completed' },
    { stepId: 11, pathId: 1, status: 'completed' }
  ]
};

const quiz: Quiz = {
  questions: [
    { key: 'q1', translations: { 'en-us': { prompt: 'What do you do first?', options: ['Check the area is safe', 'Start the machine'] }, 'nl-nl': { prompt: 'Wat doe je eerst?', options: ['Controleren of het gebied veilig is', 'De machine starten'] } } },
    { key: 'q2', translations: { 'en-us': { prompt: 'Who do you tell?', options: ['Nobody', 'Your team leader'] }, 'nl-nl': { prompt: 'Aan wie meld je het?', options: ['Niemand', 'Je teamleider'] } } }
  ],
  passMark: 2
};

class FakeSource implements MyLearningSource {
  public reads = 0;
  public readFailures: unknown[] = [];
  public markFailures: unknown[] = [];
  public quizFailures: unknown[] = [];
  public marked: Array<[ItemId, string]> = [];
  public submitted: Array<[ItemId, string, QuizAnswers]> = [];
  public askFailures: unknown[] = [];
  public asked: Array<[ItemId, string]> = [];
  public requestReads: Array<readonly ItemId[]> = [];
  public requestFailures: unknown[] = [];
  public requests: SignOffAskedRow[] = [];
  public signOffFailures: unknown[] = [];
  public signedOff: SignOffGiven[] = [];
  public constructor(private readonly data: LearningSnapshot = snapshot) {}

  public askSignOff(stepId: ItemId, requestId: string): Promise<SignOffAskAnswer> {
    this.asked.push([stepId, requestId]);
    const failure = this.askFailures.shift();
    return failure ? Promise.reject(failure) : Promise.resolve({ status: 'completed' });
  }

  public signOffRequests(pathIds: readonly ItemId[]): Promise<readonly SignOffAskedRow[]> {
    this.requestReads.push(pathIds);
    const failure = this.requestFailures.shift();
    return failure ? Promise.reject(failure) : Promise.resolve(this.requests);
  }

  public signOff(given: SignOffGiven): Promise<unknown> {
    this.signedOff.push(given);
    const failure = this.signOffFailures.shift();
    return failure ? Promise.reject(failure) : Promise.resolve({ resent: false });
  }

  public read(): Promise<LearningSnapshot> {
    this.reads += 1;
    const failure = this.readFailures.shift();
    return failure ? Promise.reject(failure) : Promise.resolve(this.data);
  }

  public quiz(): Promise<Quiz> {
    return Promise.resolve(quiz);
  }

  public markDone(stepId: ItemId, requestId: string): Promise<unknown> {
    this.marked.push([stepId, requestId]);
    const failure = this.markFailures.shift();
    return failure ? Promise.reject(failure) : Promise.resolve({ resent: false });
  }

  /** Scores as the relay would with q1: [0], q2: [1]: how many were right for a pass only, three attempts a day. */
  public submitQuiz(stepId: ItemId, attemptKey: string, answers: QuizAnswers): Promise<QuizScored> {
    this.submitted.push([stepId, attemptKey, answers]);
    const failure = this.quizFailures.shift();
    if (failure) {
      return Promise.reject(failure);
    }
    const attempts = new Set(this.submitted.map(([, key]) => key)).size;
    const correct = [answers.q1?.join() === '0', answers.q2?.join() === '1'].filter(Boolean).length;
    const score = correct >= 2 ? { correct, total: 2 } : {};
    return Promise.resolve({ ...score, passed: correct >= 2, passMark: 2, attempts, attemptsLeft: Math.max(0, 3 - attempts) });
  }
}

const coded = (code: string): Error & { code: string } => Object.assign(new Error(code), { code });

async function shown(source: FakeSource, locale = 'en-us'): Promise<void> {
  await act(async () => {
    render(<MyLearning source={source} locale={locale} timeZone="Europe/Amsterdam" now={() => NOW} />);
  });
}

describe('MyLearning', () => {
  it('says it is loading until the learning is read', () => {
    const source = new FakeSource();
    source.read = () => new Promise<LearningSnapshot>(() => undefined);
    render(<MyLearning source={source} locale="en-us" timeZone="UTC" now={() => NOW} />);
    expect(screen.getByText('Loading your learning…')).toBeTruthy();
  });

  it('shows the person’s Viva Learning courses below the paths when the source reads them, and none when it does not', async () => {
    const withCourses = Object.assign(new FakeSource(), {
      courses: () => Promise.resolve({ available: true as const, courses: [{ id: 'a1', contentId: 'course-x', assigned: true, status: 'inProgress' as const, percent: 40 }] })
    });
    await shown(withCourses);
    const courses = await screen.findByRole('region', { name: 'Your Viva Learning courses' });
    expect(within(courses).getByText('Viva Learning course')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Your learning paths' }).compareDocumentPosition(courses) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    cleanup();
    await shown(new FakeSource());
    expect(screen.queryByRole('region', { name: 'Your Viva Learning courses' })).toBeNull();
  });

  it('shows the next small step first: the overdue path, in minutes and words, then every path with its progress', async () => {
    await shown(new FakeSource());
    const next = screen.getByRole('region', { name: 'Your next step' });
    expect(within(next).getByText('7 min: read “Lockout procedure”')).toBeTruthy();
    expect(within(next).getByText(/Step 1 of 2 in Lockout\/tagout/)).toBeTruthy();
    expect(within(next).getByText('Overdue since Dec 5')).toBeTruthy();
    expect(within(next).getByRole('link', { name: 'Open' }).getAttribute('href')).toBe('/sites/engage/SitePages/loto.aspx');
    const paths = within(screen.getByRole('region', { name: 'Your learning paths' })).getAllByRole('listitem');
    expect(paths.map((p) => p.textContent)).toEqual([
      expect.stringMatching(/^Lockout\/tagout0 of 2 steps done Overdue since Dec 5$/),
      expect.stringMatching(/^Onboarding1 of 2 steps done\s*Waiting for a trainer to sign off: Safety walk$/),
      expect.stringMatching(/^Forklift licence0 of 1 step done\s*Starts when you have finished: Onboarding$/)
    ]);
  });

  it('marks a read step done through the relay, celebrates it for screen readers, and goes on to the next step', async () => {
    const source = new FakeSource();
    await shown(source);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Mark as done' }));
    });
    expect(source.marked.map(([id]) => id)).toEqual([20]);
    expect(screen.getByRole('status').textContent).toBe('Well done! “Lockout procedure” is done.');
    expect(within(screen.getByRole('region', { name: 'Your next step' })).getByText('3 min: answer the quiz “Lockout quiz”')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Your next step' }));
  });

  it('keeps the step and its request id when marking done fails, and Try again sends the same request', async () => {
    const source = new FakeSource();
    source.markFailures.push(coded('network'));
    await shown(source);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Mark as done' }));
    });
    expect(screen.getByText('The learning service could not be reached. Check the connection and try again.')).toBeTruthy();
    expect(screen.getByText('7 min: read “Lockout procedure”')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    });
    expect(source.marked).toHaveLength(2);
    expect(source.marked[1]).toEqual(source.marked[0]);
    expect(screen.getByRole('status').textContent).toBe('Well done! “Lockout procedure” is done.');
  });

  it('says why the learning could not be read, and Try again reads it', async () => {
    const source = new FakeSource();
    source.readFailures.push(coded('notSetUp'));
    await shown(source);
    expect(screen.getByText('Learning is not set up on this site yet. Ask your site admin to run Shopfloor Engage setup.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    });
    expect(source.reads).toBe(2);
    expect(screen.getByText('7 min: read “Lockout procedure”')).toBeTruthy();
  });

  it('does not link content outside the tenant', async () => {
    const onlyForklift: LearningSnapshot = { ...snapshot, assignments: [{ pathId: 3, created: '2026-11-03T08:00:00Z' }], progress: snapshot.progress.concat([{ stepId: 11, pathId: 1, status: 'signed-off' }]).filter((p, i, all) => all.map((x) => x.stepId).lastIndexOf(p.stepId) === i) };
    await shown(new FakeSource(onlyForklift));
    expect(screen.getByText('4 min: watch “Forklift video”')).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByRole('button', { name: 'Mark as done' })).toBeTruthy();
  });

  it('says when nothing is assigned', async () => {
    await shown(new FakeSource({ ...snapshot, assignments: [], progress: [] }));
    expect(screen.getByText('No learning paths are assigned to you right now.')).toBeTruthy();
  });
});

describe('MyLearning quiz', () => {
  /** Marks the read step done (the quiz is next), then starts the quiz. */
  const startQuiz = async (source: FakeSource): Promise<void> => {
    await shown(source);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Mark as done' }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Start the quiz' }));
    });
  };

  /** Ticks one choice on each of the two questions, then sends. */
  const answer = async (first: string, second: string): Promise<void> => {
    fireEvent.click(screen.getByRole('checkbox', { name: first }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('checkbox', { name: second }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send answers' }));
    });
  };

  it('asks one question a screen, sends the answers with one attempt key and shows the pass with the pass mark', async () => {
    const source = new FakeSource();
    await startQuiz(source);
    expect(screen.getByText('Question 1 of 2')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'What do you do first?' }));
    // Next without a choice: said, not sent.
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose an answer first.');
    await answer('Check the area is safe', 'Your team leader');
    expect(source.submitted.map(([id, , answers]) => [id, answers])).toEqual([[21, { q1: [0], q2: [1] }]]);
    expect(screen.getByRole('heading', { name: 'Passed: 2 of 2 right (you needed 2).' })).toBeTruthy();
    expect(screen.getByText('1 attempt so far.')).toBeTruthy();
    // The quiz was the path's last step.
    expect(screen.getByRole('status').textContent).toBe('You finished Lockout/tagout!');
    fireEvent.click(screen.getByRole('button', { name: 'Back to my learning' }));
    expect(screen.getByText('You have done every step you can do now.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Your next step' }));
  });

  it('shows a failed quiz with what was needed, and Try again starts a new attempt with a new key', async () => {
    const source = new FakeSource();
    await startQuiz(source);
    await answer('Start the machine', 'Your team leader');
    // Nothing about which answers were wrong.
    expect(screen.getByRole('heading', { name: 'Not passed yet. You need 2 right answers to pass.' })).toBeTruthy();
    expect(screen.getByText('You can try 2 more times today.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try the quiz again' }));
    expect((screen.getByRole('checkbox', { name: 'Check the area is safe' }) as HTMLInputElement).checked).toBe(false);
    await answer('Check the area is safe', 'Your team leader');
    expect(source.submitted).toHaveLength(2);
    expect(source.submitted[1][1]).not.toBe(source.submitted[0][1]);
    expect(screen.getByText('2 attempts so far.')).toBeTruthy();
  });

  it('offers no new attempt when the day\'s attempts are used, and says so', async () => {
    const source = new FakeSource();
    source.submitted.push([21, 'earlier-1', {}], [21, 'earlier-2', {}]);
    await startQuiz(source);
    await answer('Start the machine', 'Nobody');
    expect(screen.getByText('You have used your attempts for today. Try again tomorrow.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try the quiz again' })).toBeNull();
  });

  it('says the relay refused a fourth attempt, and keeps the answers', async () => {
    const source = new FakeSource();
    source.quizFailures.push(coded('attemptsUsed'));
    await startQuiz(source);
    await answer('Check the area is safe', 'Your team leader');
    expect(screen.getByText(/used your three attempts at this quiz for now.*your answers are still here/)).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Your team leader' }) as HTMLInputElement).checked).toBe(true);
  });

  it('keeps the answers when sending fails, and Try again resends the same attempt', async () => {
    const source = new FakeSource();
    source.quizFailures.push(coded('throttled'));
    await startQuiz(source);
    await answer('Check the area is safe', 'Your team leader');
    expect(screen.getByText(/could not be reached.*Nothing is lost: your answers are still here\./)).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Your team leader' }) as HTMLInputElement).checked).toBe(true);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    });
    expect(source.submitted).toHaveLength(2);
    expect(source.submitted[1]).toEqual(source.submitted[0]);
    expect(screen.getByRole('heading', { name: 'Passed: 2 of 2 right (you needed 2).' })).toBeTruthy();
  });
});

describe('MyLearning in Dutch and Swedish', () => {
  it('speaks Dutch, HR\'s texts in Dutch too', async () => {
    await shown(new FakeSource(), 'nl-nl');
    expect(screen.getByRole('heading', { name: 'Je volgende stap' })).toBeTruthy();
    expect(screen.getByText('7 min: lees “Vergrendelprocedure”')).toBeTruthy();
    expect(screen.getByText(/Stap 1 van 2 in Vergrendelen/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Markeren als gedaan' })).toBeTruthy();
    expect(screen.getByText('Wacht op aftekenen door een trainer: Safety walk')).toBeTruthy();
  });

  it('speaks Swedish, and says a failure in Swedish', async () => {
    const source = new FakeSource();
    source.readFailures.push(coded('noRelay'));
    await shown(source, 'sv-se');
    expect(screen.getByText(/det kräver Engage-reläet/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    });
    expect(screen.getByText('7 min: läs ”Låsningsrutin”')).toBeTruthy();
    expect(screen.getByText('0 av 2 steg klara', { exact: false })).toBeTruthy();
  });
});

/** A learner whose next step is practice (the welcome read done), and a trainer's snapshot. */
const practiceNext: LearningSnapshot = { ...snapshot, assignments: [{ pathId: 1, created: '2026-11-01T08:00:00Z' }, { pathId: 2, created: '2026-11-02T08:00:00Z' }], progress: [{ stepId: 10, pathId: 1, status: 'completed' }] };

describe('MyLearning: asking a trainer for sign-off', () => {
  it('asks for the practice step through the relay, shows it waiting for a trainer and goes on with the next step', async () => {
    const source = new FakeSource(practiceNext);
    await shown(source);
    const next = screen.getByRole('region', { name: 'Your next step' });
    expect(within(next).getByText('30 min on the job: “Safety walk”')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(next).getByRole('button', { name: 'Ask a trainer for sign-off' }));
    });
    expect(source.asked.map(([stepId]) => stepId)).toEqual([11]);
    expect(source.asked[0][1]).toMatch(/^[A-Za-z0-9_:-]{8,64}$/);
    expect(within(screen.getByRole('status')).getByText('Asked for sign-off: “Safety walk”. A trainer signs it off on their phone.')).toBeTruthy();
    expect(screen.getByText('Waiting for a trainer to sign off: Safety walk')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Your next step' })).getByText('7 min: read “Lockout procedure”')).toBeTruthy();
  });

  it('says why asking failed, keeps the step, and Try again sends the same request', async () => {
    const source = new FakeSource(practiceNext);
    source.askFailures.push(coded('notAssigned'));
    await shown(source, 'nl-nl');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Trainer vragen om af te tekenen' }));
    });
    expect(screen.getByText('Dit leerpad is niet meer aan je toegewezen.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    });
    expect(source.asked).toHaveLength(2);
    expect(source.asked[1]).toEqual(source.asked[0]);
    expect(screen.getByText('Wacht op aftekenen door een trainer: Safety walk')).toBeTruthy();
  });

  it('says the step is done when a trainer had signed it off already', async () => {
    const source = new FakeSource(practiceNext);
    source.askSignOff = (stepId: ItemId, requestId: string) => {
      source.asked.push([stepId, requestId]);
      return Promise.resolve({ status: 'signed-off' as const });
    };
    await shown(source);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Ask a trainer for sign-off' }));
    });
    expect(within(screen.getByRole('status')).getByText('Well done! “Safety walk” is done.')).toBeTruthy();
    expect(screen.queryByText('Waiting for a trainer to sign off: Safety walk')).toBeNull();
  });
});
