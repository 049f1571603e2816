/**
 * The plan editor of the Pulse results part: HR or a crew's leader turns a driver or a comment
 * into an action plan, saves it as a draft, publishes it to the group and keeps its status.
 *
 * - Every field has a visible label; a broken rule is said beside its field (the core's checks,
 *   the same the relay runs), and the first such field takes the focus.
 * - Nothing typed is lost: every change is kept on the device (`PlanDrafts`) until the relay has
 *   stored it; a failed save says why, keeps the words and offers Try again; the editor opened
 *   again for the same plan (or the same driver, group and round) brings the words back.
 * - A new plan is stored once under its plan key, however often it is sent.
 * - A comment is quoted by its thread id: its words are shown here as the results showed them, and
 *   the relay serves them with the plan only while the comment is shown (HR has not hidden it, its
 *   author has not deleted it). "You said" starts empty: the writer's own words are stored as
 *   written, so the comment is not copied into them (and a copy is refused).
 */
import * as React from 'react';

import type { PulseDriver } from '../../core/models/pulse';
import { PULSE_DRIVERS } from '../../core/models/pulse';
import type { DeviceDraft, PlanDrafts } from '../../core/pulse/plans/drafts';
import type { PlanWriter } from '../../core/pulse/plans/scope';
import { type ActionPlanRecord, type PlanError, type PlanErrorCode, type PlanField, type PlanFields, type PlanOwner, PLAN_LIMITS, PLAN_STATUSES, type PlanSource, type PlanStatus } from '../../core/pulse/plans/types';
import { checkPlan, type PlanPurpose } from '../../core/pulse/plans/validate';
import { type PlanStore, PlanStoreError } from '../../core/pulse/plans/wire';
import { formatLocalDate, localDateOf } from '../../core/pulse/zonedTime';
import { newRequestId } from '../../core/requestId';
import { formatCount, format } from '../format';
import { Button } from '../light/Button';
import { Notice } from '../light/Notice';
import { useId } from '../light/useId';
import { planWords } from './planWords';
import styles from './PulsePlans.module.scss';

/** Where the editor starts: a new plan from a driver or a comment, or a stored plan. */
export type PlanStart =
  | { readonly kind: 'driver'; readonly roundId: number; readonly driver: PulseDriver; readonly groupKey: string }
  | {
      readonly kind: 'comment';
      readonly roundId: number;
      /** The comment's thread id (what the plan names it by). */
      readonly threadId: string;
      /** The comment's words as the results showed them. */
      readonly text: string;
      /** The list it was shown in: the plan's group. */
      readonly groupKey: string;
      readonly driver?: PulseDriver;
    }
  | { readonly kind: 'plan'; readonly plan: ActionPlanRecord };

export interface PlanGroupOption {
  /** A plan group key (`plant`, `crew=…`, `line=got-weld2`). */
  readonly key: string;
  /** The group's name in the reader's language ("Crew Welding nights"). */
  readonly label: string;
}

export interface IPlanEditorProps {
  /** The relay's plan routes (`pulsePlansOf(services).store`). */
  readonly store: Pick<PlanStore, 'save' | 'publish'>;
  /** The writer's unsent words on this device (`pulsePlansOf(services).drafts`). */
  readonly drafts: PlanDrafts;
  readonly start: PlanStart;
  /** The groups the writer may publish to (HR: any group of the results; a leader: their crews). */
  readonly groups: readonly PlanGroupOption[];
  /** Who the relay said the writer is (`GET /api/pulse/plans/mine` → `writer`), for the checks beside the fields. */
  readonly writer: PlanWriter;
  /** The owner a new plan starts with (the writer: `pulsePlansOf(services).me`). */
  readonly owner: PlanOwner;
  /** The reader's language, e.g. `nl-nl`. */
  readonly locale: string;
  /** The plant's IANA time zone: its today is the earliest due date. */
  readonly timeZone: string;
  /** Takes the focus to the editor's heading when it opens (opened in place of what the writer was reading). */
  readonly focusOnOpen?: boolean;
  /** Called with the plan as the relay stored it after each save, publish or take-back. */
  onSaved?(plan: ActionPlanRecord): void;
  onClose?(): void;
  /** The clock (tests). */
  readonly now?: () => Date;
}

