/**
 * What the "Recognise" card shows: pure functions of the card's data and the strings of the
 * reader's language. The quick view is the one composer (`core/recognition/composer.ts`) as an
 * Adaptive Card: tap 1 a colleague (a list of choices, filtered as one types when it is long),
 * tap 2 a value (buttons), tap 3 one of the value's suggested lines (buttons that send at once);
 * or "Write your own". Impact and who can see it are one tap away, folded. After sending, the
 * result: sent, kept on the device, or the problems listed above the form.
 */
import { composeErrorText, fieldErrorText } from '../../ui/recognition/composeErrorText';
import { queuedText, storeErrorSentence } from '../../ui/recognition/storeErrorText';
import type { RecognitionStoreErrorCode } from '../../core/recognition/ports';
import type { ComposeError } from '../../core/recognition/compose';
import {
  type ComposerEvent,
  type ComposerPerson,
  type ComposerState,
  composerReducer,
  offersBackToSuggestions,
  offersSuggestions,
  pickProblems,
  showsMessageBox
} from '../../core/recognition/composer';
import { RECOGNITION_VISIBILITIES, type RecognitionVisibility } from '../../core/models/recognition';
import type { RecognitionValue } from '../../core/models/values';
import type { PersonProfile } from '../../core/people/types';
import { valueSuggestions } from '../../core/recognition/suggestions';
import { valueName } from '../../core/recognition/values';
import { format } from '../../ui/format';
import {
  ADAPTIVE_CARD_SCHEMA,
  type AdaptiveElement,
  type AdaptiveSubmitAction,
  type CardContext,
  type CardFace,
  type CardState,
  type QuickViewModel
} from '../../app/host/cardTypes';

/** The card's own words and the words every recognition part shares, in the reader's language. */
export type RecogniseStrings = IRecogniseAdaptiveCardExtensionStrings & IRecognitionSharedStrings;

export interface IRecogniseCardProps {
  /** Card bar title; empty = the localised "Recognise". */
  title: string;
  /** Site code stored when the recipient has none. */
  siteCode: string;
}

export const DEFAULT_PROPERTIES: IRecogniseCardProps = { title: '', siteCode: '' };

export const OPEN_BUTTON_ID = 'recognise';
export const RETRY_BUTTON_ID = 'retry';
export const SEND_ACTION_ID = 'send';
export const ANOTHER_ACTION_ID = 'another';
/** The form's "Try again" after the colleagues who share the person's leader could not be read. */
export const RETRY_PEERS_ACTION_ID = 'retryPeers';
export const INPUT_IDS = { person: 'person', message: 'message', impact: 'impact', visibility: 'visibility' } as const;
/** A value's button: `value:` and its key. */
export const VALUE_ACTION_PREFIX = 'value:';
/** A suggested line's button: `line:` and its place among the value's lines. */
export const LINE_ACTION_PREFIX = 'line:';
/** "Write your own": the message box opens. */
export const WRITE_ACTION_ID = 'write';
/** Back to the suggested lines while the message box is empty. */
export const LINES_ACTION_ID = 'lines';
/** Unfolds or folds the impact line and who can see it. */
export const MORE_ACTION_ID = 'more';
/** Back to the colleague and the value. */
export const CHANGE_ACTION_ID = 'change';
/**
 * A colleague list longer than this is a box that filters as one types, not rows to tap: rows
 * keep a crew (and its leader) one tap away; a list of several crews is searched instead.
 */
export const LONGEST_LIST = 25;
/**
 * The most buttons one ActionSet holds: Viva Connections' host shows five and hides the rest
 * behind "…" (its `maxActions`), so the values come in sets of at most this many.
 */
export const ACTIONS_PER_SET = 5;

