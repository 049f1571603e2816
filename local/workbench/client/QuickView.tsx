/**
 * A card's quick view, as Viva Connections shows it: on a phone a full-screen sheet with its
 * own title bar (close, the card's title) over the dashboard, on a wider page a dialog; modal
 * either way (focus kept inside, Esc closes, focus returns to the button that opened it). It
 * holds the quick view's Adaptive Card, rendered by Microsoft's `adaptivecards` renderer with
 * Viva Connections' host config in the page theme (./vivaHost.ts).
 */
import * as React from 'react';
import * as AdaptiveCards from 'adaptivecards';
import { IconButton } from '@fluentui/react/lib/Button';
import { Dialog, DialogType } from '@fluentui/react/lib/Dialog';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Modal } from '@fluentui/react/lib/Modal';
import { getId } from '@fluentui/react/lib/Utilities';

import type { AdaptiveCard, CardAction, QuickViewModel } from '../../../src/app/host/cardTypes';
import type { HostTheme } from '../../../src/app/host/types';
import { TOUCH } from './styles';
import { hostConfigFor, type QuickViewPlacement, themeVariablesOf } from './vivaHost';
import cards from './cards.module.scss';

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
      <div
        ref={target}
        className={cards.adaptiveCard}
        style={themeVariablesOf(theme) as React.CSSProperties}
        lang={props.locale}
        data-testid="quick-view-card"
      />
    </>
  );
}

export interface QuickViewProps {
  readonly model: QuickViewModel;
  /** The page's UI language (the card's text is in it). */
  readonly locale: string;
  readonly theme: HostTheme | undefined;
  readonly closeLabel: string;
  /** A sheet on a phone, a dialog on a wider page. */
  readonly placement: QuickViewPlacement;
  onAction(action: CardAction): void;
  /** A quick view's Action.Submit other than retry (forms). */
  onSubmit?(actionId: string, inputs: Readonly<Record<string, string>>): void;
  onDismiss(): void;
}

/** The phone's sheet: the whole screen of the frame, a title bar that stays, the card scrolling under it. */
function QuickViewSheet(props: QuickViewProps & { placement: { kind: 'sheet' }; children: React.ReactNode }): React.ReactElement {
  const [titleId] = React.useState(() => getId('se-quick-view-title'));
  const { placement } = props;
  return (
    <Modal
      isOpen
      onDismiss={props.onDismiss}
      titleAriaId={titleId}
      isBlocking={false}
      className={cards.sheet}
      styles={{
        root: { justifyContent: 'flex-start', alignItems: 'stretch' },
        main: {
          marginLeft: placement.left,
          width: placement.width,
          maxWidth: '100vw',
          height: '100%',
          maxHeight: '100%',
          borderRadius: 0,
          boxShadow: 'none'
        },
        scrollableContent: { display: 'flex', flexDirection: 'column', height: '100%', maxHeight: '100%', overflow: 'hidden' }
      }}
    >
      <div className={cards.sheetBar}>
        <IconButton
          className={cards.sheetClose}
          iconProps={{ iconName: 'Cancel' }}
          ariaLabel={props.closeLabel}
          title={props.closeLabel}
          onClick={props.onDismiss}
        />
        <h2 id={titleId} className={cards.sheetTitle}>
          {props.model.title}
        </h2>
      </div>
      <div className={cards.sheetBody} data-testid="quick-view-body">
        {props.children}
      </div>
    </Modal>
  );
}

export function QuickView(props: QuickViewProps): React.ReactElement {
  const { model, placement } = props;
  const content = (
    <AdaptiveCardView
      template={model.template}
      locale={props.locale}
      theme={props.theme}
      onAction={props.onAction}
      onSubmit={props.onSubmit}
    />
  );
  if (placement.kind === 'sheet') {
    return (
      <QuickViewSheet {...props} placement={placement}>
        {content}
      </QuickViewSheet>
    );
  }
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
      {content}
    </Dialog>
  );
}
