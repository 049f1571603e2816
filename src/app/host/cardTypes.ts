/**
 * A Viva Connections card (Adaptive Card Extension) described without SPFx, so SharePoint
 * (`spfxCard.ts`) and the local workbench host the same definition.
 *
 * A card definition loads its data once (`load`, through services it builds from the host
 * environment) and describes what to show with pure functions of state: `cardView` for the
 * card face in each state (setup, loading, error, ready) and `quickView` for the quick view,
 * a finished Adaptive Card (no templating: the JSON is built with the data in it).
 */
import { LOAD_DEADLINE_MS, withDeadline } from '../../core/recovery';
import { AutoRetry } from '../../ui/recovery/autoRetry';
import type { HostEnvironment, PropertyPaneDescription } from './types';

/* ------------------------------------------------------------------------------------------
 * Adaptive Card 1.5 JSON: the subset the product's quick views use, typed. Type aliases (not
 * interfaces) with mutable arrays, so they are assignable to SPFx's `ISPFxAdaptiveCard` as
 * they are.
 * ---------------------------------------------------------------------------------------- */

export type AdaptiveSpacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
export type AdaptiveTextSize = 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
export type AdaptiveTextWeight = 'lighter' | 'default' | 'bolder';
export type AdaptiveTextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';

export type AdaptiveTextBlock = {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly id?: string;
  /** `heading` (Adaptive Cards 1.5) is announced as a heading by screen readers. */
  readonly style?: 'default' | 'heading';
  readonly size?: AdaptiveTextSize;
  readonly weight?: AdaptiveTextWeight;
  readonly color?: AdaptiveTextColor;
  readonly isSubtle?: boolean;
  readonly wrap?: boolean;
  readonly spacing?: AdaptiveSpacing;
  readonly separator?: boolean;
};

export type AdaptiveFactSet = {
  readonly type: 'FactSet';
  readonly facts: Array<{ readonly title: string; readonly value: string }>;
  readonly id?: string;
  readonly spacing?: AdaptiveSpacing;
  readonly separator?: boolean;
};

export type AdaptiveContainer = {
  readonly type: 'Container';
  readonly items: AdaptiveElement[];
  readonly id?: string;
  /** The whole container acts when tapped (a button whose words wrap); its title names it. */
  readonly selectAction?: AdaptiveSubmitAction;
  readonly style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
  readonly spacing?: AdaptiveSpacing;
  readonly separator?: boolean;
};

/** A text input (Adaptive Cards 1.3+ `label`: announced with the field, shown above it). */
export type AdaptiveInputText = {
  readonly type: 'Input.Text';
  readonly id: string;
  readonly label?: string;
  readonly placeholder?: string;
  readonly value?: string;
  readonly isMultiline?: boolean;
  readonly maxLength?: number;
  readonly isRequired?: boolean;
  readonly errorMessage?: string;
  readonly spacing?: AdaptiveSpacing;
  readonly separator?: boolean;
};

/**
 * A choice of values: a drop-down when `compact`, radio buttons when `expanded`, a text box
 * that filters the choices as one types when `filtered` (Adaptive Cards 1.5, static choices;
 * a host without it shows the drop-down).
 */
export type AdaptiveChoiceSet = {
  readonly type: 'Input.ChoiceSet';
  readonly id: string;
  readonly choices: Array<{ readonly title: string; readonly value: string }>;
  readonly label?: string;
  readonly placeholder?: string;
  readonly value?: string;
  readonly style?: 'compact' | 'expanded' | 'filtered';
  readonly isRequired?: boolean;
  readonly errorMessage?: string;
  readonly spacing?: AdaptiveSpacing;
  readonly separator?: boolean;
};

/** Buttons inside the body (Adaptive Cards 1.2), e.g. choices that act at once. */
export type AdaptiveActionSet = {
  readonly type: 'ActionSet';
  readonly actions: AdaptiveSubmitAction[];
  readonly id?: string;
  readonly spacing?: AdaptiveSpacing;
  readonly separator?: boolean;
};

export type AdaptiveElement = AdaptiveTextBlock | AdaptiveFactSet | AdaptiveContainer | AdaptiveInputText | AdaptiveChoiceSet | AdaptiveActionSet;

export type AdaptiveSubmitAction = {
  readonly type: 'Action.Submit';
  readonly id: string;
  readonly title: string;
  readonly data?: Readonly<Record<string, string>>;
  readonly style?: 'default' | 'positive' | 'destructive';
  /** `none`: submits without the form's inputs (and without validating them). */
  readonly associatedInputs?: 'auto' | 'none';
};

export type AdaptiveOpenUrlAction = {
  readonly type: 'Action.OpenUrl';
  readonly id: string;
  readonly title: string;
  readonly url: string;
};

