/**
 * The last step of the one composer (`core/recognition/composer.ts`), the same in the wall's
 * panel and the crew view's dialog: the value's suggested lines, each sent with one tap; or the
 * person's own words ("Write your own", one tap away; the box opens at once when the value has
 * no lines); and, folded, the impact line and who can see it ("everyone" until changed).
 *
 * What is typed or pasted loses its control characters as it is typed, with a note saying how
 * many (see `cleanComposeField`); counters count as SharePoint does (an emoji is two).
 */
import * as React from 'react';
import { ActionButton, DefaultButton } from '@fluentui/react/lib/Button';
import { ChoiceGroup, type IChoiceGroupOption } from '@fluentui/react/lib/ChoiceGroup';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { type ITextField, TextField } from '@fluentui/react/lib/TextField';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as shared from 'RecognitionSharedStrings';

import type { RecognitionVisibility } from '../../core/models/recognition';
import { cleanComposeField, composeFieldLength, type ComposeTextField, MAX_IMPACT_LENGTH, MAX_MESSAGE_LENGTH } from '../../core/recognition/compose';
import {
  type ComposerEvent,
  type ComposerPerson,
  type ComposerState,
  offersBackToSuggestions,
  offersSuggestions,
  showsMessageBox
} from '../../core/recognition/composer';
import { format } from '../format';
import { useId } from '../light/useId';
import { charactersLeftText, controlCharactersRemovedText } from './composeErrorText';

/** The events of the last step: none of them names a person. */
export type MessageStepEvent = Extract<
  ComposerEvent<ComposerPerson>,
  { type: 'writeOwn' | 'useSuggestions' | 'setMessage' | 'setImpact' | 'setVisibility' | 'toggleMore' }
>;

/** The part's own words for the fields (each part has its own examples). */
export interface ComposerMessageWords {
  readonly messageLabel: string;
  readonly messagePlaceholder: string;
  readonly impactLabel: string;
  readonly impactPlaceholder: string;
  /** A line under the impact field, before its counter. */
  readonly impactHelp?: string;
}

/** A part's loc strings with the field words (every recognising part names them alike). */
export interface ComposerMessageStrings {
  readonly MessageLabel: string;
  readonly MessagePlaceholder: string;
  readonly ImpactLabel: string;
  readonly ImpactPlaceholder: string;
  readonly ImpactHelp?: string;
}

export function composerMessageWords(strings: ComposerMessageStrings): ComposerMessageWords {
  return {
    messageLabel: strings.MessageLabel,
    messagePlaceholder: strings.MessagePlaceholder,
    impactLabel: strings.ImpactLabel,
    impactPlaceholder: strings.ImpactPlaceholder,
    ...(strings.ImpactHelp ? { impactHelp: strings.ImpactHelp } : {})
  };
}

export interface IComposerMessageStepProps {
  readonly state: ComposerState<ComposerPerson>;
  onEvent(event: MessageStepEvent): void;
  /** The chosen value's lines in the reader's language (`valueSuggestions`). */
  readonly suggestions: readonly string[];
  /** A line was tapped: send it now, as it is. */
  onSendSuggestion(line: string): void;
  readonly locale: string;
  /** Sending: the lines cannot be tapped again meanwhile. */
  readonly busy: boolean;
  /** The rules' words per field, shown with it. */
  readonly errors: { readonly message?: string; readonly impact?: string; readonly visibility?: string };
  readonly words: ComposerMessageWords;
}

const TOUCH = 48;

const LINE_BUTTON = {
  root: { width: '100%', minHeight: TOUCH, height: 'auto', padding: '8px 12px', justifyContent: 'flex-start' },
  flexContainer: { width: '100%', justifyContent: 'flex-start' },
  textContainer: { flexGrow: 1, textAlign: 'start' as const },
  label: { margin: 0, fontWeight: 400 as const, whiteSpace: 'normal' as const, overflowWrap: 'anywhere' as const, lineHeight: '20px', textAlign: 'start' as const }
};

/** A one-line text box 48 px tall inside its border (Fluent UI draws it 32 px). */
export const TOUCH_TEXT_FIELD = { fieldGroup: { height: 'auto', minHeight: TOUCH + 2 }, field: { minHeight: TOUCH } };

/** A radio button's whole row is its target, 48 px tall (the circle and dot move down with the padding). */
const TOUCH_OPTION = {
  field: {
    paddingTop: (TOUCH - 20) / 2,
    paddingBottom: (TOUCH - 20) / 2,
    width: '100%',
    selectors: { ':before': { top: (TOUCH - 20) / 2 }, ':after': { top: (TOUCH - 20) / 2 + 5 } }
  }
};

export function visibilityText(visibility: RecognitionVisibility): string {
  return visibility === 'crew' ? shared.VisibilityCrew : visibility === 'private' ? shared.VisibilityPrivate : shared.VisibilityEveryone;
}

