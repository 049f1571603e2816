/**
 * What the "Recognise" card shows: pure functions of the card's data and the strings of the
 * reader's language. The quick view is a form (person, value, what they did, impact) and, after
 * a submit, the result: sent, kept on the device, or the problems listed above the form.
 */
import { composeErrorText, fieldErrorText } from '../../ui/recognition/composeErrorText';
import { queuedText, storeErrorSentence } from '../../ui/recognition/storeErrorText';
import type { RecognitionStoreErrorCode } from '../../core/recognition/ports';
import type { ComposeError } from '../../core/recognition/compose';
import type { PersonProfile } from '../../core/people/types';
import { format } from '../../ui/format';
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveElement, type AdaptiveSubmitAction, type CardContext, type CardFace, type CardState, type QuickViewModel } from '../../app/host/cardTypes';

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
export const INPUT_IDS = { person: 'person', value: 'value', message: 'message', impact: 'impact' } as const;

export interface RecogniseForm {
  readonly person: string;
  readonly value: string;
  readonly message: string;
  readonly impact: string;
}

export const EMPTY_FORM: RecogniseForm = { person: '', value: '', message: '', impact: '' };

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
  /** Active values in HR's order, named in the reader's language. */
  readonly values: ReadonlyArray<{ readonly key: string; readonly name: string }>;
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
  body.push(
    {
      type: 'Input.ChoiceSet',
      id: INPUT_IDS.person,
      label: strings.PersonLabel,
      placeholder: strings.PersonPlaceholder,
      style: 'compact',
      choices: data.people.map((p) => ({ title: p.displayName, value: p.id })),
      ...(form.person ? { value: form.person } : {}),
      ...withError('recipients')
    },
    {
      type: 'Input.ChoiceSet',
      id: INPUT_IDS.value,
      label: strings.ValueLabel,
      // A drop-down, like the person: hosts render `expanded` as bare 13 px radio buttons, too
      // small a touch target on a phone (WCAG 2.5.8, and gloved hands on the shop floor).
      style: 'compact',
      choices: data.values.map((v) => ({ title: v.name, value: v.key })),
      ...(form.value || data.values[0] ? { value: form.value || data.values[0].key } : {}),
      ...withError('value')
    },
    {
      type: 'Input.Text',
      id: INPUT_IDS.message,
      label: strings.MessageLabel,
      placeholder: strings.MessagePlaceholder,
      isMultiline: true,
      ...(form.message ? { value: form.message } : {}),
      ...withError('message')
    },
    {
      type: 'Input.Text',
      id: INPUT_IDS.impact,
      label: strings.ImpactLabel,
      placeholder: strings.ImpactPlaceholder,
      ...(form.impact ? { value: form.impact } : {}),
      ...withError('impact')
    }
  );
  return quickView(body, [{ type: 'Action.Submit', id: SEND_ACTION_ID, title: strings.SendButton, style: 'positive' }, ...extraActions]);
}

/** The form as submitted (missing inputs are empty). */
export function formFromInputs(inputs: Readonly<Record<string, string>>): RecogniseForm {
  return {
    person: inputs[INPUT_IDS.person] ?? '',
    value: inputs[INPUT_IDS.value] ?? '',
    message: inputs[INPUT_IDS.message] ?? '',
    impact: inputs[INPUT_IDS.impact] ?? ''
  };
}
