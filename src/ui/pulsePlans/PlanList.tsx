/**
 * The action plans HR or a crew's leader may edit (drafts too), in the Pulse results part: each
 * with its group, whether it is published, its status (changed right here), due date, owner, and
 * whether its driver moved in the next round of the survey, read from the results the viewer was
 * given (`planMovement`: up, down, within noise, not shown for this group, or no next round yet).
 */
import * as React from 'react';

import { planMovement } from '../../core/pulse/plans/movement';
import type { PlanWriter } from '../../core/pulse/plans/scope';
import { type ActionPlanRecord, PLAN_STATUSES, type PlanStatus } from '../../core/pulse/plans/types';
import { type MyPlansBody, planWriterOf, type PlanStore, PlanStoreError } from '../../core/pulse/plans/wire';
import type { RoundResults } from '../../core/pulse/results/wire';
import { format } from '../format';
import { Button } from '../light/Button';
import { Notice } from '../light/Notice';
import { Spinner } from '../light/Spinner';
import { useId } from '../light/useId';
import { dayText, groupText, isOverdue, plantDayText } from './planText';
import { planWords } from './planWords';
import styles from './PulsePlans.module.scss';

export interface IPlanListProps {
  /** The relay's plan routes (`pulsePlansOf(services).store`). */
  readonly store: Pick<PlanStore, 'mine' | 'setStatus'>;
  /** The rounds of `GET /api/pulse/results` the part shows: "did it move" is read from them, never computed anew. */
  readonly results: readonly RoundResults[];
  /** The reader's language, e.g. `sv-se`. */
  readonly locale: string;
  /** The plant's IANA time zone (days and "overdue" on its calendar). */
  readonly timeZone: string;
  /** A group's name where the part knows it (crews by name); otherwise the dimension and value. */
  readonly groupName?: (groupKey: string) => string | undefined;
  /** Opens a plan in the editor, with the writer the relay found. */
  onEdit?(plan: ActionPlanRecord, writer: PlanWriter): void;
  /** Read again when this changes (after the editor saved). */
  readonly reloadKey?: number;
  readonly now?: () => Date;
}

type Loaded = { readonly state: 'loading' } | { readonly state: 'failed'; readonly error: PlanStoreError } | { readonly state: 'loaded'; readonly body: MyPlansBody };

const failureOf = (error: unknown): PlanStoreError => (error instanceof PlanStoreError ? error : new PlanStoreError('unexpected', String(error)));

export function PlanList(props: IPlanListProps): React.ReactElement {
  const words = planWords(props.locale);
  const { store } = props;
  const [loaded, setLoaded] = React.useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  const [statusFailure, setStatusFailure] = React.useState<{ plan: ActionPlanRecord; status: PlanStatus; error: PlanStoreError } | undefined>(undefined);
  const [busy, setBusy] = React.useState<number | undefined>(undefined);
  const idBase = useId('se-plan-list');
  const now = props.now ?? (() => new Date());

  React.useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    store.mine().then(
      (body) => live && setLoaded({ state: 'loaded', body }),
      (error: unknown) => live && setLoaded({ state: 'failed', error: failureOf(error) })
    );
    return () => {
      live = false;
    };
  }, [store, attempt, props.reloadKey]);

  async function changeStatus(plan: ActionPlanRecord, status: PlanStatus): Promise<void> {
    setBusy(plan.id);
    setStatusFailure(undefined);
    try {
      const saved = await store.setStatus(plan.id, plan.version, status);
      setLoaded((current) => (current.state === 'loaded' ? { state: 'loaded', body: { ...current.body, plans: current.body.plans.map((p) => (p.id === saved.id ? saved : p)) } } : current));
    } catch (error) {
      setStatusFailure({ plan, status, error: failureOf(error) });
    } finally {
      setBusy(undefined);
    }
  }

  if (loaded.state === 'loading') {
    return <Spinner label={words.loading} />;
  }
  if (loaded.state === 'failed') {
    return (
      <Notice type="error">
        {words.storeErrors[loaded.error.code]} <Button className={styles.target} text={words.tryAgain} onClick={() => setAttempt((n) => n + 1)} />
      </Notice>
    );
  }
  const writer = planWriterOf(loaded.body.writer);
  const plans = loaded.body.plans;
  return (
    <section className={styles.plans} aria-labelledby={`${idBase}-title`}>
      <h2 id={`${idBase}-title`} className={styles.title}>
        {words.actionPlans}
      </h2>
      {statusFailure && (
        <Notice type="error">
          {words.storeErrors[statusFailure.error.code]}{' '}
          <Button
            className={styles.target}
            text={words.tryAgain}
            // A plan someone else changed is read again rather than written over.
            onClick={() => {
              if (statusFailure.error.code === 'changed') {
                setAttempt((n) => n + 1);
              } else {
                void changeStatus(statusFailure.plan, statusFailure.status);
              }
            }}
          />
        </Notice>
      )}
      {plans.length === 0 ? (
        <p className={styles.meta}>{words.noPlans}</p>
      ) : (
        <ul className={styles.list}>
          {plans.map((plan) => {
            const movement = planMovement(plan, props.results);
            const statusId = `${idBase}-${plan.id}-status`;
            return (
              <li key={plan.id} className={styles.card} aria-labelledby={`${idBase}-${plan.id}`}>
                <h3 id={`${idBase}-${plan.id}`} className={styles.cardTitle}>
                  {plan.headline}
                </h3>
                <ul className={styles.tags}>
                  <li>{groupText(words, plan.groupKey, props.groupName)}</li>
                  <li>{words.drivers[plan.driver]}</li>
                  <li>
                    <span className={styles.badge}>{plan.publishedAt ? format(words.publishedOn, plantDayText(plan.publishedAt, props.locale, props.timeZone)) : words.draft}</span>
                  </li>
                  {plan.dueDate !== '' && <li>{format(words.due, dayText(plan.dueDate, props.locale))}</li>}
                  {isOverdue(plan, props.timeZone, now()) && <li className={styles.overdue}>{words.overdue}</li>}
                  {plan.owner.name !== '' && <li>{format(words.owner, plan.owner.name)}</li>}
                </ul>
                <p className={styles.text}>
                  <span className={styles.label}>{format(words.didItMove, words.drivers[plan.driver])}</span> {words.movement[movement.state]}
                </p>
                <div className={styles.field}>
                  <label htmlFor={statusId} className={styles.label}>
                    {words.status}
                  </label>
                  <select id={statusId} className={styles.select} value={plan.status} disabled={busy === plan.id} onChange={(e) => {
                      void changeStatus(plan, e.target.value as PlanStatus);
                    }}>
                    {PLAN_STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {words.statuses[status]}
                      </option>
                    ))}
                  </select>
                </div>
                {props.onEdit && (
                  <div className={styles.actions}>
                    <Button className={styles.target} text={words.edit} description={plan.headline} onClick={() => props.onEdit?.(plan, writer)} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
