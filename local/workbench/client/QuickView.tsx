/**
 * A card's quick view, as Viva Connections shows it: a modal dialog (focus kept inside, Esc
 * closes, focus returns to the button that opened it) holding the quick view's Adaptive Card,
 * rendered by Microsoft's `adaptivecards` renderer with a host config from the page theme.
 */
import * as React from 'react';
import * as AdaptiveCards from 'adaptivecards';
import { Dialog, DialogType } from '@fluentui/react/lib/Dialog';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';

import type { AdaptiveCard, CardAction, QuickViewModel } from '../../../src/app/host/cardTypes';
import type { HostTheme } from '../../../src/app/host/types';
import { TOUCH } from './styles';
import cards from './cards.module.scss';

const FONT = '"Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif';

function color(theme: HostTheme | undefined, slot: string, fallback: string): string {
  return theme?.semanticColors?.[slot] ?? theme?.palette?.[slot] ?? fallback;
}

/** The Adaptive Cards host config of a theme: colours with AA contrast on the theme's background. */
export function hostConfigFor(theme: HostTheme | undefined): AdaptiveCards.HostConfig {
  const text = color(theme, 'bodyText', '#323130');
  const subtle = color(theme, 'bodySubtext', '#605e5c');
  const pair = (value: string): { default: string; subtle: string } => ({ default: value, subtle });
  const foregroundColors = {
    default: { default: text, subtle },
    dark: pair(text),
    light: pair(text),
    accent: pair(color(theme, 'link', '#005a9e')),
    good: pair(color(theme, 'successIcon', '#107c10')),
    warning: pair(color(theme, 'warningText', text)),
    attention: pair(color(theme, 'errorText', '#a4262c'))
  };
  return new AdaptiveCards.HostConfig({
    fontFamily: FONT,
    supportsInteractivity: true,
    // The dialog title is the quick view's level-2 heading.
    textBlock: { headingLevel: 3 },
    containerStyles: {
      default: { backgroundColor: color(theme, 'bodyBackground', '#ffffff'), foregroundColors },
      emphasis: { backgroundColor: color(theme, 'neutralLighter', '#f3f2f1'), foregroundColors }
    },
    actions: { actionsOrientation: 'vertical', buttonSpacing: 8 }
  });
}

interface Rendered {
  readonly element: HTMLElement | undefined;
  readonly problems: readonly string[];
}

// Quick views carry plain text (names, labels): no Markdown, and no warning about it.
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (_text, result) => {
  result.didProcess = false;
};

/** Parses and renders a card; parse and validation problems are returned, not thrown. */
export function renderAdaptiveCard(
  template: AdaptiveCard,
  theme: HostTheme | undefined,
  onAction: (action: CardAction) => void,
  /** Any other Action.Submit, with the form's inputs by id (as SPFx hands them to `onAction`). */
  onSubmit?: (actionId: string, inputs: Readonly<Record<string, string>>) => void
): Rendered {
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = hostConfigFor(theme);
  card.onExecuteAction = (action) => {
    if (action instanceof AdaptiveCards.OpenUrlAction && action.url) {
      onAction({ kind: 'externalLink', url: action.url });
    } else if (action instanceof AdaptiveCards.SubmitAction && action.id === 'retry') {
      onAction({ kind: 'retry' });
    } else if (action instanceof AdaptiveCards.SubmitAction && onSubmit) {
      const inputs: Record<string, string> = {};
      if (action.associatedInputs !== 'none') {
        for (const input of card.getAllInputs()) {
          if (input.id) {
            inputs[input.id] = input.value === undefined || input.value === null ? '' : String(input.value);
          }
        }
      }
      onSubmit(action.id ?? '', inputs);
    }
  };
  const context = new AdaptiveCards.SerializationContext();
  card.parse(template, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) {
    problems.push(context.getEventAt(i).message);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(event.message);
  }
  return { element: card.render(), problems };
}

function AdaptiveCardView(props: {
  template: AdaptiveCard;
  locale: string;
  theme: HostTheme | undefined;
  onAction(action: CardAction): void;
  onSubmit?(actionId: string, inputs: Readonly<Record<string, string>>): void;
}): React.ReactElement {
  const { template, theme } = props;
  const target = React.useRef<HTMLDivElement>(null);
  const [problems, setProblems] = React.useState<readonly string[]>([]);
  const onAction = React.useRef(props.onAction);
  onAction.current = props.onAction;
  const onSubmit = React.useRef(props.onSubmit);
  onSubmit.current = props.onSubmit;
  React.useEffect(() => {
    const element = target.current;
    if (!element) {
      return;
    }
    const rendered = renderAdaptiveCard(
      template,
      theme,
      (action) => onAction.current(action),
      (actionId, inputs) => onSubmit.current?.(actionId, inputs)
    );
    element.textContent = '';
    if (rendered.element) {
      element.appendChild(rendered.element);
    }
    setProblems(rendered.problems);
  }, [template, theme]);
  return (
    <>
      {problems.length > 0 && (
        <MessageBar messageBarType={MessageBarType.warning}>
          The quick view&apos;s Adaptive Card has problems: {problems.join('; ')}
        </MessageBar>
      )}
      <div ref={target} className={cards.adaptiveCard} lang={props.locale} data-testid="quick-view-card" />
    </>
  );
}

export interface QuickViewProps {
  readonly model: QuickViewModel;
  /** The page's UI language (the card's text is in it). */
  readonly locale: string;
  readonly theme: HostTheme | undefined;
  readonly closeLabel: string;
  onAction(action: CardAction): void;
  /** A quick view's Action.Submit other than retry (forms). */
  onSubmit?(actionId: string, inputs: Readonly<Record<string, string>>): void;
  onDismiss(): void;
}

export function QuickView(props: QuickViewProps): React.ReactElement {
  const { model } = props;
  return (
    <Dialog
      hidden={false}
      onDismiss={props.onDismiss}
      minWidth="min(400px, calc(100vw - 32px))"
      maxWidth={560}
      dialogContentProps={{
        type: DialogType.close,
        title: model.title,
        closeButtonAriaLabel: props.closeLabel,
        styles: {
          button: { width: TOUCH, height: TOUCH },
          topButton: { padding: 0 },
          inner: { padding: '0 16px 16px' }
        }
      }}
      modalProps={{ isBlocking: false, className: cards.quickView }}
    >
      <AdaptiveCardView
        template={model.template}
        locale={props.locale}
        theme={props.theme}
        onAction={props.onAction}
        onSubmit={props.onSubmit}
      />
    </Dialog>
  );
}
