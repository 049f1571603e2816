/**
 * Giving recognition in three taps on a phone: 1) who (my crew first, or search; several people
 * make a crew award), 2) which value, 3) what they did and what it achieved, then Send.
 * The draft stays in session storage until it is sent; nothing typed is lost.
 */
import * as React from 'react';
import { DefaultButton, IconButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { ChoiceGroup, type IChoiceGroupOption } from '@fluentui/react/lib/ChoiceGroup';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Panel, PanelType } from '@fluentui/react/lib/Panel';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { TextField } from '@fluentui/react/lib/TextField';
import * as strings from 'RecognitionWallWebPartStrings';

import type { ItemId } from '../../../core/models/common';
import type { RecognitionVisibility } from '../../../core/models/recognition';
import type { RecognitionValue } from '../../../core/models/values';
import type { PersonProfile } from '../../../core/people/types';
import {
  cleanComposeField,
  type ComposeError,
  composeFieldLength,
  composeRecognition,
  type ComposeTextField,
  MAX_IMPACT_LENGTH,
  MAX_MESSAGE_LENGTH,
  normaliseLine,
  normaliseText,
  type RecipientRef
} from '../../../core/recognition/compose';
import type { RecognitionStoreErrorCode, WallItem } from '../../../core/recognition/ports';
import { format, formatCount } from '../../../ui/format';
import { FluentTheme } from '../../../ui/host/FluentTheme';
import { useThemeVariables } from '../../../ui/host/ThemedPart';
import { Icon } from '../../../ui/light/Icon';
import { valueDescription, valueName } from '../../../core/recognition/values';
import { type WallViewer } from '../../../core/recognition/wallRules';
import { type ComposerDraft, type ComposerStep, emptyDraft, readDraft, writeDraft } from './composerDraft';
import { newRequestId } from '../../../core/requestId';
import type { IRecognitionWallServices } from './IRecognitionWallProps';
import { charactersLeftText, composeErrorText, controlCharactersRemovedText } from '../../../ui/recognition/composeErrorText';
import { storeErrorSentence, storeErrorText } from '../../../ui/recognition/storeErrorText';
import { useGiveRecognition } from '../../../ui/recognition/useGiveRecognition';
import styles from './RecognitionWall.module.scss';

export interface IRecogniseComposerProps {
  readonly isOpen: boolean;
  onDismiss(): void;
  readonly services: Pick<IRecognitionWallServices, 'people' | 'giving' | 'draftStore'>;
  readonly viewer: WallViewer;
  /** Values the person may pick (active, allowed here), in HR's order. */
  readonly choosable: readonly RecognitionValue[];
  /** Every value HR defined (the rules check a deactivated one). */
  readonly allValues: readonly RecognitionValue[];
  readonly locale: string;
  readonly now: () => Date;
  /** Stored: the new posts go to the top of the wall. */
  /** `unnotified`: recipients Teams could not tell (the recognitions are saved). */
  onSent(items: WallItem[], unnotified: readonly string[]): void;
  /** Kept on the device until the connection is back. */
  /** `code`: why it waits on the device (see `queuedText`). */
  onQueued(code: RecognitionStoreErrorCode): void;
}

type FieldErrors = Partial<Record<ComposeError['field'], string>>;

const SEARCH_DELAY_MS = 300;
const MIN_SEARCH = 2;

function errorsByField(errors: readonly ComposeError[], locale: string): FieldErrors {
  const result: FieldErrors = {};
  for (const error of errors) {
    const text = composeErrorText(error, locale);
    result[error.field] = result[error.field] ? `${result[error.field]} ${text}` : text;
  }
  return result;
}

function stepOf(errors: FieldErrors): ComposerStep {
  return errors.recipients ? 1 : errors.value ? 2 : 3;
}

type SearchState =
  | { kind: 'idle' }
  | { kind: 'short' }
  | { kind: 'searching' }
  | { kind: 'done'; people: PersonProfile[] }
  | { kind: 'failed' };

function PersonToggle(props: {
  person: PersonProfile;
  selected: boolean;
  onToggle(person: PersonProfile): void;
}): React.ReactElement {
  const { person, selected } = props;
  return (
    <li>
      <button
        type="button"
        className={`${styles.personButton} ${selected ? styles.selected : ''}`}
        aria-pressed={selected}
        onClick={() => props.onToggle(person)}
      >
        <Icon iconName={selected ? 'CheckboxComposite' : 'Checkbox'} className={styles.personCheck} />
        <span className={styles.personText}>
          <span dir="auto" className={styles.personName}>
            {person.displayName}
          </span>
          {person.jobTitle && (
            <span dir="auto" className={styles.personDetail}>
              {person.jobTitle}
            </span>
          )}
        </span>
      </button>
    </li>
  );
}

