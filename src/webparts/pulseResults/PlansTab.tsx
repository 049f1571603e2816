/**
 * The Pulse results part's action plans, for HR and leaders: their plans with "did it move" read
 * from the results (`PlanList`), a new plan for the chosen group and round, and the editor
 * (`PlanEditor`). Who may write for which group is the relay's to say (`GET /api/pulse/plans/mine`
 * → writer); the groups offered are those of the results the writer may act for.
 *
 * Opened from a comment ("Make a plan" under it, `view.fromComment`), it is the editor alone,
 * starting with that comment as what was heard, for the group whose list showed it; closing it goes
 * back to the comments (`view.onClose`). The same chunk either way.
 */
import * as React from 'react';

import type { PulsePlansServices } from '../../app/pulsePlans';
import { PULSE_DRIVERS } from '../../core/models/pulse';
import { mayWritePlanFor, type PlanWriter } from '../../core/pulse/plans/scope';
import { planWriterOf, PlanStoreError } from '../../core/pulse/plans/wire';
import { Button } from '../../ui/light/Button';
import { Notice } from '../../ui/light/Notice';
import { Spinner } from '../../ui/light/Spinner';
import { PlanEditor, type PlanStart } from '../../ui/pulsePlans/PlanEditor';
import { PlanList } from '../../ui/pulsePlans/PlanList';
import { planWords } from '../../ui/pulsePlans/planWords';
import type { PlansView } from '../../ui/pulseResults/PulseResults';
import styles from './PlansTab.module.scss';

export interface IPlansTabProps {
  readonly plans: PulsePlansServices;
  readonly view: PlansView;
  readonly locale: string;
  readonly timeZone: string;
}

export function PlansTab(props: IPlansTabProps): React.ReactElement {
  const { plans, view, locale } = props;
  const words = planWords(locale);
  const fromComment = view.fromComment;
  const [editing, setEditing] = React.useState<{ readonly start: PlanStart; readonly writer: PlanWriter } | undefined>(undefined);
  const [reloadKey, setReloadKey] = React.useState(0);
  const [failed, setFailed] = React.useState<string | undefined>(undefined);
  const [opening, setOpening] = React.useState(false);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );

  /** Reads who the writer is (the relay says), then opens the editor at `startOf(writer)`. */
  const open = React.useCallback(
    (startOf: (writer: PlanWriter) => PlanStart): void => {
      setOpening(true);
      setFailed(undefined);
      plans.store.mine().then(
        (body) => {
          if (mounted.current) {
            setOpening(false);
            const writer = planWriterOf(body.writer);
            setEditing({ start: startOf(writer), writer });
          }
        },
        (error: unknown) => {
          if (mounted.current) {
            setOpening(false);
            setFailed(planWords(locale).storeErrors[error instanceof PlanStoreError ? error.code : 'unexpected']);
          }
        }
      );
    },
    [plans.store, locale]
  );

  const startNew = (): void =>
    open((writer) => {
      const groupKey = mayWritePlanFor(writer, view.groupKey) ? view.groupKey : view.groups.find((group) => mayWritePlanFor(writer, group.key))?.key ?? view.groupKey;
      return { kind: 'driver', roundId: view.round.roundId, driver: PULSE_DRIVERS[0], groupKey };
    });

  const startFromComment = React.useCallback((): void => {
    if (fromComment) {
      open(() => ({ kind: 'comment', roundId: fromComment.roundId, threadId: fromComment.threadId, text: fromComment.text, groupKey: fromComment.groupKey }));
    }
  }, [fromComment, open]);
  React.useEffect(startFromComment, [startFromComment]);

  if (editing) {
    const groups = view.groups.filter((group) => mayWritePlanFor(editing.writer, group.key)).map((group) => ({ key: group.key, label: group.text }));
    return (
      <PlanEditor
        store={plans.store}
        drafts={plans.drafts}
        start={editing.start}
        groups={groups}
        writer={editing.writer}
        owner={plans.me}
        locale={locale}
        timeZone={props.timeZone}
        focusOnOpen={fromComment !== undefined}
        onSaved={() => setReloadKey((n) => n + 1)}
        onClose={() => (fromComment && view.onClose ? view.onClose() : setEditing(undefined))}
      />
    );
  }
  const failure = failed && (
    <Notice type="error" live={true}>
      {failed}
    </Notice>
  );
  if (fromComment) {
    return (
      <div className={styles.tab}>
        {opening && <Spinner label={words.loading} />}
        {failure}
        {failed && (
          <div className={styles.actions}>
            <Button className={styles.target} text={words.tryAgain} onClick={startFromComment} />
            {view.onClose && <Button className={styles.target} text={words.close} onClick={view.onClose} />}
          </div>
        )}
      </div>
    );
  }
  return (
    <div className={styles.tab}>
      <Button className={styles.target} primary={true} iconName="Add" text={words.newPlan} disabled={opening} onClick={startNew} />
      {failure}
      {failed && (
        <div className={styles.actions}>
          <Button className={styles.target} text={words.tryAgain} disabled={opening} onClick={startNew} />
        </div>
      )}
      <PlanList
        store={plans.store}
        results={view.rounds}
        locale={locale}
        timeZone={props.timeZone}
        groupName={(key) => view.groups.find((group) => group.key === key)?.text}
        onEdit={(plan, writer) => setEditing({ start: { kind: 'plan', plan }, writer })}
        reloadKey={reloadKey}
      />
    </div>
  );
}
