import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';

import { VivaCourses } from './VivaCourses';
import type { CourseStep, ShownCourse, ShownCourses } from './vivaWords';

const NOW = new Date('2026-12-07T08:00:00Z');

const STEPS: CourseStep[] = [
  { title: 'Forklift safety basics', translations: { 'nl-nl': { title: 'Heftruckveiligheid' }, 'sv-se': { title: 'Trucksäkerhet' } }, vivaCourseId: 'COURSE-1' },
  { title: 'Lockout procedure', translations: {} }
];

const COURSES: ShownCourse[] = [
  { id: 'a1', contentId: 'course-1', assigned: true, status: 'inProgress', percent: 40, dueDay: '2026-12-01' },
  { id: 'a2', contentId: 'course-9', assigned: true, status: 'notStarted', percent: 0, dueDay: '2026-12-24' },
  { id: 's1', contentId: 'course-8', assigned: false, status: 'completed', percent: 100, dueDay: '2026-11-01' }
];

/** Answers from a list of results (a failure to throw, or the courses), counting its reads. */
class FakeViva {
  public reads = 0;
  public constructor(private readonly answers: Array<ShownCourses | Error>) {}
  public courses(): Promise<ShownCourses> {
    this.reads += 1;
    const answer = this.answers.length > 1 ? this.answers.shift() : this.answers[0];
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer as ShownCourses);
  }
}

function show(source: FakeViva, locale = 'en-us'): void {
  render(<VivaCourses source={source} steps={STEPS} locale={locale} timeZone="Europe/Stockholm" now={() => NOW} />);
}

describe('VivaCourses', () => {
  it('lists each course under its heading: title from the step that names it, status, percent, due or overdue in words', async () => {
    show(new FakeViva([{ available: true, courses: COURSES }]));
    const section = await screen.findByRole('region', { name: 'Your Viva Learning courses' });
    const items = within(section).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Forklift safety basicsIn progress · 40% done · Overdue since Dec 1',
      'Viva Learning courseAssigned · Due Dec 24',
      'Viva Learning courseCompleted'
    ]);
    expect(within(items[0]).getByRole('progressbar', { name: 'Forklift safety basics' })).toHaveProperty('value', 40);
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('says "Loading" first, then the courses', async () => {
    show(new FakeViva([{ available: true, courses: [] }]));
    expect(screen.getByText('Loading your Viva Learning courses…')).toBeTruthy();
    expect(await screen.findByText('You have no Viva Learning courses right now.')).toBeTruthy();
  });

  it('says in one quiet line when Viva Learning is not available, with no error and no Try again', async () => {
    show(new FakeViva([{ available: false }]));
    expect(await screen.findByText('Viva Learning courses cannot be shown here. Your IT admin can allow it.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says a failure in words with Try again, which reads again', async () => {
    const source = new FakeViva([Object.assign(new Error('busy'), { code: 'throttled' }), { available: true, courses: COURSES }]);
    show(source);
    expect(await screen.findByText('Your Viva Learning courses could not be loaded. Check the connection and try again.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    });
    expect(await screen.findByText('Forklift safety basics')).toBeTruthy();
    expect(source.reads).toBe(2);
  });

  it.each([
    ['nl-nl', 'Je Viva Learning-cursussen', 'Heftruckveiligheid', 'Bezig · 40% gedaan', 'Viva Learning-cursus'],
    ['sv-se', 'Dina kurser i Viva Learning', 'Trucksäkerhet', 'Pågår · 40 % klart', 'Kurs i Viva Learning']
  ])('speaks %s', async (locale, heading, title, status, untitled) => {
    show(new FakeViva([{ available: true, courses: COURSES }]), locale);
    const section = await screen.findByRole('region', { name: heading });
    const items = within(section).getAllByRole('listitem');
    expect(items[0].textContent).toContain(title);
    expect(items[0].textContent).toContain(status);
    expect(items[1].textContent).toContain(untitled);
  });
});