export function RecogniseComposer(props: IRecogniseComposerProps): React.ReactElement {
  const { services, viewer, choosable, allValues, locale, isOpen } = props;
  const [draft, setDraftState] = React.useState<ComposerDraft>(() => readDraft(services.draftStore));
  const [errors, setErrors] = React.useState<FieldErrors>({});
  const [formError, setFormError] = React.useState<string | undefined>(undefined);
  const [resolving, setResolving] = React.useState(false);
  /** Per text field: the note that control characters were removed from what was pasted. */
  const [removedNotice, setRemovedNotice] = React.useState<Partial<Record<ComposeTextField, string>>>({});
  const giving = useGiveRecognition();
  const busy = resolving ? 'resolving' : giving.sending ? 'sending' : undefined;
  const [crew, setCrew] = React.useState<PersonProfile[] | 'loading' | 'failed'>('loading');
  const [query, setQuery] = React.useState('');
  const [search, setSearch] = React.useState<SearchState>({ kind: 'idle' });
  const latestQuery = React.useRef('');
  const stepHeading = React.useRef<HTMLHeadingElement>(null);
  // The panel renders on a layer outside the part: it gets the part's colours itself.
  const colours = useThemeVariables();

  const setDraft = React.useCallback(
    (update: (previous: ComposerDraft) => ComposerDraft) => {
      setDraftState((previous) => {
        const next = update(previous);
        writeDraft(services.draftStore, next);
        return next;
      });
    },
    [services.draftStore]
  );

  // My crew first: loaded once, when the panel opens for the first time.
  React.useEffect(() => {
    if (!isOpen || crew !== 'loading') {
      return;
    }
    let cancelled = false;
    services.people.myCrew().then(
      (people) => !cancelled && setCrew(people.filter((p) => p.id !== viewer.directoryId)),
      () => !cancelled && setCrew('failed')
    );
    return () => {
      cancelled = true;
    };
  }, [isOpen, crew, services.people, viewer.directoryId]);

  // Directory search, debounced; only the answer to the latest text is shown.
  React.useEffect(() => {
    const text = query.trim();
    latestQuery.current = text;
    if (text.length === 0) {
      setSearch({ kind: 'idle' });
      return;
    }
    if (text.length < MIN_SEARCH) {
      setSearch({ kind: 'short' });
      return;
    }
    const timer = setTimeout(() => {
      setSearch({ kind: 'searching' });
      services.people.search(text).then(
        (people) => latestQuery.current === text && setSearch({ kind: 'done', people }),
        () => latestQuery.current === text && setSearch({ kind: 'failed' })
      );
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, services.people]);

  // Focus moves to the heading of each step, so screen reader and keyboard users follow along.
  React.useEffect(() => {
    if (isOpen) {
      stepHeading.current?.focus();
    }
  }, [draft.step, isOpen]);

  const goTo = (step: ComposerStep): void => setDraft((d) => ({ ...d, step }));

  const togglePerson = (person: PersonProfile): void => {
    setFormError(undefined);
    if (person.id === viewer.directoryId) {
      setErrors((e) => ({ ...e, recipients: composeErrorText({ code: 'selfRecognition', field: 'recipients' }, locale) }));
      return;
    }
    setErrors((e) => ({ ...e, recipients: undefined }));
    setDraft((d) =>
      d.people.some((p) => p.id === person.id)
        ? { ...d, people: d.people.filter((p) => p.id !== person.id) }
        : { ...d, people: [...d.people, person] }
    );
  };

  /** The picked people as site users: resolved once, kept in the draft (so sending works offline). */
  const resolveAll = async (current: ComposerDraft): Promise<RecipientRef[]> => {
    const known = current.recipients;
    const refs = await Promise.all(current.people.map((person) => known[person.id] ?? services.people.resolve(person)));
    const resolved: Record<string, RecipientRef | undefined> = {};
    current.people.forEach((person, index) => {
      resolved[person.id] = refs[index];
    });
    setDraft((d) => ({ ...d, recipients: { ...d.recipients, ...resolved } }));
    return refs;
  };

  /**
   * What was typed or pasted, without control characters, which cannot be saved: the field
   * shows exactly what will be sent, and a note says how many were removed (nothing the
   * person can see is lost; see `cleanComposeField`).
   */
  const cleanTyped = (field: ComposeTextField, text: string | undefined): string => {
    const cleaned = cleanComposeField(text ?? '', field);
    if (cleaned.removed > 0) {
      setRemovedNotice((n) => ({ ...n, [field]: controlCharactersRemovedText(cleaned.removed, locale) }));
    }
    return cleaned.text;
  };

  const check = (current: ComposerDraft, recipients: RecipientRef[], fields: ReadonlyArray<ComposeError['field']>): FieldErrors => {
    const result = composeRecognition(
      { recipients, valueKey: current.valueKey, message: current.message, impact: current.impact, visibility: current.visibility },
      { giverId: viewer.siteUserId, values: allValues, requestId: current.requestId, siteCode: viewer.siteCode ?? '', locale }
    );
    return result.ok ? {} : errorsByField(result.errors.filter((e) => fields.indexOf(e.field) >= 0), locale);
  };

  const nextFromPeople = async (): Promise<void> => {
    setFormError(undefined);
    if (draft.people.length === 0) {
      setErrors({ recipients: composeErrorText({ code: 'noRecipient', field: 'recipients' }, locale) });
      return;
    }
    setResolving(true);
    try {
      const refs = await resolveAll(draft);
      const found = check(draft, refs, ['recipients']);
      setErrors(found);
      if (!found.recipients) {
        goTo(2);
      }
    } catch (error) {
      setFormError(storeErrorSentence(error));
    } finally {
      setResolving(false);
    }
  };

  const pickValue = (valueKey: string): void => {
    setErrors((e) => ({ ...e, value: undefined }));
    setDraft((d) => ({ ...d, valueKey, step: 3 }));
  };

  const nextFromValue = (): void => {
    const found = check(draft, [], ['value']);
    setErrors(found);
    if (!found.value) {
      goTo(3);
    }
  };

  /** The new posts as the wall shows them until it is loaded again. */
  const postsOf = (recipients: readonly RecipientRef[], ids: readonly ItemId[]): WallItem[] => {
    const created = props.now().toISOString();
    const message = normaliseText(draft.message);
    const impact = normaliseLine(draft.impact);
    return recipients.map((recipient, index) => ({
      id: ids[index],
      recipient: { id: recipient.siteUserId, displayName: recipient.displayName },
      giver: { id: viewer.siteUserId, displayName: viewer.displayName },
      kind: recipients.length > 1 ? 'crew' : 'peer',
      valueKey: draft.valueKey,
      message,
      ...(impact ? { impact } : {}),
      siteCode: recipient.siteCode ?? viewer.siteCode ?? '',
      lineCode: recipient.lineCode,
      crewKey: recipient.crewKey,
      visibility: draft.visibility,
      status: 'published',
      created
    }));
  };

  const send = async (): Promise<void> => {
    setFormError(undefined);
    const outcome = await giving.give(
      {
        recipients: () => resolveAll(draft),
        valueKey: draft.valueKey,
        message: draft.message,
        impact: draft.impact,
        visibility: draft.visibility
      },
      {
        giver: services.giving,
        values: allValues,
        giverId: viewer.siteUserId,
        giverName: viewer.displayName,
        siteCode: viewer.siteCode ?? '',
        locale,
        requestId: draft.requestId
      }
    );
    switch (outcome.kind) {
      case 'invalid': {
        const found = errorsByField(outcome.errors, locale);
        setErrors(found);
        goTo(stepOf(found));
        return;
      }
      case 'rejected':
        // The draft stays in the form with a new request id; the refused copy left the device's outbox.
        setDraft((d) => ({ ...d, requestId: newRequestId() }));
        setFormError(format(strings.SendRejected, storeErrorText(outcome.code)));
        return;
      case 'failed':
        setFormError(storeErrorSentence(outcome.code));
        return;
      case 'sent':
      case 'queued':
        services.draftStore.clear();
        setDraftState(emptyDraft());
        setErrors({});
        setRemovedNotice({});
        setQuery('');
        if (outcome.kind === 'sent') {
          props.onSent(postsOf(outcome.recipients, outcome.ids), outcome.unnotified);
        } else {
          props.onQueued(outcome.code);
        }
    }
  };

  const selectedIds = new Set(draft.people.map((p) => p.id));
  const crewPeople = Array.isArray(crew) ? crew : [];
  const searchPeople = search.kind === 'done' ? search.people.filter((p) => !crewPeople.some((c) => c.id === p.id)) : [];
  const chosenValue = allValues.find((v) => v.valueKey === draft.valueKey);

  const visibilityOptions: IChoiceGroupOption[] = [
    { key: 'everyone', text: strings.VisibilityEveryone },
    { key: 'crew', text: strings.VisibilityCrew },
    { key: 'private', text: strings.VisibilityPrivate }
  ];

  const stepTitle = draft.step === 1 ? strings.StepPeople : draft.step === 2 ? strings.StepValue : strings.StepMessage;

  const footer = (): React.ReactElement => (
    <div className={styles.composerFooter} style={colours}>
      {busy && <Spinner size={SpinnerSize.small} label={busy === 'sending' ? strings.Sending : strings.CheckingPeople} />}
      {draft.step > 1 && (
        <DefaultButton className={styles.touch} text={strings.Back} disabled={busy !== undefined} onClick={() => goTo((draft.step - 1) as ComposerStep)} />
      )}
      {draft.step === 1 && (
        <PrimaryButton
          className={styles.touch}
          text={draft.people.length > 0 ? formatCount(locale, draft.people.length, { one: strings.NextWithCountOne, other: strings.NextWithCount }) : strings.Next}
          disabled={busy !== undefined}
          onClick={() => {
            void nextFromPeople();
          }}
        />
      )}
      {draft.step === 2 && <PrimaryButton className={styles.touch} text={strings.Next} disabled={busy !== undefined} onClick={nextFromValue} />}
      {draft.step === 3 && (
        <PrimaryButton className={styles.touch} text={strings.Send} disabled={busy !== undefined} onClick={() => {
          void send();
        }} />
      )}
    </div>
  );

  return (
    <FluentTheme>
      <Panel
        isOpen={isOpen}
        onDismiss={props.onDismiss}
        type={PanelType.medium}
        headerText={strings.ComposerTitle}
        closeButtonAriaLabel={strings.Close}
        isFooterAtBottom={true}
        onRenderFooterContent={footer}
      >
        <div className={styles.composer} style={colours}>
          <p className={styles.stepCounter}>{format(strings.StepOf, draft.step, 3)}</p>
          <h3 className={styles.stepHeading} tabIndex={-1} ref={stepHeading}>
            {stepTitle}
          </h3>
          {formError && <MessageBar messageBarType={MessageBarType.error}>{formError}</MessageBar>}

          {draft.step === 1 && (
            <div>
              {draft.people.length > 0 && (
                <ul className={styles.chips} aria-label={strings.SelectedPeople}>
                  {draft.people.map((person) => (
                    <li key={person.id} className={styles.chip}>
                      <span dir="auto">{person.displayName}</span>
                      <IconButton
                        className={styles.touch}
                        iconProps={{ iconName: 'Cancel' }}
                        ariaLabel={format(strings.RemovePerson, person.displayName)}
                        title={format(strings.RemovePerson, person.displayName)}
                        onClick={() => togglePerson(person)}
                      />
                    </li>
                  ))}
                </ul>
              )}
              {errors.recipients && (
                <p role="alert" className={styles.fieldError} id="se-recognise-people-error">
                  {errors.recipients}
                </p>
              )}
              <TextField
                label={strings.SearchLabel}
                type="search"
                styles={{ fieldGroup: { minHeight: 48 } }}
                value={query}
                autoComplete="off"
                placeholder={strings.SearchPlaceholder}
                onChange={(_e, text) => setQuery(text ?? '')}
                aria-describedby={errors.recipients ? 'se-recognise-people-error' : undefined}
              />
              <div role="status" className={styles.searchStatus}>
                {search.kind === 'short' && strings.SearchTooShort}
                {search.kind === 'searching' && strings.Searching}
                {search.kind === 'failed' && strings.SearchFailed}
                {search.kind === 'done' && search.people.length === 0 && strings.NoOneFound}
              </div>
              {searchPeople.length > 0 && (
                <ul className={styles.people} aria-label={strings.SearchResults}>
                  {searchPeople.map((person) => (
                    <PersonToggle key={person.id} person={person} selected={selectedIds.has(person.id)} onToggle={togglePerson} />
                  ))}
                </ul>
              )}
              <h4 className={styles.subHeading}>{strings.MyCrew}</h4>
              {crew === 'loading' && <Spinner size={SpinnerSize.small} label={strings.LoadingCrew} />}
              {crew === 'failed' && <p>{strings.CrewFailed}</p>}
              {Array.isArray(crew) && crew.length === 0 && <p>{strings.CrewEmpty}</p>}
              {crewPeople.length > 0 && (
                <ul className={styles.people} aria-label={strings.MyCrew}>
                  {crewPeople.map((person) => (
                    <PersonToggle key={person.id} person={person} selected={selectedIds.has(person.id)} onToggle={togglePerson} />
                  ))}
                </ul>
              )}
              {draft.people.length > 1 && <p className={styles.hint}>{strings.CrewAwardHint}</p>}
            </div>
          )}

          {draft.step === 2 && (
            <div>
              <div role="group" aria-label={strings.StepValue} className={styles.valueGrid} aria-describedby={errors.value ? 'se-recognise-value-error' : undefined}>
                {choosable.map((value) => {
                  const selected = value.valueKey === draft.valueKey;
                  const description = valueDescription(value, locale);
                  return (
                    <button
                      key={value.valueKey}
                      type="button"
                      className={`${styles.valueButton} ${selected ? styles.selected : ''}`}
                      aria-pressed={selected}
                      onClick={() => pickValue(value.valueKey)}
                      style={{ borderLeftColor: value.color }}
                    >
                      <Icon iconName={value.iconName ?? 'Medal'} className={styles.valueIcon} style={{ color: value.color }} />
                      <span className={styles.valueText}>
                        <span className={styles.valueName}>{valueName(value, locale)}</span>
                        {description && <span className={styles.valueDescription}>{description}</span>}
                      </span>
                    </button>
                  );
                })}
              </div>
              {choosable.length === 0 && <p>{strings.NoValues}</p>}
              {errors.value && (
                <p role="alert" className={styles.fieldError} id="se-recognise-value-error">
                  {errors.value}
                </p>
              )}
            </div>
          )}

          {draft.step === 3 && (
            <div className={styles.messageStep}>
              <p className={styles.summary}>
                {format(
                  strings.ComposeSummary,
                  draft.people.map((p) => p.displayName).join(', '),
                  chosenValue ? valueName(chosenValue, locale) : '—'
                )}
              </p>
              <TextField
                label={strings.MessageLabel}
                description={charactersLeftText(MAX_MESSAGE_LENGTH - composeFieldLength(draft.message, 'message'), locale)}
                placeholder={strings.MessagePlaceholder}
                multiline={true}
                rows={4}
                required={true}
                dir="auto"
                value={draft.message}
                errorMessage={errors.message}
                onChange={(_e, text) => {
                  setErrors((e) => ({ ...e, message: undefined }));
                  const cleaned = cleanTyped('message', text);
                  setDraft((d) => ({ ...d, message: cleaned }));
                }}
              />
              {removedNotice.message && <MessageBar messageBarType={MessageBarType.info}>{removedNotice.message}</MessageBar>}
              <TextField
                label={strings.ImpactLabel}
                description={`${strings.ImpactHelp} ${charactersLeftText(MAX_IMPACT_LENGTH - composeFieldLength(draft.impact, 'impact'), locale)}`}
                placeholder={strings.ImpactPlaceholder}
                dir="auto"
                value={draft.impact}
                errorMessage={errors.impact}
                onChange={(_e, text) => {
                  setErrors((e) => ({ ...e, impact: undefined }));
                  const cleaned = cleanTyped('impact', text);
                  setDraft((d) => ({ ...d, impact: cleaned }));
                }}
              />
              {removedNotice.impact && <MessageBar messageBarType={MessageBarType.info}>{removedNotice.impact}</MessageBar>}
              <ChoiceGroup
                label={strings.VisibilityLabel}
                options={visibilityOptions}
                selectedKey={draft.visibility}
                onChange={(_e, option) => {
                  if (option) {
                    setErrors((e) => ({ ...e, visibility: undefined }));
                    setDraft((d) => ({ ...d, visibility: option.key as RecognitionVisibility }));
                  }
                }}
              />
              {errors.visibility && (
                <p role="alert" className={styles.fieldError}>
                  {errors.visibility}
                </p>
              )}
            </div>
          )}
        </div>
      </Panel>
    </FluentTheme>
  );
}