type Action = 'draft' | 'publish' | 'unpublish';

function initialFields(start: PlanStart, owner: PlanOwner): PlanFields {
  if (start.kind === 'plan') {
    const { plan } = start;
    return {
      headline: plan.headline,
      driver: plan.driver,
      source: plan.source,
      youSaid: plan.youSaid,
      weWillDo: plan.weWillDo,
      owner: plan.owner,
      dueDate: plan.dueDate,
      status: plan.status,
      groupKey: plan.groupKey,
      roundId: plan.roundId
    };
  }
  return {
    headline: '',
    driver: start.driver ?? 'engagement',
    source: start.kind === 'comment' ? { kind: 'comment', threadId: start.threadId, text: start.text } : { kind: 'driver' },
    youSaid: '',
    weWillDo: '',
    owner,
    dueDate: '',
    status: 'planned',
    groupKey: start.groupKey,
    roundId: start.roundId
  };
}

/** The comment a start quotes, with its words (a device keeps no words: they come from where the editor opened). */
function quoteOfStart(start: PlanStart): PlanSource | undefined {
  if (start.kind === 'comment') {
    return { kind: 'comment', threadId: start.threadId, text: start.text };
  }
  return start.kind === 'plan' && start.plan.source.kind === 'comment' ? start.plan.source : undefined;
}

/** The device's draft for this start: the stored plan's, or a new plan's with the same round, group and source. */
function keptDraft(drafts: PlanDrafts, start: PlanStart): DeviceDraft | undefined {
  if (start.kind === 'plan') {
    return drafts.find({ id: start.plan.id });
  }
  const threadId = start.kind === 'comment' ? start.threadId : undefined;
  return drafts
    .list()
    .find(
      (draft) =>
        draft.id === undefined &&
        draft.fields.roundId === start.roundId &&
        draft.fields.groupKey === start.groupKey &&
        (threadId === undefined ? start.driver === draft.fields.driver : draft.fields.source.kind === 'comment' && draft.fields.source.threadId === threadId)
    );
}

/** A kept draft's fields with the quoted comment's words back, when it quotes the comment the editor opened with. */
function withQuote(fields: PlanFields, start: PlanStart): PlanFields {
  const quote = quoteOfStart(start);
  const source = fields.source;
  return source.kind === 'comment' && quote?.kind === 'comment' && source.threadId !== undefined && source.threadId === quote.threadId ? { ...fields, source: quote } : fields;
}

