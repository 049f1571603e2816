/**
 * Hosts one card the way the SPFx card host does (`src/app/host/spfxCard.ts`): loads its
 * data once (again on retry, a new persona or a property that needs it), keeps the card state,
 * and shows the card face of a Viva Connections dashboard card and its quick view.
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Icon } from '@fluentui/react/lib/Icon';

import { type CardAction, type CardButton, type CardContext, type CardFace, type CardPartDefinition, cardRecovery, type CardState, deviceTimeZone, loadCardState, openCardQuickView, quickViewOf, type QuickViewModel, statusQuickView, submitCardAction } from '../../../src/app/host/cardTypes';
import type { HostEnvironment } from '../../../src/app/host/types';
import { QuickView } from './QuickView';
import type { RegisteredPart } from './registry';
import { type QuickViewPlacement, quickViewPlacement } from './vivaHost';
import cards from './cards.module.scss';

type CardDefinition = CardPartDefinition<object, unknown>;

export interface CardHostProps {
  readonly part: RegisteredPart<CardDefinition>;
  readonly environment: HostEnvironment;
  readonly properties: object;
}

/** The properties that need a new load when they change, as one comparable key. */
function reloadKey(definition: CardDefinition, properties: object): string {
  const relevant = Object.entries(properties).filter(([name]) => definition.reloadsOn?.(name) === true);
  return JSON.stringify(relevant);
}

/**
 * The card's state: loads on mount, on a new person or Graph client, and on `retry`; in the Error
 * state it loads again by itself, keeping the Error face until the new state is in (as the SPFx
 * host does, `cardRecovery`).
 */
function useCardState(
  definition: CardDefinition,
  environment: HostEnvironment,
  properties: object
): [CardState<unknown>, () => void, React.Dispatch<React.SetStateAction<CardState<unknown>>>] {
  const [state, setState] = React.useState<CardState<unknown>>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  const latest = React.useRef({ environment, properties });
  latest.current = { environment, properties };
  /** Counts loads: only the latest one's state shows. */
  const loads = React.useRef(0);
  const load = React.useRef<(quiet: boolean) => void>(() => undefined);
  const [recovery] = React.useState(() => cardRecovery(() => load.current(true)));
  load.current = (quiet) => {
    const run = ++loads.current;
    if (!quiet) {
      const loading: CardState<unknown> = { status: 'loading' };
      setState(loading);
      recovery.shown(loading);
    }
    const current = latest.current;
    loadCardState(definition, current.environment, current.properties).then(
      (settled) => {
        if (run === loads.current) {
          setState(settled);
          recovery.shown(settled);
        }
      },
      () => undefined // loadCardState settles every failure into a state.
    );
  };
  const key = reloadKey(definition, properties);
  const { graph } = environment;
  const person = environment.user.loginName;
  React.useEffect(() => {
    load.current(false);
    return () => {
      loads.current += 1;
    };
  }, [definition, graph, person, key, attempt]);
  React.useEffect(() => () => recovery.dispose(), [recovery]);
  return [state, () => setAttempt((n) => n + 1), setState];
}