/** The composer's state as the card keeps it (plain data, in the card's state). */
export interface RecogniseForm {
  /** The colleague's directory id. */
  readonly person: string;
  /** The value's key. */
  readonly value: string;
  /** The person's own words (a suggested line is sent as it is). */
  readonly message: string;
  readonly impact: string;
  readonly visibility: RecognitionVisibility;
  /** `person`: the colleague and the value are chosen; `message`: the lines, or the message box. */
  readonly step: 'person' | 'message';
  /** The message box is open. */
  readonly writing: boolean;
  /** The impact line and who can see it are unfolded. */
  readonly more: boolean;
}

export const EMPTY_FORM: RecogniseForm = { person: '', value: '', message: '', impact: '', visibility: 'everyone', step: 'person', writing: false, more: false };

/** A value as the card offers it: named, with its suggested lines, in the reader's language. */
export interface RecogniseValue {
  readonly key: string;
  readonly name: string;
  readonly lines: readonly string[];
}

/** The active values as the card offers them, in the reader's language. */
export function cardValues(values: readonly RecognitionValue[], locale: string): RecogniseValue[] {
  return values.map((v) => ({ key: v.valueKey, name: valueName(v, locale), lines: valueSuggestions(v, locale) }));
}

/** The card's form as the one composer's state. */
export function composerStateOf(form: RecogniseForm): ComposerState<ComposerPerson> {
  const people = form.person ? [{ id: form.person }] : [];
  return {
    step: form.step === 'message' && people.length > 0 && form.value ? 'message' : people.length > 0 ? 'value' : 'person',
    people,
    addingPeople: false,
    valueKey: form.value,
    message: form.message,
    impact: form.impact,
    visibility: form.visibility,
    writing: form.writing,
    moreOpen: form.more
  };
}

/** The one composer's state as the card's form (the card shows the colleague and the value together). */
export function formOfComposer(state: ComposerState<ComposerPerson>): RecogniseForm {
  return {
    person: state.people[0]?.id ?? '',
    value: state.valueKey,
    message: state.message,
    impact: state.impact,
    visibility: state.visibility,
    step: state.step === 'message' ? 'message' : 'person',
    writing: state.writing,
    more: state.moreOpen
  };
}

/** The composer event a button of the quick view stands for; undefined for sending and the others. */
export function composerEventOf(actionId: string): ComposerEvent<ComposerPerson> | undefined {
  if (actionId.indexOf(VALUE_ACTION_PREFIX) === 0) {
    return { type: 'pickValue', valueKey: actionId.slice(VALUE_ACTION_PREFIX.length) };
  }
  switch (actionId) {
    case WRITE_ACTION_ID:
      return { type: 'writeOwn' };
    case LINES_ACTION_ID:
      return { type: 'useSuggestions' };
    case MORE_ACTION_ID:
      return { type: 'toggleMore' };
    case CHANGE_ACTION_ID:
      return { type: 'back' };
    default:
      return undefined;
  }
}

/** The suggested line a button sends, by the button's id; undefined for any other button. */
export function lineOf(actionId: string, form: RecogniseForm, values: readonly RecogniseValue[]): string | undefined {
  if (actionId.indexOf(LINE_ACTION_PREFIX) !== 0) {
    return undefined;
  }
  const lines = values.filter((v) => v.key === form.value)[0]?.lines ?? [];
  return lines[Number(actionId.slice(LINE_ACTION_PREFIX.length))];
}

/**
 * A button of the form was tapped: the form with what was entered and the composer's answer
 * to the tap. A value tapped before a colleague is chosen says so (`problems`).
 */
export function applyComposerAction(form: RecogniseForm, event: ComposerEvent<ComposerPerson>): { readonly form: RecogniseForm; readonly problems: ComposeError[] } {
  const state = composerReducer(composerStateOf(form), event);
  const problems = event.type === 'pickValue' ? pickProblems(state, 'message') : [];
  return { form: formOfComposer(state), problems };
}

export type RecogniseResult =
  /** `unnotified`: saved, but Teams could not tell the person (no Teams app, Graph refused). */
  | { readonly status: 'sent'; readonly name: string; readonly unnotified?: boolean }
  | { readonly status: 'queued'; readonly code: RecognitionStoreErrorCode }
  | { readonly status: 'rejected' }
  | { readonly status: 'invalid'; readonly errors: readonly ComposeError[] }
  | { readonly status: 'failed'; readonly code: string };