export function ComposerMessageStep(props: IComposerMessageStepProps): React.ReactElement {
  const { state, suggestions, locale, busy, errors, words } = props;
  const headingId = useId('se-composer-lines');
  const moreId = useId('se-composer-more');
  const messageBox = React.useRef<ITextField | null>(null);
  const theme = useTheme();
  const firstLine = React.useRef<HTMLButtonElement | null>(null);
  /** Per text field: the note that control characters were removed from what was pasted. */
  const [removed, setRemoved] = React.useState<Partial<Record<ComposeTextField, string>>>({});

  // Focus follows the person's choice: into the box they asked for, or back to the lines.
  const wasWriting = React.useRef(state.writing);
  React.useEffect(() => {
    if (state.writing !== wasWriting.current) {
      wasWriting.current = state.writing;
      (state.writing ? messageBox.current : firstLine.current)?.focus();
    }
  }, [state.writing]);

  const cleaned = (field: ComposeTextField, text: string | undefined): string => {
    const result = cleanComposeField(text ?? '', field);
    if (result.removed > 0) {
      setRemoved((notes) => ({ ...notes, [field]: controlCharactersRemovedText(result.removed, locale) }));
    }
    return result.text;
  };

  const visibilityOptions: IChoiceGroupOption[] = [
    { key: 'everyone', text: shared.VisibilityEveryone, styles: TOUCH_OPTION },
    { key: 'crew', text: shared.VisibilityCrew, styles: TOUCH_OPTION },
    { key: 'private', text: shared.VisibilityPrivate, styles: TOUCH_OPTION }
  ];

  return (
    <div style={{ display: 'grid', gap: 12 }}>
      {offersSuggestions(state, suggestions) && (
        <div role="group" aria-labelledby={headingId} style={{ display: 'grid', gap: 8 }}>
          <p id={headingId} style={{ margin: 0, fontWeight: 600 }}>
            {shared.SuggestionsHeading}
          </p>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 }}>
            {suggestions.map((line, index) => (
              <li key={line}>
                <DefaultButton
                  elementRef={index === 0 ? firstLine : undefined}
                  text={line}
                  dir="auto"
                  disabled={busy}
                  styles={LINE_BUTTON}
                  onClick={() => props.onSendSuggestion(line)}
                />
              </li>
            ))}
          </ul>
          <DefaultButton
            text={shared.WriteOwn}
            iconProps={{ iconName: 'Edit' }}
            disabled={busy}
            styles={{ root: { minHeight: TOUCH, justifySelf: 'start' } }}
            onClick={() => props.onEvent({ type: 'writeOwn' })}
          />
        </div>
      )}
      {showsMessageBox(state, suggestions) && (
        <>
          <TextField
            componentRef={messageBox}
            label={words.messageLabel}
            description={charactersLeftText(MAX_MESSAGE_LENGTH - composeFieldLength(state.message, 'message'), locale)}
            placeholder={words.messagePlaceholder}
            multiline={true}
            autoAdjustHeight={true}
            rows={4}
            required={true}
            dir="auto"
            value={state.message}
            errorMessage={errors.message}
            onChange={(_e, text) => props.onEvent({ type: 'setMessage', text: cleaned('message', text) })}
          />
          {removed.message && <MessageBar messageBarType={MessageBarType.info}>{removed.message}</MessageBar>}
          {offersBackToSuggestions(state, suggestions) && (
            <ActionButton
              text={shared.UseSuggestion}
              iconProps={{ iconName: 'List' }}
              styles={{ root: { minHeight: TOUCH, justifySelf: 'start' } }}
              onClick={() => props.onEvent({ type: 'useSuggestions' })}
            />
          )}
        </>
      )}
      <div>
        <ActionButton
          text={shared.MoreOptions}
          iconProps={{ iconName: state.moreOpen ? 'ChevronUp' : 'ChevronDown' }}
          aria-expanded={state.moreOpen}
          aria-controls={state.moreOpen ? moreId : undefined}
          styles={{ root: { minHeight: TOUCH, paddingLeft: 0 } }}
          onClick={() => props.onEvent({ type: 'toggleMore' })}
        />
        {!state.moreOpen && <p style={{ margin: 0 }}>{format(shared.SeenBy, visibilityText(state.visibility))}</p>}
      </div>
      {state.moreOpen && (
        <div id={moreId} style={{ display: 'grid', gap: 12 }}>
          <TextField
            label={words.impactLabel}
            description={[words.impactHelp, charactersLeftText(MAX_IMPACT_LENGTH - composeFieldLength(state.impact, 'impact'), locale)].filter(Boolean).join(' ')}
            placeholder={words.impactPlaceholder}
            dir="auto"
            styles={TOUCH_TEXT_FIELD}
            value={state.impact}
            errorMessage={errors.impact}
            onChange={(_e, text) => props.onEvent({ type: 'setImpact', text: cleaned('impact', text) })}
          />
          {removed.impact && <MessageBar messageBarType={MessageBarType.info}>{removed.impact}</MessageBar>}
          <ChoiceGroup
            label={shared.VisibilityLabel}
            options={visibilityOptions}
            selectedKey={state.visibility}
            onChange={(_e, option) => option && props.onEvent({ type: 'setVisibility', visibility: option.key as RecognitionVisibility })}
          />
          {errors.visibility && (
            <p role="alert" style={{ margin: 0, fontSize: 12, color: theme.semanticColors.errorText }}>
              {errors.visibility}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