export type AdaptiveCard = {
  readonly type: 'AdaptiveCard';
  readonly $schema?: string;
  readonly version: '1.5';
  readonly body: AdaptiveElement[];
  readonly actions?: Array<AdaptiveSubmitAction | AdaptiveOpenUrlAction>;
  // No `lang`: the renderer validates it with a stateful (/g) regular expression, so every
  // second card fails; hosts mark the language on the element the card renders into.
};

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/* ------------------------------------------------------------------------------------------
 * State, the card face and the quick view.
 * ---------------------------------------------------------------------------------------- */

export type CardStatus = 'setup' | 'loading' | 'error' | 'ready';

/** What the host knows about the card's data. Hosts keep it; views are pure functions of it. */
export type CardState<TData> =
  | { readonly status: 'setup'; readonly reason: string }
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'ready'; readonly data: TData };

/** Everything besides the state a view depends on; given by the host (tests fix it). */
export interface CardContext<TProperties> {
  readonly properties: TProperties;
  /** UI language, lower case (`en-us`, `nl-nl`, `sv-se`). */
  readonly locale: string;
  /** IANA time zone times are shown in: the device's (tests pass one). */
  readonly timeZone: string;
  /** The instant the view describes. */
  readonly now: Date;
}

export type CardAction =
  /** Opens the card's quick view. */
  | { readonly kind: 'quickView' }
  /** Loads the data again (the Error state's action). */
  | { readonly kind: 'retry' }
  | { readonly kind: 'externalLink'; readonly url: string };

export interface CardButton {
  /** Stable id (tests and telemetry). */
  readonly id: string;
  readonly title: string;
  readonly action: CardAction;
  readonly style?: 'default' | 'positive';
}

/** A medium card shows one button, a large card two. */
export type CardButtons = readonly [] | readonly [CardButton] | readonly [CardButton, CardButton];

/** The card face, as SPFx's text card views (Basic, Primary text) show it. */
export interface CardFace {
  readonly status: CardStatus;
  /** The card bar title (the card's name on the dashboard). */
  readonly title: string;
  /** The one thing to read (header text). */
  readonly primaryText: string;
  /** A second line (body text); Basic card view when absent, Primary text card view when set. */
  readonly description?: string;
  readonly buttons: CardButtons;
  /** What selecting the card itself does. */
  readonly onSelect?: CardAction;
}

export interface QuickViewModel {
  /** The quick view's title bar. */
  readonly title: string;
  /** A finished Adaptive Card 1.5 (no `${...}` bindings: hosts render it as it is). */
  readonly template: AdaptiveCard;
  /** The data the card was built from (SPFx hands it to its renderer; nothing binds to it). */
  readonly data: Readonly<Record<string, unknown>>;
}

export interface CardPartDefinition<TProperties extends object, TData> {
  /** The component id from the manifest. */
  readonly id: string;
  readonly alias: string;
  readonly kind: 'card';
  readonly defaultProperties: TProperties;
  propertyPane(): PropertyPaneDescription;
  /**
   * Loads what the card shows. Rejects with `CardSetupRequired` when the card cannot work for
   * this person or site yet (the Setup state); any other rejection is the Error state.
   */
  load(environment: HostEnvironment, properties: TProperties): Promise<TData>;
  /** True when a property change needs a new `load` (not only a new view). */
  reloadsOn?(changedProperty: string): boolean;
  cardView(state: CardState<TData>, context: CardContext<TProperties>): CardFace;
  quickView(data: TData, context: CardContext<TProperties>): QuickViewModel;
  /**
   * The quick view is opening: answers the data it should show, e.g. with what `load` left for
   * when it is needed. Hosts open the quick view at once with the data they have (so `quickView`
   * should show what is still coming) and show this answer when it arrives, unless the state
   * changed meanwhile. Answer `data` itself when there is nothing to add. Should settle its own
   * failures into the data; a rejection leaves the state as it is.
   */
  onQuickViewOpen?(data: TData, environment: HostEnvironment, properties: TProperties): Promise<TData>;
  /**
   * A quick view's `Action.Submit` (any but the Error state's retry): `actionId` is the
   * action's id, `inputs` the form's input values by input id. Answers the card's new data
   * (e.g. the form with a result or with problems), which hosts show at once. Should settle
   * its own failures into the data; a rejection is the Error state.
   */
  onAction?(
    data: TData,
    actionId: string,
    inputs: Readonly<Record<string, string>>,
    environment: HostEnvironment,
    properties: TProperties
  ): Promise<TData>;
}

/** A typed failure: the card has nothing to show until someone sets something up. */
export class CardSetupRequired extends Error {
  public constructor(
    /** A code the card's views turn into words. */
    public readonly reason: string,
    message: string = `Setup required: ${reason}`
  ) {
    super(message);
    this.name = 'CardSetupRequired';
    // ES5 output (the SPFx build) breaks `instanceof` on Error subclasses without this.
    Object.setPrototypeOf(this, CardSetupRequired.prototype);
  }
}