export interface RecogniseData {
  /** Colleagues to choose from (directory people: direct reports, manager, peers), by name. */
  readonly people: readonly PersonProfile[];
  /** Active values in HR's order, named and with their suggested lines in the reader's language. */
  readonly values: readonly RecogniseValue[];
  /** What was typed (kept when sending fails). */
  readonly form: RecogniseForm;
  readonly result?: RecogniseResult;
  /**
   * My manager's other reports (the peers), not read yet: on a first use on this device the
   * card face does not wait for them; the quick view reads them when it opens and, until they
   * are in, says so instead of showing a list that would change under the person's finger.
   * `failed`: that read failed; the form lists who is known, says so and offers "Try again".
   */
  readonly peersToRead?: { readonly managerId: string; readonly meId: string; readonly failed?: boolean };
}

function cardTitle(properties: IRecogniseCardProps, strings: RecogniseStrings): string {
  const title = typeof properties.title === 'string' ? properties.title.trim() : '';
  return title || strings.Title;
}

export function recogniseCardView(state: CardState<RecogniseData>, context: CardContext<IRecogniseCardProps>, strings: RecogniseStrings): CardFace {
  const title = cardTitle(context.properties, strings);
  switch (state.status) {
    case 'loading':
      return { status: 'loading', title, primaryText: strings.Loading, buttons: [] };
    case 'setup':
      return {
        status: 'setup',
        title,
        primaryText: strings.SetupPrimary,
        description: state.reason === 'noValues' ? strings.SetupNoValues : strings.SetupNoColleagues,
        buttons: []
      };
    case 'error':
      return {
        status: 'error',
        title,
        primaryText: strings.ErrorPrimary,
        description: storeErrorSentence(state.error),
        buttons: [{ id: RETRY_BUTTON_ID, title: strings.Retry, action: { kind: 'retry' }, style: 'positive' }],
        onSelect: { kind: 'retry' }
      };
    case 'ready':
      return {
        status: 'ready',
        title,
        primaryText: strings.PrimaryText,
        description: strings.Description,
        buttons: [{ id: OPEN_BUTTON_ID, title: strings.OpenButton, action: { kind: 'quickView' }, style: 'positive' }],
        onSelect: { kind: 'quickView' }
      };
  }
}