/** "Now" for the views, moving on every minute ("On shift now" ends while the page is open). */
function useMinuteClock(): Date {
  const [now, setNow] = React.useState(() => new Date());
  React.useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function FaceButton(props: { button: CardButton; primary: boolean; onAction(action: CardAction): void }): React.ReactElement {
  const { button } = props;
  const Button = props.primary ? PrimaryButton : DefaultButton;
  return (
    <Button
      className={cards.cardButton}
      text={button.title}
      data-button-id={button.id}
      onClick={(event) => {
        event.stopPropagation();
        props.onAction(button.action);
      }}
    />
  );
}

/** The card face: card bar (icon, title), primary text, description, buttons. */
export function CardFaceView(props: {
  face: CardFace;
  iconName: string | undefined;
  /** Medium cards show one button, large cards two (as Viva Connections does). */
  size: 'Medium' | 'Large';
  titleId: string;
  onAction(action: CardAction): void;
}): React.ReactElement {
  const { face } = props;
  const buttons = face.buttons.slice(0, props.size === 'Large' ? 2 : 1);
  return (
    <div
      className={`${cards.card} ${props.size === 'Large' ? cards.large : ''}`}
      data-card-status={face.status}
      aria-busy={face.status === 'loading'}
      // Selecting the card is a shortcut for pointer and touch; keyboard users have the buttons.
      onClick={face.onSelect ? () => face.onSelect && props.onAction(face.onSelect) : undefined}
    >
      <div className={cards.cardBar}>
        {props.iconName && <Icon iconName={props.iconName} className={cards.cardIcon} aria-hidden />}
        <h3 id={props.titleId} className={cards.cardTitle}>
          {face.title}
        </h3>
      </div>
      <p className={cards.primaryText} data-testid="card-primary-text">
        {face.primaryText}
      </p>
      {face.description && (
        <p className={cards.description} data-testid="card-description">
          {face.description}
        </p>
      )}
      {buttons.length > 0 && (
        <div className={cards.footer}>
          {buttons.map((button, index) => (
            <FaceButton key={button.id} button={button} primary={index === 0} onAction={props.onAction} />
          ))}
        </div>
      )}
    </div>
  );
}

export function CardHost(props: CardHostProps): React.ReactElement {
  const { part, environment } = props;
  const { definition } = part;
  const [state, retry, setState] = useCardState(definition, environment, props.properties);
  // The latest state, for a submit that finishes after another change.
  const stateRef = React.useRef(state);
  stateRef.current = state;
  // Where the open quick view is (a sheet on a phone, a dialog on a wider page); none when closed.
  const [placement, setPlacement] = React.useState<QuickViewPlacement | undefined>(undefined);
  const root = React.useRef<HTMLElement>(null);
  const now = useMinuteClock();
  const context = React.useMemo<CardContext<object>>(
    () => ({
      properties: { ...definition.defaultProperties, ...props.properties },
      locale: environment.locale,
      timeZone: deviceTimeZone(),
      now
    }),
    [definition, props.properties, environment.locale, now]
  );

  // A definition that throws must not take the workbench down: show what it threw instead.
  const thrown = (where: string, error: unknown): CardFace => ({
    status: 'error',
    title: part.title,
    primaryText: `${part.file} threw in ${where}`,
    description: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    buttons: []
  });
  let face: CardFace;
  try {
    face = definition.cardView(state, context);
  } catch (error) {
    face = thrown('cardView', error);
  }
  const quickView = (): QuickViewModel => {
    try {
      return quickViewOf(definition, state, context);
    } catch (error) {
      return statusQuickView(thrown('quickView', error));
    }
  };
  const onAction = (action: CardAction): void => {
    switch (action.kind) {
      case 'quickView': {
        setPlacement(quickViewPlacement(root.current));
        // As SPFx does: the quick view shows at once; what the card reads on opening follows,
        // unless the state changed meanwhile (a reload or a submit wins).
        const started = stateRef.current;
        const properties = { ...definition.defaultProperties, ...props.properties };
        openCardQuickView(definition, started, environment, properties).then(
          (next) => {
            if (next !== started) {
              setState((current) => (current === started ? next : current));
            }
          },
          () => undefined
        );
        break;
      }
      case 'retry':
        setPlacement(undefined);
        retry();
        break;
      case 'externalLink':
        window.open(action.url, '_blank', 'noopener');
        break;
    }
  };
  const onSubmit = (actionId: string, inputs: Readonly<Record<string, string>>): void => {
    const properties = { ...definition.defaultProperties, ...props.properties };
    submitCardAction(definition, stateRef.current, actionId, inputs, environment, properties).then(setState, () => undefined);
  };
  const titleId = `se-card-title-${definition.id}`;
  return (
    <section ref={root} className={cards.cardHost} aria-labelledby={titleId} data-part-id={definition.id} data-part-alias={definition.alias}>
      <CardFaceView
        face={face}
        iconName={part.manifest?.iconName}
        size={part.manifest?.cardSize ?? 'Medium'}
        titleId={titleId}
        onAction={onAction}
      />
      {placement && (
        <QuickView
          model={quickView()}
          locale={environment.locale}
          theme={environment.theme}
          closeLabel="Close the quick view"
          placement={placement}
          onAction={onAction}
          onSubmit={onSubmit}
          onDismiss={() => setPlacement(undefined)}
        />
      )}
    </section>
  );
}
