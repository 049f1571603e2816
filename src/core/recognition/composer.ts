/**
 * One composer behaviour for every part that lets people recognise (the wall's panel, the crew
 * view, the Recognise card): tap 1 a person, tap 2 a value, tap 3 a suggested line, which sends
 * at once; or write your own words (the message box is one tap away). The impact line and who
 * sees it are one tap away too, folded, with "everyone" chosen until the person changes it.
 *
 * Framework-free: a state, the events that change it and what follows from it. Each part
 * renders the state its own way (a Fluent panel, a dialog, an Adaptive Card) and sends what
 * `composerPick` gives through the give-recognition controller.
 */
import type { RecognitionVisibility } from '../models/recognition';
import type { ComposeError } from './compose';

export type ComposerStep = 'person' | 'value' | 'message';

/** The steps in the order they are taken ("Step 2 of 3"). */
export const COMPOSER_STEPS: readonly ComposerStep[] = ['person', 'value', 'message'];

/** Whatever a part picks people as (a directory profile, a crew entry, an id): known by its id. */
export interface ComposerPerson {
  readonly id: string;
}

export interface ComposerState<TPerson extends ComposerPerson = ComposerPerson> {
  readonly step: ComposerStep;
  /** Who is recognised, in the order they were picked; several make a crew award. */
  readonly people: readonly TPerson[];
  /** Picking several people: a tap adds or removes someone, and "Next" moves on. */
  readonly addingPeople: boolean;
  readonly valueKey: string;
  /** The person's own words (a suggested line is sent as it is and is not kept here). */
  readonly message: string;
  readonly impact: string;
  readonly visibility: RecognitionVisibility;
  /** The message box is open: the person chose to write their own words. */
  readonly writing: boolean;
  /** The impact line and the visibility choice are unfolded. */
  readonly moreOpen: boolean;
}

export type ComposerEvent<TPerson extends ComposerPerson = ComposerPerson> =
  /** A tap on a person: the one recognised (on to the value), or one more or one less when adding people. */
  | { readonly type: 'pickPerson'; readonly person: TPerson }
  | { readonly type: 'removePerson'; readonly id: string }
  /** "Add someone": back to the people, picking several (a crew award). */
  | { readonly type: 'addPeople' }
  /** "Next" once several are picked. */
  | { readonly type: 'peopleDone' }
  /** A tap on a value: on to what they did. */
  | { readonly type: 'pickValue'; readonly valueKey: string }
  /** "Write your own": the message box opens. */
  | { readonly type: 'writeOwn' }
  /** Back to the suggested lines, while the message box is still empty. */
  | { readonly type: 'useSuggestions' }
  | { readonly type: 'setMessage'; readonly text: string }
  | { readonly type: 'setImpact'; readonly text: string }
  | { readonly type: 'setVisibility'; readonly visibility: RecognitionVisibility }
  /** Folds or unfolds the impact line and the visibility choice. */
  | { readonly type: 'toggleMore' }
  | { readonly type: 'back' }
  /** The rules refused these fields: the composer shows the first of them (in form order), unfolded. */
  | { readonly type: 'showProblems'; readonly fields: ReadonlyArray<ComposeError['field']> };

export interface ComposerStart<TPerson extends ComposerPerson> {
  /** Already known (the crew view's "Recognise Seán"): the composer starts at the value. */
  readonly people?: readonly TPerson[];
  readonly valueKey?: string;
  /** Words to start from (a service anniversary's congratulations): the message box starts open. */
  readonly message?: string;
  readonly impact?: string;
  readonly visibility?: RecognitionVisibility;
}

/** The first step that still needs a tap. */
function stepFor(people: readonly ComposerPerson[], valueKey: string): ComposerStep {
  return people.length === 0 ? 'person' : valueKey === '' ? 'value' : 'message';
}

export function startComposer<TPerson extends ComposerPerson>(start: ComposerStart<TPerson> = {}): ComposerState<TPerson> {
  const people = start.people ?? [];
  const valueKey = start.valueKey ?? '';
  const message = start.message ?? '';
  return {
    step: stepFor(people, valueKey),
    people,
    addingPeople: false,
    valueKey,
    message,
    impact: start.impact ?? '',
    visibility: start.visibility ?? 'everyone',
    writing: message.trim() !== '',
    moreOpen: false
  };
}

function hasWords(text: string): boolean {
  return text.trim() !== '';
}

