/**
 * Giving recognition in three taps on a phone, the one composer behaviour of every part
 * (`core/recognition/composer.ts`): 1) who (my crew first, or search; "Add someone" makes a
 * crew award), 2) which value, 3) a suggested line, which sends at once; or one's own words
 * ("Write your own"). The impact line and who can see it are one tap away, folded.
 * The draft stays in session storage until it is sent; nothing typed is lost.
 */
import * as React from 'react';
import { ActionButton, DefaultButton, IconButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { type IPanelStyles, Panel, PanelType } from '@fluentui/react/lib/Panel';
import type { IPopupProps } from '@fluentui/react/lib/Popup';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { TextField } from '@fluentui/react/lib/TextField';
import * as strings from 'RecognitionWallWebPartStrings';
import * as shared from 'RecognitionSharedStrings';

import type { ItemId } from '../../../core/models/common';
import type { RecognitionValue } from '../../../core/models/values';
import type { PersonProfile } from '../../../core/people/types';
import { type ComposeError, composeRecognition, normaliseLine, normaliseText, type RecipientRef } from '../../../core/recognition/compose';
import {
  type ComposerEvent,
  type ComposerPick,
  composerPick,
  composerReducer,
  composerStepNumber,
  COMPOSER_STEPS,
  editedField,
  pickProblems,
  showsMessageBox
} from '../../../core/recognition/composer';
import { valueSuggestions } from '../../../core/recognition/suggestions';
import type { RecognitionStoreErrorCode, WallItem } from '../../../core/recognition/ports';
import { format, formatCount } from '../../../ui/format';
import { FluentTheme } from '../../../ui/host/FluentTheme';
import { useThemeVariables } from '../../../ui/host/ThemedPart';
import { Icon } from '../../../ui/light/Icon';
import { valueDescription, valueName } from '../../../core/recognition/values';
import { type WallViewer } from '../../../core/recognition/wallRules';
import { type ComposerDraft, emptyDraft, readDraft, writeDraft } from './composerDraft';
import { newRequestId } from '../../../core/requestId';
import type { IRecognitionWallServices } from './IRecognitionWallProps';
import { composeErrorText } from '../../../ui/recognition/composeErrorText';
import { ComposerMessageStep, composerMessageWords, TOUCH_TEXT_FIELD } from '../../../ui/recognition/ComposerMessageStep';
import { storeErrorSentence, storeErrorText } from '../../../ui/recognition/storeErrorText';
import { useGiveRecognition } from '../../../ui/recognition/useGiveRecognition';
import styles from './RecognitionWall.module.scss';

export interface IRecogniseComposerProps {
  readonly isOpen: boolean;
  onDismiss(): void;
  /** The panel is gone from the screen (after closing). */
  onDismissed?(): void;
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

/** Focus goes back to what opened the panel only when it closes unsent (see `popupProps`). */
const FOCUS_TRAP = { disableRestoreFocus: true };

/** The panel's close button: 48 × 48 px for gloves (Fluent UI draws it 32 × 32). */
const PANEL_STYLES: Partial<IPanelStyles> = {
  subComponentStyles: { closeButton: { root: { width: 48, height: 48, marginRight: 8 } } }
};
const MIN_SEARCH = 2;

function errorsByField(errors: readonly ComposeError[], locale: string): FieldErrors {
  const result: FieldErrors = {};
  for (const error of errors) {
    const text = composeErrorText(error, locale);
    result[error.field] = result[error.field] ? `${result[error.field]} ${text}` : text;
  }
  return result;
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
  const giving = useGiveRecognition();
  const busy = resolving ? 'resolving' : giving.sending ? 'sending' : undefined;
  const [crew, setCrew] = React.useState<PersonProfile[] | 'loading' | 'failed'>('loading');
  const [query, setQuery] = React.useState('');
  const [search, setSearch] = React.useState<SearchState>({ kind: 'idle' });
  const latestQuery = React.useRef('');
  const stepHeading = React.useRef<HTMLHeadingElement>(null);
  /** The draft as last set, for answers that arrive later (a person resolved after the composer moved on). */
  const latestDraft = React.useRef(draft);
  /** Closed by sending: focus does not go back to "Recognise" (the wall's notice takes it, where the person is). */
  const closedBySending = React.useRef(false);
  React.useEffect(() => {
    if (isOpen) {
      closedBySending.current = false;
    }
  }, [isOpen]);
  const popupProps = React.useMemo<IPopupProps>(
    () => ({
      onRestoreFocus: (params) => {
        if (!closedBySending.current) {
          params.originalElement?.focus();
        }
      }
    }),
    []
  );
  // The panel renders on a layer outside the part: it gets the part's colours itself.
  const colours = useThemeVariables();

  const setDraft = React.useCallback(
    (update: (previous: ComposerDraft) => ComposerDraft) => {
      setDraftState((previous) => {
        const next = update(previous);
        latestDraft.current = next;
        writeDraft(services.draftStore, next);
        return next;
      });
    },
    [services.draftStore]
  );

  /** One of the composer's events (the same behaviour as every part's composer). */
  const dispatch = React.useCallback(
    (event: ComposerEvent<PersonProfile>) => setDraft((d) => ({ ...d, ...composerReducer(d, event) })),
    [setDraft]
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

  /** The picked people as site users: resolved once, kept in the draft (so sending works offline). */
  const resolveAll = async (current: ComposerDraft): Promise<RecipientRef[]> => {
    const known = current.recipients;
    const refs = await Promise.all(current.people.map((person) => known[person.id] ?? services.people.resolve(person)));
    const resolved: Record<string, RecipientRef | undefined> = {};
    current.people.forEach((person, index) => {
      resolved[person.id] = refs[index];
    });
    setDraft((d) => (d.requestId === current.requestId ? { ...d, recipients: { ...d.recipients, ...resolved } } : d));
    return refs;
  };

  const check = (current: ComposerDraft, recipients: RecipientRef[], fields: ReadonlyArray<ComposeError['field']>): FieldErrors => {
    const result = composeRecognition(
      { recipients, valueKey: current.valueKey, message: current.message, impact: current.impact, visibility: current.visibility },
      { giverId: viewer.siteUserId, values: allValues, requestId: current.requestId, siteCode: viewer.siteCode ?? '', locale }
    );
    return result.ok ? {} : errorsByField(result.errors.filter((e) => fields.indexOf(e.field) >= 0), locale);
  };

  /**
   * The people just picked, resolved while the person goes on tapping: someone the site cannot
   * take (left the directory) brings the composer back to the people, saying so. A failed
   * read says nothing here: sending resolves again and says what went wrong.
   */
  const checkInBackground = (current: ComposerDraft): void => {
    resolveAll(current).then(
      (refs) => {
        const latest = latestDraft.current;
        const same = latest.requestId === current.requestId && latest.people.map((p) => p.id).join() === current.people.map((p) => p.id).join();
        const found = check(current, refs, ['recipients']);
        if (same && found.recipients) {
          setErrors((e) => ({ ...e, recipients: found.recipients }));
          dispatch({ type: 'showProblems', fields: ['recipients'] });
        }
      },
      () => undefined
    );
  };

  const pickPerson = (person: PersonProfile): void => {
    setFormError(undefined);
    if (person.id === viewer.directoryId) {
      setErrors((e) => ({ ...e, recipients: composeErrorText({ code: 'selfRecognition', field: 'recipients' }, locale) }));
      return;
    }
    setErrors((e) => ({ ...e, recipients: undefined }));
    const next = { ...draft, ...composerReducer(draft, { type: 'pickPerson', person }) };
    setDraft(() => next);
    if (!next.addingPeople) {
      checkInBackground(next);
    }
  };

  /** "Next" after picking several: resolved and checked before the value. */
  const nextFromPeople = async (): Promise<void> => {
    setFormError(undefined);
    const missing = pickProblems(draft, 'value');
    if (missing.length > 0) {
      setErrors(errorsByField(missing, locale));
      return;
    }
    setResolving(true);
    try {
      const refs = await resolveAll(draft);
      const found = check(draft, refs, ['recipients']);
      setErrors(found);
      if (!found.recipients) {
        dispatch({ type: 'peopleDone' });
      }
    } catch (error) {
      setFormError(storeErrorSentence(error));
    } finally {
      setResolving(false);
    }
  };

  const pickValue = (valueKey: string): void => {
    setErrors((e) => ({ ...e, value: undefined }));
    dispatch({ type: 'pickValue', valueKey });
  };

  /** The new posts as the wall shows them until it is loaded again. */
  const postsOf = (pick: ComposerPick, recipients: readonly RecipientRef[], ids: readonly ItemId[]): WallItem[] => {
    const created = props.now().toISOString();
    const message = normaliseText(pick.message);
    const impact = normaliseLine(pick.impact);
    return recipients.map((recipient, index) => ({
      id: ids[index],
      recipient: { id: recipient.siteUserId, displayName: recipient.displayName },
      giver: { id: viewer.siteUserId, displayName: viewer.displayName },
      kind: recipients.length > 1 ? 'crew' : 'peer',
      valueKey: pick.valueKey,
      message,
      ...(impact ? { impact } : {}),
      siteCode: recipient.siteCode ?? viewer.siteCode ?? '',
      lineCode: recipient.lineCode,
      crewKey: recipient.crewKey,
      visibility: pick.visibility,
      status: 'published',
      created
    }));
  };

  /** Sends the person's own words, or the suggested line they tapped. */
  const send = async (suggestion?: string): Promise<void> => {
    setFormError(undefined);
    const pick = composerPick(draft, suggestion);
    const outcome = await giving.give(
      { recipients: () => resolveAll(draft), ...pick },
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
        dispatch({ type: 'showProblems', fields: outcome.errors.map((e) => e.field) });
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
      case 'queued': {
        services.draftStore.clear();
        const fresh = emptyDraft();
        latestDraft.current = fresh;
        setDraftState(fresh);
        setErrors({});
        setQuery('');
        closedBySending.current = true;
        if (outcome.kind === 'sent') {
          props.onSent(postsOf(pick, outcome.recipients, outcome.ids), outcome.unnotified);
        } else {
          props.onQueued(outcome.code);
        }
      }
    }
  };

  const selectedIds = new Set(draft.people.map((p) => p.id));
  const crewPeople = Array.isArray(crew) ? crew : [];
  const searchPeople = search.kind === 'done' ? search.people.filter((p) => !crewPeople.some((c) => c.id === p.id)) : [];
  const chosenValue = allValues.find((v) => v.valueKey === draft.valueKey);
  const suggestions = valueSuggestions(chosenValue, locale);
  const names = draft.people.map((p) => p.displayName).join(', ');

  const stepTitle = draft.step === 'person' ? strings.StepPeople : draft.step === 'value' ? strings.StepValue : strings.StepMessage;

  const footer = (): React.ReactElement => (
    <div className={styles.composerFooter} style={colours}>
      {busy && <Spinner size={SpinnerSize.small} label={busy === 'sending' ? strings.Sending : strings.CheckingPeople} />}
      {draft.step !== 'person' && (
        <DefaultButton className={styles.touch} text={strings.Back} disabled={busy !== undefined} onClick={() => dispatch({ type: 'back' })} />
      )}
      {draft.step === 'person' && draft.addingPeople && (
        <PrimaryButton
          className={styles.touch}
          text={draft.people.length > 0 ? formatCount(locale, draft.people.length, { one: strings.NextWithCountOne, other: strings.NextWithCount }) : strings.Next}
          disabled={busy !== undefined}
          onClick={() => {
            void nextFromPeople();
          }}
        />
      )}
      {showsMessageBox(draft, suggestions) && (
        <PrimaryButton
          className={styles.touch}
          text={strings.Send}
          disabled={busy !== undefined}
          onClick={() => {
            void send();
          }}
        />
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
        styles={PANEL_STYLES}
        focusTrapZoneProps={FOCUS_TRAP}
        popupProps={popupProps}
        onDismissed={props.onDismissed}
        isFooterAtBottom={true}
        onRenderFooterContent={footer}
      >
        <div className={styles.composer} style={colours}>
          <p className={styles.stepCounter}>{format(strings.StepOf, composerStepNumber(draft.step), COMPOSER_STEPS.length)}</p>
          <h3 className={styles.stepHeading} tabIndex={-1} ref={stepHeading}>
            {stepTitle}
          </h3>
          {formError && <MessageBar messageBarType={MessageBarType.error}>{formError}</MessageBar>}

          {draft.step === 'person' && (
            <div>
              {draft.addingPeople && draft.people.length > 0 && (
                <ul className={styles.chips} aria-label={strings.SelectedPeople}>
                  {draft.people.map((person) => (
                    <li key={person.id} className={styles.chip}>
                      <span dir="auto">{person.displayName}</span>
                      <IconButton
                        className={styles.touch}
                        iconProps={{ iconName: 'Cancel' }}
                        ariaLabel={format(strings.RemovePerson, person.displayName)}
                        title={format(strings.RemovePerson, person.displayName)}
                        onClick={() => dispatch({ type: 'removePerson', id: person.id })}
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
                styles={TOUCH_TEXT_FIELD}
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
                    <PersonToggle key={person.id} person={person} selected={selectedIds.has(person.id)} onToggle={pickPerson} />
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
                    <PersonToggle key={person.id} person={person} selected={selectedIds.has(person.id)} onToggle={pickPerson} />
                  ))}
                </ul>
              )}
              {draft.addingPeople && draft.people.length > 1 && <p className={styles.hint}>{strings.CrewAwardHint}</p>}
            </div>
          )}

          {draft.step !== 'person' && (
            <div className={styles.pickedLine}>
              <p className={styles.summary}>
                {draft.step === 'message' ? format(strings.ComposeSummary, names, chosenValue ? valueName(chosenValue, locale) : '—') : format(shared.ComposerFor, names)}
              </p>
              {draft.step === 'value' && (
                <ActionButton
                  className={styles.touch}
                  iconProps={{ iconName: 'AddFriend' }}
                  text={shared.AddPerson}
                  disabled={busy !== undefined}
                  onClick={() => dispatch({ type: 'addPeople' })}
                />
              )}
            </div>
          )}

          {draft.step === 'value' && (
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
                      {/* The icon in the text's colour (the value's own can vanish on the panel's background); the value's colour marks the edge. */}
                      <Icon iconName={value.iconName ?? 'Medal'} className={styles.valueIcon} />
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

          {draft.step === 'message' && (
            <ComposerMessageStep
              state={draft}
              suggestions={suggestions}
              locale={locale}
              busy={busy !== undefined}
              errors={errors}
              words={composerMessageWords(strings)}
              onEvent={(event) => {
                const edited = editedField(event);
                if (edited) {
                  setErrors((e) => ({ ...e, [edited]: undefined }));
                }
                dispatch(event);
              }}
              onSendSuggestion={(line) => {
                void send(line);
              }}
            />
          )}
        </div>
      </Panel>
    </FluentTheme>
  );
}
