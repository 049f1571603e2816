/**
 * The person's Viva Learning courses, for "My learning" below the paths: each course's title
 * (from the learning step that names it, else "Viva Learning course"), its status (assigned, in
 * progress with how far, completed) and its due day, overdue marked in words, never colour alone.
 *
 * The list reads on its own (one Graph request, kept for the session), so the paths above never
 * wait for it. Viva Learning refused (the admin has not approved the scopes, or the person has no
 * Viva Learning) is said in one quiet line; a failure is said in words with Try again.
 *
 * Graph gives no address of a course to the scopes the product asks for (a course activity holds
 * ids only; the course's `contentWebUrl` needs LearningContent.Read.All, tenant wide, with an
 * admin's consent), so a course has no link here.
 */
import * as React from 'react';

import { Button } from '../light/Button';
import { Notice } from '../light/Notice';
import { Spinner } from '../light/Spinner';
import { useRecoveringLoad } from '../recovery/useRecoveringLoad';
import styles from './MyLearning.module.scss';
import { type CourseStep, courseDue, courseOverdue, courseStatus, courseTitle, dayIn, type ShownCourses, vivaFailureOf, vivaWords } from './vivaWords';

export interface IVivaCoursesProps {
  /** The person's courses: the composition root's `vivaLearningOf(services)`, or a test's fake. */
  readonly source: { courses(): Promise<ShownCourses> };
  /** The learning steps as read: a `viva-course` step names its course (`vivaCourseId`), and so titles it. */
  readonly steps: readonly CourseStep[];
  /** The page's language (`nl-nl`). */
  readonly locale: string;
  /** IANA zone "today" is taken in (the device's). */
  readonly timeZone: string;
  /** The clock (tests). */
  readonly now?: () => Date;
}

export function VivaCourses(props: IVivaCoursesProps): React.ReactElement {
  const { source, steps, locale, timeZone } = props;
  const words = vivaWords(locale);
  const read = React.useCallback(() => source.courses(), [source]);
  const { state, reload } = useRecoveringLoad<ShownCourses>(read, 'Reading your Viva Learning courses');
  const today = dayIn((props.now ?? (() => new Date()))(), timeZone);

  let content: React.ReactNode;
  if (state.kind === 'loading') {
    content = <Spinner label={words.loading} />;
  } else if (state.kind === 'failed') {
    content = (
      <>
        <Notice type="error">{words.failed[vivaFailureOf(state.error)]}</Notice>
        <div className={styles.actions}>
          <Button className={styles.target} text={words.tryAgain} onClick={() => reload()} />
        </div>
      </>
    );
  } else if (!state.data.available) {
    content = <p className={styles.meta}>{words.notAvailable}</p>;
  } else if (state.data.courses.length === 0) {
    content = <p className={styles.meta}>{words.none}</p>;
  } else {
    content = (
      <ul className={styles.paths}>
        {state.data.courses.map((course) => {
          const title = courseTitle(course, steps, locale, words);
          const due = courseDue(course, today, locale, words);
          return (
            <li key={course.id} className={styles.path}>
              <span className={styles.pathName}>{title}</span>
              <progress className={styles.bar} max={100} value={course.percent} aria-label={title} />
              <span className={styles.meta}>
                {courseStatus(course, words)}
                {due && (
                  <>
                    {' · '}
                    <span className={courseOverdue(course, today) ? styles.overdue : styles.meta}>{due}</span>
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <section aria-labelledby="se-learning-viva">
      <h3 id="se-learning-viva" className={styles.sectionTitle}>
        {words.heading}
      </h3>
      {content}
    </section>
  );
}