export function composerReducer<TPerson extends ComposerPerson>(state: ComposerState<TPerson>, event: ComposerEvent<TPerson>): ComposerState<TPerson> {
  switch (event.type) {
    case 'pickPerson': {
      const picked = state.people.some((p) => p.id === event.person.id);
      if (state.addingPeople) {
        const people = picked ? state.people.filter((p) => p.id !== event.person.id) : [...state.people, event.person];
        return { ...state, people };
      }
      return { ...state, people: [event.person], step: stepFor([event.person], state.valueKey) };
    }
    case 'removePerson': {
      const people = state.people.filter((p) => p.id !== event.id);
      return people.length === 0 ? { ...state, people, step: 'person', addingPeople: false } : { ...state, people };
    }
    case 'addPeople':
      return { ...state, step: 'person', addingPeople: true };
    case 'peopleDone':
      return state.people.length === 0 ? state : { ...state, addingPeople: false, step: stepFor(state.people, state.valueKey) };
    case 'pickValue':
      return state.people.length === 0 ? { ...state, valueKey: event.valueKey } : { ...state, valueKey: event.valueKey, step: 'message' };
    case 'writeOwn':
      return { ...state, writing: true };
    case 'useSuggestions':
      return hasWords(state.message) ? state : { ...state, writing: false };
    case 'setMessage':
      return { ...state, message: event.text };
    case 'setImpact':
      return { ...state, impact: event.text };
    case 'setVisibility':
      return { ...state, visibility: event.visibility };
    case 'toggleMore':
      return { ...state, moreOpen: !state.moreOpen };
    case 'back':
      if (state.step === 'message') {
        return { ...state, step: 'value' };
      }
      return state.step === 'value' ? { ...state, step: 'person', addingPeople: state.people.length > 1 } : state;
    case 'showProblems':
      return showProblems(state, event.fields);
  }
}

function showProblems<TPerson extends ComposerPerson>(state: ComposerState<TPerson>, fields: ReadonlyArray<ComposeError['field']>): ComposerState<TPerson> {
  const has = (field: ComposeError['field']): boolean => fields.indexOf(field) >= 0;
  if (has('recipients')) {
    return { ...state, step: 'person', addingPeople: state.people.length > 1 };
  }
  if (has('value')) {
    return { ...state, step: 'value' };
  }
  if (has('message') || has('impact') || has('visibility')) {
    return {
      ...state,
      step: 'message',
      writing: state.writing || has('message'),
      moreOpen: state.moreOpen || has('impact') || has('visibility')
    };
  }
  return state;
}

/** The field an event edits (its problem is then out of date); undefined for the others. */
export function editedField(event: ComposerEvent<ComposerPerson>): ComposeError['field'] | undefined {
  switch (event.type) {
    case 'setMessage':
      return 'message';
    case 'setImpact':
      return 'impact';
    case 'setVisibility':
      return 'visibility';
    default:
      return undefined;
  }
}

/** "Step 2 of 3": where a step stands among the three. */
export function composerStepNumber(step: ComposerStep): number {
  return COMPOSER_STEPS.indexOf(step) + 1;
}

/**
 * Whether the message step offers the value's suggested lines (each sends at once), rather than
 * the message box: there are lines, and the person has not chosen to write their own.
 */
export function offersSuggestions(state: ComposerState<ComposerPerson>, suggestions: readonly string[]): boolean {
  return state.step === 'message' && !state.writing && suggestions.length > 0;
}

/** Whether the message step shows the message box: the person writes their own words, or the value has no lines. */
export function showsMessageBox(state: ComposerState<ComposerPerson>, suggestions: readonly string[]): boolean {
  return state.step === 'message' && !offersSuggestions(state, suggestions);
}

/** Whether "Use a suggested line" is offered in the open message box: there are lines and nothing is typed. */
export function offersBackToSuggestions(state: ComposerState<ComposerPerson>, suggestions: readonly string[]): boolean {
  return state.writing && suggestions.length > 0 && !hasWords(state.message);
}

/**
 * What the taps so far still lack before the step shown can be used: nobody picked, or (at the
 * message) no value. The same codes the rules use, so parts show them with the same words.
 */
export function pickProblems(state: ComposerState<ComposerPerson>, step: ComposerStep = state.step): ComposeError[] {
  const problems: ComposeError[] = [];
  if (step !== 'person' && state.people.length === 0) {
    problems.push({ code: 'noRecipient', field: 'recipients' });
  }
  if (step === 'message' && state.valueKey === '') {
    problems.push({ code: 'valueUnknown', field: 'value' });
  }
  return problems;
}

/** What is sent besides the people: the value, the words (a suggested line as it is), the impact and who sees it. */
export interface ComposerPick {
  readonly valueKey: string;
  readonly message: string;
  readonly impact: string;
  readonly visibility: RecognitionVisibility;
}

/** What to send: the person's own words, or the suggested line they tapped. */
export function composerPick(state: ComposerState<ComposerPerson>, suggestion?: string): ComposerPick {
  return {
    valueKey: state.valueKey,
    message: suggestion !== undefined ? suggestion : state.message,
    impact: state.impact,
    visibility: state.visibility
  };
}
