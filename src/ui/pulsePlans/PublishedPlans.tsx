/**
 * "You said, we did" for employees, in the Pulse part and card: the action plans HR or a leader
 * published to the groups the person belongs to (the relay decides which, from their token, the
 * directory and the rosters), newest first, each with what was heard, what will be (or was) done,
 * who answers for it, its status and due date in the person's language on the plant's calendar.
 */
import * as React from 'react';

import type { PublishedPlan } from '../../core/pulse/plans/types';
import { type PlanStore, PlanStoreError } from '../../core/pulse/plans/wire';
import { format } from '../format';
import { Button } from '../light/Button';
import { Notice } from '../light/Notice';
import { Spinner } from '../light/Spinner';
import { useId } from '../light/useId';
import { dayText, forYouText, isOverdue, newestFirst, plantDayText } from './planText';
import { planWords } from './planWords';
import styles from './PulsePlans.module.scss';

export interface IPublishedPlansProps {
  /** The relay's plan routes (`pulsePlansOf(services).store`). */
  readonly store: Pick<PlanStore, 'published'>;
  /** The reader's language, e.g. `nl-nl`. */
  readonly locale: string;
  /** The plant's IANA time zone: publication days and "overdue" on its calendar. */
  readonly timeZone: string;
  /** Show at most this many (the card); all when absent (the part). */
  readonly max?: number;
  /** Heading level of the title (2 in a part, 3 inside another section). */
  readonly headingLevel?: 2 | 3;
  /**
   * Below other content (the Pulse part's rounds): nothing shows until the plans are read, no
   * spinner; a failure still shows with Try again.
   */
  readonly quietWhileLoading?: boolean;
  readonly now?: () => Date;
}

type Loaded = { readonly state: 'loading' } | { readonly state: 'failed'; readonly error: PlanStoreError } | { readonly state: 'loaded'; readonly plans: readonly PublishedPlan[] };

export function PublishedPlans(props: IPublishedPlansProps): React.ReactElement {
  const words = planWords(props.locale);
  const { store } = props;
  const [loaded, setLoaded] = React.useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  const idBase = useId('se-published-plans');
  const now = props.now ?? (() => new Date());
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const ItemHeading = props.headingLevel === 3 ? 'h4' : 'h3';

  React.useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    store.published().then(
      (body) => live && setLoaded({ state: 'loaded', plans: body.plans }),
      (error: unknown) => live && setLoaded({ state: 'failed', error: error instanceof PlanStoreError ? error : new PlanStoreError('unexpected', String(error)) })
    );
    return () => {
      live = false;
    };
  }, [store, attempt]);

  if (loaded.state === 'loading' && props.quietWhileLoading) {
    return <></>;
  }
  let content: React.ReactNode;
  if (loaded.state === 'loading') {
    content = <Spinner label={words.loading} />;
  } else if (loaded.state === 'failed') {
    content = (
      <Notice type="error">
        {words.storeErrors[loaded.error.code]} <Button className={styles.target} text={words.tryAgain} onClick={() => setAttempt((n) => n + 1)} />
      </Notice>
    );
  } else if (loaded.plans.length === 0) {
    content = <p className={styles.meta}>{words.noPublishedPlans}</p>;
  } else {
    const plans = newestFirst(loaded.plans).slice(0, props.max ?? loaded.plans.length);
    content = (
      <ul className={styles.list}>
        {plans.map((plan) => (
          <li key={plan.id} className={styles.card} aria-labelledby={`${idBase}-${plan.id}`}>
            <ItemHeading id={`${idBase}-${plan.id}`} className={styles.cardTitle}>
              {plan.headline}
            </ItemHeading>
            <ul className={styles.tags}>
              <li>{forYouText(words, plan.groupKey)}</li>
              <li>
                <span className={styles.badge}>{words.statuses[plan.status]}</span>
              </li>
              {plan.dueDate !== '' && <li>{format(words.due, dayText(plan.dueDate, props.locale))}</li>}
              {isOverdue(plan, props.timeZone, now()) && <li className={styles.overdue}>{words.overdue}</li>}
            </ul>
            <p className={styles.label}>{words.youSaid}</p>
            {/* The comment's words only while the relay serves them (the comment is still shown); never a note that it went. */}
            {plan.source.kind === 'comment' && plan.source.text !== undefined && plan.source.text !== plan.youSaid && <blockquote className={styles.quote}>{plan.source.text}</blockquote>}
            <p className={styles.text}>{plan.youSaid}</p>
            <p className={styles.label}>{plan.status === 'done' ? words.weDid : words.weWillDo}</p>
            <p className={styles.text}>{plan.weWillDo}</p>
            <p className={styles.meta}>
              {plan.ownerName !== '' && `${format(words.owner, plan.ownerName)} · `}
              {format(words.publishedOn, plantDayText(plan.publishedAt, props.locale, props.timeZone))}
            </p>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className={styles.plans} aria-labelledby={`${idBase}-title`}>
      <Heading id={`${idBase}-title`} className={styles.title}>
        {words.youSaidWeDid}
      </Heading>
      {content}
    </section>
  );
}