/** The state a failed `load` leaves the card in. */
export function stateFromError(error: unknown): CardState<never> {
  return error instanceof CardSetupRequired
    ? { status: 'setup', reason: error.reason }
    : { status: 'error', error };
}

/**
 * Runs `load` and settles into a state; never rejects (hosts store the result as it is). A load
 * that takes longer than `LOAD_DEADLINE_MS` is the Error state (a timeout), never an endless
 * Loading; hosts then load again by themselves (`cardRecovery`) and on "Try again".
 */
export async function loadCardState<TProperties extends object, TData>(
  definition: CardPartDefinition<TProperties, TData>,
  environment: HostEnvironment,
  properties: TProperties,
  deadlineMs: number = LOAD_DEADLINE_MS
): Promise<CardState<TData>> {
  try {
    return { status: 'ready', data: await withDeadline(Promise.resolve().then(() => definition.load(environment, properties)), deadlineMs, `Loading ${definition.alias}`) };
  } catch (error) {
    return stateFromError(error);
  }
}

/**
 * How a host keeps a card trying again by itself while it is in the Error state: after a backoff,
 * and when the device is back online or the page is shown again (`AutoRetry`). `reload` should
 * load without showing Loading (the Error face stays until the new state is in). Hosts tell it
 * each state they show: Error schedules the next try (each waits longer); any other state (a
 * load someone asked for shows Loading) stops it and starts the schedule afresh.
 */
export interface CardRecovery {
  shown(state: CardState<unknown>): void;
  dispose(): void;
}

export function cardRecovery(reload: () => void): CardRecovery {
  const auto = new AutoRetry(reload);
  return {
    shown: (state) => {
      if (state.status === 'error') {
        auto.failed();
      } else {
        auto.succeeded();
      }
    },
    dispose: () => auto.dispose()
  };
}

/** Runs a quick view submit through the definition; never rejects. No `onAction` or no data: unchanged. */
export async function submitCardAction<TProperties extends object, TData>(
  definition: CardPartDefinition<TProperties, TData>,
  state: CardState<TData>,
  actionId: string,
  inputs: Readonly<Record<string, string>>,
  environment: HostEnvironment,
  properties: TProperties
): Promise<CardState<TData>> {
  if (state.status !== 'ready' || !definition.onAction) {
    return state;
  }
  try {
    return { status: 'ready', data: await definition.onAction(state.data, actionId, inputs, environment, properties) };
  } catch (error) {
    return stateFromError(error);
  }
}

/**
 * Runs the definition's `onQuickViewOpen`; never rejects. No hook, no data, a failure or nothing
 * new: the same state object (hosts then have nothing to show).
 */
export async function openCardQuickView<TProperties extends object, TData>(
  definition: CardPartDefinition<TProperties, TData>,
  state: CardState<TData>,
  environment: HostEnvironment,
  properties: TProperties
): Promise<CardState<TData>> {
  if (state.status !== 'ready' || !definition.onQuickViewOpen) {
    return state;
  }
  try {
    const data = await definition.onQuickViewOpen(state.data, environment, properties);
    return data === state.data ? state : { status: 'ready', data };
  } catch {
    return state;
  }
}

/** A submit's values as strings by input id (hosts hand over `unknown` JSON). */
export function submittedInputs(data: unknown): Record<string, string> {
  const inputs: Record<string, string> = {};
  if (typeof data === 'object' && data !== null) {
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        inputs[key] = String(value);
      }
    }
  }
  return inputs;
}

/** The device's time zone (what a person reads their phone's clock in). */
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** A quick view for a card that is not ready (e.g. reloading while its quick view is open). */
export function statusQuickView(face: CardFace): QuickViewModel {
  const body: AdaptiveElement[] = [{ type: 'TextBlock', text: face.primaryText, wrap: true, size: 'medium', weight: 'bolder' }];
  if (face.description) {
    body.push({ type: 'TextBlock', text: face.description, wrap: true });
  }
  return {
    title: face.title,
    template: { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: '1.5', body },
    data: {}
  };
}

/** The quick view of a card in any state: the definition's when ready, else the status text. */
export function quickViewOf<TProperties extends object, TData>(
  definition: CardPartDefinition<TProperties, TData>,
  state: CardState<TData>,
  context: CardContext<TProperties>
): QuickViewModel {
  return state.status === 'ready'
    ? definition.quickView(state.data, context)
    : statusQuickView(definition.cardView(state, context));
}

/** Type guard for hosts that find definitions by scanning modules (the workbench). */
export function isCardPartDefinition(value: unknown): value is CardPartDefinition<object, unknown> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return (
    candidate.kind === 'card' &&
    typeof candidate.id === 'string' &&
    typeof candidate.alias === 'string' &&
    typeof candidate.defaultProperties === 'object' &&
    candidate.defaultProperties !== null &&
    typeof candidate.propertyPane === 'function' &&
    typeof candidate.load === 'function' &&
    typeof candidate.cardView === 'function' &&
    typeof candidate.quickView === 'function'
  );
}