function text(value: string, extra: Partial<Extract<AdaptiveElement, { type: 'TextBlock' }>> = {}): AdaptiveElement {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

/** The form, or the result of sending it. */
export function recogniseQuickView(data: RecogniseData, context: CardContext<IRecogniseCardProps>, strings: RecogniseStrings): QuickViewModel {
  const title = cardTitle(context.properties, strings);
  const { result, form } = data;
  const quickView = (body: AdaptiveElement[], actions: AdaptiveSubmitAction[]): QuickViewModel => ({
    title,
    template: { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: '1.5', body, actions },
    data: { people: data.people.map((p) => ({ id: p.id, displayName: p.displayName })), values: data.values, form, result }
  });
  const another: AdaptiveSubmitAction = { type: 'Action.Submit', id: ANOTHER_ACTION_ID, title: strings.AnotherButton, associatedInputs: 'none' };
  if (result?.status === 'sent') {
    const sent = text(format(strings.ResultSent, result.name), { id: 'result', size: 'medium', weight: 'bolder', color: 'good' });
    return quickView(result.unnotified ? [sent, text(format(strings.Unnotified, result.name), { id: 'unnotified', color: 'warning' })] : [sent], [another]);
  }
  if (result?.status === 'queued') {
    return quickView([text(queuedText(result.code, strings.ResultQueued), { id: 'result', weight: 'bolder', color: 'warning' })], [another]);
  }
  if (data.peersToRead && !data.peersToRead.failed) {
    return quickView([text(strings.LoadingColleagues, { id: 'loadingColleagues' })], []);
  }
  const body: AdaptiveElement[] = [];
  const extraActions: AdaptiveSubmitAction[] = [];
  if (data.peersToRead?.failed) {
    body.push(text(strings.PeersUnavailable, { id: 'peersUnavailable', color: 'warning' }));
    // Sends what is typed so far along, so the form comes back with it (nothing lost).
    extraActions.push({ type: 'Action.Submit', id: RETRY_PEERS_ACTION_ID, title: strings.Retry, associatedInputs: 'auto' });
  }
  const problems =
    result?.status === 'invalid'
      ? result.errors.map((e) => composeErrorText(e, context.locale, strings))
      : result?.status === 'rejected'
        ? [strings.ResultRejected]
        : result?.status === 'failed'
          ? [storeErrorSentence(result.code)]
          : [];
  if (problems.length > 0) {
    body.push({
      type: 'Container',
      id: 'problems',
      style: 'attention',
      items: [text(strings.ProblemsHeading, { style: 'heading', weight: 'bolder', color: 'attention' }), ...problems.map((p) => text(`• ${p}`, { color: 'attention', spacing: 'small' }))]
    });
  }
  const errorFor = (field: ComposeError['field']): string | undefined => {
    if (result?.status !== 'invalid') {
      return undefined;
    }
    return fieldErrorText(result.errors, field, context.locale, strings);
  };
  const withError = (field: ComposeError['field']): { errorMessage?: string } => {
    const message = errorFor(field);
    return message ? { errorMessage: message } : {};
  };
  const fieldProblem = (field: ComposeError['field']): AdaptiveElement[] => {
    const message = errorFor(field);
    return message ? [text(message, { color: 'attention', spacing: 'small' })] : [];
  };
  const button = (id: string, title: string, style: AdaptiveSubmitAction['style'] = 'default'): AdaptiveSubmitAction => ({
    type: 'Action.Submit',
    id,
    title,
    style
  });
  const state = composerStateOf(form);
  const chosen = data.values.filter((v) => v.key === form.value)[0];

  if (state.step !== 'message') {
    // Tap 1: a colleague. Rows to tap while the list is short; a box that filters as one types when long.
    body.push(
      {
        type: 'Input.ChoiceSet',
        id: INPUT_IDS.person,
        label: strings.PersonLabel,
        placeholder: strings.PersonPlaceholder,
        style: data.people.length > LONGEST_LIST ? 'filtered' : 'expanded',
        choices: data.people.map((p) => ({ title: p.displayName, value: p.id })),
        ...(form.person ? { value: form.person } : {}),
        ...withError('recipients')
      },
      // Tap 2: a value, a button each (a tap moves on; the colleague chosen goes along).
      text(strings.ValueQuestion, { id: 'valueHeading', weight: 'bolder', spacing: 'medium' }),
      ...inSets(data.values.map((v) => button(`${VALUE_ACTION_PREFIX}${v.key}`, v.name, v.key === form.value ? 'positive' : 'default'))).map(
        (actions, index): AdaptiveElement => ({ type: 'ActionSet', id: index === 0 ? 'valueButtons' : `valueButtons-${index}`, spacing: 'small', actions })
      ),
      ...fieldProblem('value')
    );
    return quickView(body, extraActions);
  }

  const person = data.people.filter((p) => p.id === form.person)[0];
  body.push(
    text(format(strings.ComposerSummary, person?.displayName ?? '', chosen?.name ?? ''), { id: 'summary', weight: 'bolder' }),
    { type: 'ActionSet', id: 'changeButton', actions: [button(CHANGE_ACTION_ID, strings.ChangeButton)] },
    ...fieldProblem('recipients'),
    ...fieldProblem('value')
  );
  const lines = chosen?.lines ?? [];
  const actions: AdaptiveSubmitAction[] = [];
  if (offersSuggestions(state, lines)) {
    // Tap 3: a suggested line, sent at once as it is. Each is a tappable block (Action.Submit as
    // its select action), so a line wraps where a host would cut a button's title short.
    body.push(
      text(strings.SuggestionsHeading, { id: 'linesHeading', weight: 'bolder', spacing: 'medium' }),
      ...lines.map(
        (line, index): AdaptiveElement => ({
          type: 'Container',
          id: `line-${index}`,
          style: 'emphasis',
          spacing: 'small',
          selectAction: button(`${LINE_ACTION_PREFIX}${index}`, line, 'positive'),
          items: [text(line)]
        })
      )
    );
    body.push({ type: 'ActionSet', id: 'writeOwnButton', actions: [button(WRITE_ACTION_ID, strings.WriteOwn)] });
  }
  if (showsMessageBox(state, lines)) {
    body.push({
      type: 'Input.Text',
      id: INPUT_IDS.message,
      label: strings.MessageLabel,
      placeholder: strings.MessagePlaceholder,
      isMultiline: true,
      ...(form.message ? { value: form.message } : {}),
      ...withError('message')
    });
    if (offersBackToSuggestions(state, lines)) {
      body.push({ type: 'ActionSet', id: 'useLinesButton', actions: [button(LINES_ACTION_ID, strings.UseSuggestion)] });
    }
    actions.push(button(SEND_ACTION_ID, strings.SendButton, 'positive'));
  }
  // Impact and who can see it: folded, saying who sees it; unfolded, the fields.
  body.push({ type: 'ActionSet', id: 'moreButton', spacing: 'medium', actions: [button(MORE_ACTION_ID, strings.MoreOptions)] });
  if (!form.more) {
    body.push(text(format(strings.SeenBy, visibilityWords(form.visibility, strings)), { id: 'seenBy', spacing: 'small' }));
  } else {
    body.push(
      {
        type: 'Input.Text',
        id: INPUT_IDS.impact,
        label: strings.ImpactLabel,
        placeholder: strings.ImpactPlaceholder,
        ...(form.impact ? { value: form.impact } : {}),
        ...withError('impact')
      },
      {
        type: 'Input.ChoiceSet',
        id: INPUT_IDS.visibility,
        label: strings.VisibilityLabel,
        style: 'expanded',
        choices: RECOGNITION_VISIBILITIES.map((v) => ({ title: visibilityWords(v, strings), value: v })),
        value: form.visibility,
        ...withError('visibility')
      }
    );
  }
  return quickView(body, [...actions, ...extraActions]);
}

/** Buttons in sets a host shows whole (at most {@link ACTIONS_PER_SET} each). */
function inSets(actions: readonly AdaptiveSubmitAction[]): AdaptiveSubmitAction[][] {
  const sets: AdaptiveSubmitAction[][] = [];
  for (let i = 0; i < actions.length; i += ACTIONS_PER_SET) {
    sets.push(actions.slice(i, i + ACTIONS_PER_SET));
  }
  return sets;
}

function visibilityWords(visibility: RecognitionVisibility, strings: RecogniseStrings): string {
  return visibility === 'crew' ? strings.VisibilityCrew : visibility === 'private' ? strings.VisibilityPrivate : strings.VisibilityEveryone;
}

function isVisibility(value: string | undefined): value is RecognitionVisibility {
  return value !== undefined && (RECOGNITION_VISIBILITIES as readonly string[]).indexOf(value) >= 0;
}

/** The form with what a submit entered: the inputs the quick view showed; the rest as it was. */
export function formFromInputs(previous: RecogniseForm, inputs: Readonly<Record<string, string>>): RecogniseForm {
  const visibility = inputs[INPUT_IDS.visibility];
  return {
    ...previous,
    person: inputs[INPUT_IDS.person] ?? previous.person,
    message: inputs[INPUT_IDS.message] ?? previous.message,
    impact: inputs[INPUT_IDS.impact] ?? previous.impact,
    visibility: isVisibility(visibility) ? visibility : previous.visibility
  };
}