export function PlanEditor(props: IPlanEditorProps): React.ReactElement {
  const words = planWords(props.locale);
  const { drafts, start } = props;
  const [initial] = React.useState(() => {
    const kept = keptDraft(drafts, start);
    const stored = start.kind === 'plan' ? start.plan : undefined;
    return {
      restored: kept !== undefined,
      planKey: kept?.planKey ?? newRequestId(),
      fields: kept ? withQuote(kept.fields, start) : initialFields(start, props.owner),
      id: stored?.id ?? kept?.id,
      version: stored?.version ?? kept?.version,
      storedDueDate: stored?.dueDate,
      publishedAt: stored?.publishedAt
    };
  });
  const [fields, setFields] = React.useState<PlanFields>(initial.fields);
  const [saved, setSaved] = React.useState<{ id?: number; version?: string; publishedAt?: string; storedDueDate?: string }>({
    id: initial.id,
    version: initial.version,
    publishedAt: initial.publishedAt,
    storedDueDate: initial.storedDueDate
  });
  const [checked, setChecked] = React.useState<PlanPurpose | undefined>(undefined);
  // What the relay refused that only it can tell (a quote not available), until the next change.
  const [refusal, setRefusal] = React.useState<readonly PlanError[]>([]);
  // The field a refusal names takes the focus once the buttons are enabled again.
  const [focusAfterSend, setFocusAfterSend] = React.useState<PlanField | undefined>(undefined);
  const [busy, setBusy] = React.useState<Action | undefined>(undefined);
  const [notice, setNotice] = React.useState<{ type: 'success' | 'error' | 'info'; text: string; retry?: Action } | undefined>(
    initial.restored ? { type: 'info', text: words.restored } : undefined
  );
  const fieldRefs = React.useRef<{ [field in PlanField]?: HTMLElement | null }>({});
  const heading = React.useRef<HTMLHeadingElement>(null);
  const focusOnOpen = props.focusOnOpen === true;
  React.useEffect(() => {
    if (focusOnOpen) {
      heading.current?.focus();
    }
  }, [focusOnOpen]);
  React.useEffect(() => {
    if (focusAfterSend && busy === undefined) {
      fieldRefs.current[focusAfterSend]?.focus();
      setFocusAfterSend(undefined);
    }
  }, [focusAfterSend, busy]);
  const idBase = useId('se-plan');
  const now = props.now ?? (() => new Date());
  const today = formatLocalDate(localDateOf(props.timeZone, now()));

  const quote = fields.source.kind === 'comment' ? fields.source.text : undefined;
  const context = (purpose: PlanPurpose): Parameters<typeof checkPlan>[1] => ({ today, writer: props.writer, purpose, storedDueDate: saved.storedDueDate, quote });
  const purposeNow: PlanPurpose = saved.publishedAt ? 'publish' : 'draft';
  const shownCheck = checked ? checkPlan(fields, context(saved.publishedAt ? 'publish' : checked)) : undefined;
  const errorOf = (field: PlanField): PlanErrorCode | undefined =>
    (shownCheck && !shownCheck.ok ? shownCheck.errors.find((e) => e.field === field)?.code : undefined) ?? refusal.find((e) => e.field === field)?.code;

  const change = (next: Partial<PlanFields>): void => {
    const merged = { ...fields, ...next };
    setFields(merged);
    setRefusal([]);
    // Kept on the device at every change: a closed tab or a dead battery loses nothing either.
    drafts.keep({ planKey: initial.planKey, ...(saved.id !== undefined ? { id: saved.id, version: saved.version } : {}), fields: merged });
  };

  async function run(action: Action): Promise<void> {
    const purpose: PlanPurpose = action === 'publish' || saved.publishedAt ? 'publish' : 'draft';
    if (action !== 'unpublish') {
      setChecked(purpose);
      const check = checkPlan(fields, context(purpose));
      if (!check.ok) {
        fieldRefs.current[check.errors[0].field]?.focus();
        setNotice(undefined);
        return;
      }
    }
    setBusy(action);
    setNotice(undefined);
    try {
      let plan: ActionPlanRecord | undefined;
      if (action === 'unpublish') {
        plan = await props.store.publish(saved.id as number, saved.version as string, false);
      } else {
        const check = checkPlan(fields, context(purpose));
        plan = await props.store.save({
          planKey: initial.planKey,
          ...(saved.id !== undefined ? { id: saved.id, version: saved.version } : {}),
          plan: check.ok ? check.fields : fields
        });
        if (action === 'publish' && !plan.publishedAt) {
          // Saved first, so a failed publish leaves the words stored and Try again publishes them.
          setSaved({ id: plan.id, version: plan.version, publishedAt: plan.publishedAt, storedDueDate: plan.dueDate });
          plan = await props.store.publish(plan.id, plan.version, true);
        }
      }
      drafts.forget(initial.planKey);
      setSaved({ id: plan.id, version: plan.version, publishedAt: plan.publishedAt, storedDueDate: plan.dueDate });
      setNotice({ type: 'success', text: action === 'unpublish' ? words.unpublished : plan.publishedAt ? words.savedPublished : words.savedDraft });
      props.onSaved?.(plan);
    } catch (error) {
      const failure = error instanceof PlanStoreError ? error : new PlanStoreError('unexpected', String(error));
      setRefusal(failure.errors);
      setFocusAfterSend(failure.errors[0]?.field);
      // Someone else's change is not overwritten by trying again.
      setNotice({ type: 'error', text: format(words.keptOnDevice, words.storeErrors[failure.code]), retry: failure.code === 'changed' ? undefined : action });
    } finally {
      setBusy(undefined);
    }
  }

  const idOf = (field: PlanField, part: 'input' | 'error' | 'hint'): string => `${idBase}-${field}-${part}`;
  const describedBy = (field: PlanField, hint?: boolean): string | undefined =>
    [errorOf(field) ? idOf(field, 'error') : '', hint ? idOf(field, 'hint') : ''].filter((id) => id !== '').join(' ') || undefined;
  const controlProps = (field: PlanField, hint?: boolean): { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string; ref: (element: HTMLElement | null) => void } => ({
    id: idOf(field, 'input'),
    'aria-invalid': errorOf(field) !== undefined,
    'aria-describedby': describedBy(field, hint),
    ref: (element) => {
      fieldRefs.current[field] = element;
    }
  });
  const errorText = (field: PlanField): React.ReactNode => {
    const code = errorOf(field);
    return code ? (
      <p id={idOf(field, 'error')} className={styles.error}>
        {words.errors[code]}
      </p>
    ) : undefined;
  };
  const label = (field: PlanField, text: string): React.ReactNode => (
    <label htmlFor={idOf(field, 'input')} className={styles.label}>
      {text}
    </label>
  );
  const left = (text: string, limit: number): string => formatCount(props.locale, Math.max(0, limit - text.length), words.charactersLeft);
  const groupOptions = props.groups.some((group) => group.key === fields.groupKey) ? props.groups : [{ key: fields.groupKey, label: fields.groupKey }, ...props.groups];
  const disabled = busy !== undefined;

  return (
    <section className={styles.plans} aria-labelledby={`${idBase}-title`}>
      <h2 id={`${idBase}-title`} ref={heading} tabIndex={-1} className={styles.title}>
        {saved.id !== undefined ? words.editPlan : words.newPlan}
      </h2>
      <form
        className={styles.form}
        noValidate={true}
        onSubmit={(event) => {
          event.preventDefault();
          void run(purposeNow === 'publish' ? 'publish' : 'draft');
        }}
      >
        {fields.source.kind === 'comment' ? (
          <div className={styles.field}>
            <span className={styles.label}>{words.fromComment}</span>
            {quote !== undefined ? <blockquote className={styles.quote}>{quote}</blockquote> : <p className={styles.meta}>{words.quoteGone}</p>}
            <p id={idOf('source', 'hint')} className={styles.hint}>
              {words.quoteHint}
            </p>
            {errorText('source')}
            <div className={styles.actions}>
              <Button
                ref={(element) => {
                  fieldRefs.current.source = element;
                }}
                aria-describedby={describedBy('source', true)}
                className={styles.target}
                text={words.removeQuote}
                disabled={disabled}
                onClick={() => change({ source: { kind: 'driver' } })}
              />
            </div>
          </div>
        ) : (
          <p className={styles.meta}>{format(words.fromDriver, words.drivers[fields.driver])}</p>
        )}

        <div className={styles.field}>
          {label('headline', words.headline)}
          <input {...controlProps('headline')} className={styles.input} type="text" value={fields.headline} maxLength={PLAN_LIMITS.headline * 2} onChange={(e) => change({ headline: e.target.value })} />
          {errorText('headline')}
        </div>

        <div className={styles.field}>
          {label('driver', words.driver)}
          <select {...controlProps('driver')} className={styles.select} value={fields.driver} onChange={(e) => change({ driver: e.target.value as PulseDriver })}>
            {PULSE_DRIVERS.map((driver) => (
              <option key={driver} value={driver}>
                {words.drivers[driver]}
              </option>
            ))}
          </select>
          {errorText('driver')}
        </div>

        <div className={styles.field}>
          {label('group', words.group)}
          <select {...controlProps('group')} className={styles.select} value={fields.groupKey} onChange={(e) => change({ groupKey: e.target.value })}>
            {groupOptions.map((group) => (
              <option key={group.key} value={group.key}>
                {group.label}
              </option>
            ))}
          </select>
          {errorText('group')}
        </div>

        <div className={styles.field}>
          {label('youSaid', words.youSaid)}
          <p id={idOf('youSaid', 'hint')} className={styles.hint}>
            {words.youSaidHint} {left(fields.youSaid, PLAN_LIMITS.youSaid)}
          </p>
          <textarea {...controlProps('youSaid', true)} className={styles.textarea} value={fields.youSaid} onChange={(e) => change({ youSaid: e.target.value })} />
          {errorText('youSaid')}
        </div>

        <div className={styles.field}>
          {label('weWillDo', fields.status === 'done' ? words.weDid : words.weWillDo)}
          <p id={idOf('weWillDo', 'hint')} className={styles.hint}>
            {left(fields.weWillDo, PLAN_LIMITS.weWillDo)}
          </p>
          <textarea {...controlProps('weWillDo', true)} className={styles.textarea} value={fields.weWillDo} onChange={(e) => change({ weWillDo: e.target.value })} />
          {errorText('weWillDo')}
        </div>

        <div className={styles.field}>
          {label('owner', words.ownerName)}
          <p id={idOf('owner', 'hint')} className={styles.hint}>
            {words.ownerHint}
          </p>
          <input {...controlProps('owner', true)} className={styles.input} type="text" autoComplete="off" value={fields.owner.name} onChange={(e) => change({ owner: { ...fields.owner, name: e.target.value } })} />
          <label htmlFor={`${idBase}-owner-login`} className={styles.label}>
            {words.ownerLogin}
          </label>
          <input
            id={`${idBase}-owner-login`}
            className={styles.input}
            type="email"
            autoComplete="off"
            aria-invalid={errorOf('owner') !== undefined}
            aria-describedby={describedBy('owner')}
            value={fields.owner.login}
            onChange={(e) => change({ owner: { ...fields.owner, login: e.target.value } })}
          />
          {errorText('owner')}
        </div>

        <div className={styles.field}>
          {label('dueDate', words.dueDate)}
          <input {...controlProps('dueDate')} className={styles.input} type="date" min={today} value={fields.dueDate} onChange={(e) => change({ dueDate: e.target.value })} />
          {errorText('dueDate')}
        </div>

        <div className={styles.field}>
          {label('status', words.status)}
          <select {...controlProps('status')} className={styles.select} value={fields.status} onChange={(e) => change({ status: e.target.value as PlanStatus })}>
            {PLAN_STATUSES.map((status) => (
              <option key={status} value={status}>
                {words.statuses[status]}
              </option>
            ))}
          </select>
          {errorText('status')}
        </div>
        {errorText('round')}

        {notice && (
          <Notice type={notice.type}>
            {notice.text}
            {notice.retry && (
              <>
                {' '}
                <Button className={styles.target} text={words.tryAgain} disabled={disabled} onClick={() => {
                  void run(notice.retry as Action);
                }} />
              </>
            )}
          </Notice>
        )}

        <div className={styles.actions}>
          {saved.publishedAt ? (
            <>
              <Button className={styles.target} primary={true} type="submit" text={busy ? words.saving : words.publish} disabled={disabled} />
              <Button className={styles.target} text={words.unpublish} disabled={disabled} onClick={() => {
                  void run('unpublish');
                }} />
            </>
          ) : (
            <>
              <Button className={styles.target} type="submit" text={busy === 'draft' ? words.saving : words.saveDraft} disabled={disabled} />
              <Button className={styles.target} primary={true} text={busy === 'publish' ? words.saving : words.publish} disabled={disabled} onClick={() => {
                  void run('publish');
                }} />
            </>
          )}
          {props.onClose && <Button className={styles.target} text={words.close} disabled={disabled} onClick={props.onClose} />}
        </div>
      </form>
    </section>
  );
}
