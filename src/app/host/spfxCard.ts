/**
 * The SharePoint host of a card: a thin Adaptive Card Extension that builds the host
 * environment from the SPFx context, loads the card's data in `onInit`, keeps
 * `{ status, data, error }` in the ACE state, and shows the definition's card face (SPFx 1.21
 * component card views) and quick view (an Adaptive Card quick view).
 */
import { DisplayMode } from '@microsoft/sp-core-library';
import {
  BaseAdaptiveCardExtension,
  BaseAdaptiveCardQuickView,
  BaseComponentsCardView,
  BasicCardView,
  type ComponentsCardViewParameters,
  type IActionArguments,
  type ICardAction,
  type ICardButtonConfiguration,
  type IExternalLinkCardAction,
  type IQuickViewCardAction,
  type ISPFxAdaptiveCard,
  PrimaryTextCardView,
  type RenderType
} from '@microsoft/sp-adaptive-card-extension-base';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';

import {
  type CardAction,
  type CardButton,
  type CardContext,
  type CardFace,
  cardRecovery,
  type CardRecovery,
  type CardPartDefinition,
  type CardState,
  type CardStatus,
  deviceTimeZone,
  loadCardState,
  openCardQuickView,
  quickViewOf,
  stateFromError,
  submitCardAction,
  submittedInputs
} from './cardTypes';
import { toPropertyPane } from './propertyPane';
import { spfxEnvironment, spfxHostBase } from './spfxEnvironment';
import type { HostEnvironment } from './types';

const CARD_VIEW_ID = 'SHOPFLOOR_ENGAGE_CARD_VIEW';
const QUICK_VIEW_ID = 'SHOPFLOOR_ENGAGE_QUICK_VIEW';
/** The Submit parameter that marks the Error state's retry button. */
const RETRY = 'retry';

/** The ACE state: flat, so `setState` replaces every field (no stale data after an error). */
export interface CardHostState<TData> {
  readonly status: CardStatus;
  readonly data: TData | undefined;
  readonly error: unknown;
  /** Why the card needs setting up (status `setup`). */
  readonly reason: string | undefined;
}

function toHostState<TData>(state: CardState<TData>): CardHostState<TData> {
  return {
    status: state.status,
    data: state.status === 'ready' ? state.data : undefined,
    error: state.status === 'error' ? state.error : undefined,
    reason: state.status === 'setup' ? state.reason : undefined
  };
}

function toCardState<TData>(state: CardHostState<TData>): CardState<TData> {
  switch (state.status) {
    case 'ready':
      return state.data !== undefined ? { status: 'ready', data: state.data } : { status: 'loading' };
    case 'error':
      return { status: 'error', error: state.error };
    case 'setup':
      return { status: 'setup', reason: state.reason ?? '' };
    default:
      return { status: 'loading' };
  }
}

/** What the views need from the extension, without reaching into its protected members. */
interface CardHost<TProperties extends object, TData> {
  readonly definition: CardPartDefinition<TProperties, TData>;
  context(): CardContext<TProperties>;
  state(): CardState<TData>;
  reload(): void;
  /** A quick view's Action.Submit (not retry), through the definition's `onAction`. */
  submit(actionId: string, inputs: Readonly<Record<string, string>>): void;
}

function toSpfxAction(action: CardAction): ICardAction | undefined {
  switch (action.kind) {
    case 'quickView':
      return { type: 'QuickView', parameters: { view: QUICK_VIEW_ID } };
    case 'retry':
      return { type: 'Submit', parameters: { id: RETRY } };
    case 'externalLink':
      return { type: 'ExternalLink', parameters: { target: action.url } };
  }
}

function toButton(button: CardButton): ICardButtonConfiguration[] {
  const action = toSpfxAction(button.action);
  return action ? [{ componentName: 'cardButton', id: button.id, title: button.title, action, style: button.style }] : [];
}

function toFooter(face: CardFace): ICardButtonConfiguration | [ICardButtonConfiguration, ICardButtonConfiguration] | undefined {
  const buttons = face.buttons.flatMap(toButton);
  if (buttons.length >= 2) {
    return [buttons[0], buttons[1]];
  }
  return buttons[0];
}

function isRetry(action: IActionArguments): boolean {
  if (action.type !== 'Submit') {
    return false;
  }
  const data: unknown = action.data;
  return action.id === RETRY || (typeof data === 'object' && data !== null && (data as { id?: unknown }).id === RETRY);
}

class PartCardView<TProperties extends object, TData> extends BaseComponentsCardView<
  TProperties,
  CardHostState<TData>,
  ComponentsCardViewParameters
> {
  public constructor(private readonly host: CardHost<TProperties, TData>) {
    super();
  }

  private face(): CardFace {
    return this.host.definition.cardView(this.host.state(), this.host.context());
  }

  public get cardViewParameters(): ComponentsCardViewParameters {
    const face = this.face();
    const cardBar = { componentName: 'cardBar', title: face.title } as const;
    const header = { componentName: 'text', text: face.primaryText } as const;
    const footer = toFooter(face);
    return face.description
      ? PrimaryTextCardView({ cardBar, header, body: { componentName: 'text', text: face.description }, footer })
      : BasicCardView({ cardBar, header, footer });
  }

  public get onCardSelection(): IQuickViewCardAction | IExternalLinkCardAction | undefined {
    const action = this.face().onSelect;
    const spfx = action ? toSpfxAction(action) : undefined;
    return spfx && (spfx.type === 'QuickView' || spfx.type === 'ExternalLink') ? spfx : undefined;
  }

  public onAction(action: IActionArguments): void {
    if (isRetry(action)) {
      this.host.reload();
    }
  }
}

class PartQuickView<TProperties extends object, TData> extends BaseAdaptiveCardQuickView<
  TProperties,
  CardHostState<TData>,
  Readonly<Record<string, unknown>>
> {
  public constructor(private readonly host: CardHost<TProperties, TData>) {
    super();
  }

  private model(): ReturnType<typeof quickViewOf> {
    return quickViewOf(this.host.definition, this.host.state(), this.host.context());
  }

  public get title(): string {
    return this.model().title;
  }

  public get template(): ISPFxAdaptiveCard {
    return this.model().template;
  }

  public get data(): Readonly<Record<string, unknown>> {
    return this.model().data;
  }

  public onAction(action: IActionArguments): void {
    if (isRetry(action)) {
      this.host.reload();
    } else if (action.type === 'Submit') {
      // SPFx hands the inputs' values merged into the action's data.
      this.host.submit(action.id ?? '', submittedInputs(action.data));
    }
  }
}

/** Base class of every Shopfloor Engage card: thin by construction. */
export abstract class CardAdaptiveCardExtension<TProperties extends object, TData> extends BaseAdaptiveCardExtension<
  TProperties,
  CardHostState<TData>
> {
  protected abstract readonly definition: CardPartDefinition<TProperties, TData>;
  private _environment: Promise<HostEnvironment> | undefined;
  /** Counts loads, so an older load that finishes late does not overwrite a newer one. */
  private _loads: number = 0;
  /** In the Error state the card loads again by itself (backoff, back online, page shown again). */
  private _recovery: CardRecovery | undefined;

  public onInit(): Promise<void> {
    this.state = toHostState<TData>({ status: 'loading' });
    const host: CardHost<TProperties, TData> = {
      definition: this.definition,
      context: () => this.cardContext(),
      state: () => toCardState(this.state),
      reload: () => this.reload(),
      submit: (actionId, inputs) => this.submit(actionId, inputs)
    };
    this.cardNavigator.register(CARD_VIEW_ID, () => new PartCardView(host));
    this.quickViewNavigator.register(QUICK_VIEW_ID, () => new PartQuickView(host));
    this._recovery = cardRecovery(() => this.reload(true));
    // The card renders its Loading view at once; the data arrives with a setState.
    this.reload();
    return Promise.resolve();
  }

  public onDispose(): void {
    this._recovery?.dispose();
    this._loads += 1; // nothing settles after this
    super.onDispose();
  }

  /** The host environment, built once (again after a failure, so Try again can recover). */
  private environment(): Promise<HostEnvironment> {
    if (!this._environment) {
      this._environment = spfxHostBase(this.context).then(
        (base) => spfxEnvironment(base, undefined, this.displayMode === DisplayMode.Edit),
        (error: unknown) => {
          this._environment = undefined;
          throw error;
        }
      );
    }
    return this._environment;
  }

  private effectiveProperties(): TProperties {
    return { ...this.definition.defaultProperties, ...this.properties };
  }

  private cardContext(): CardContext<TProperties> {
    return {
      properties: this.effectiveProperties(),
      locale: this.context.pageContext.cultureInfo.currentUICultureName.toLowerCase(),
      timeZone: deviceTimeZone(),
      now: new Date()
    };
  }

  /**
   * Loads the data (again): Loading, then Ready, Setup or Error. `quiet` (the card trying again by
   * itself): the Error face stays until the new state is in.
   */
  protected reload(quiet: boolean = false): void {
    this._loads += 1;
    const load = this._loads;
    const settle = (state: CardState<TData>): void => {
      if (load === this._loads) {
        this.setState(toHostState(state));
        this._recovery?.shown(state);
      }
    };
    if (!quiet) {
      const loading: CardState<TData> = { status: 'loading' };
      this.setState(toHostState(loading));
      this._recovery?.shown(loading);
    }
    this.environment()
      .then((environment) => loadCardState(this.definition, environment, this.effectiveProperties()))
      .then(settle, (error: unknown) => settle(stateFromError(error)));
  }

  /** A quick view submit: the definition's answer becomes the state (the quick view re-renders). */
  protected submit(actionId: string, inputs: Readonly<Record<string, string>>): void {
    const load = this._loads;
    this.environment()
      .then((environment) =>
        submitCardAction(this.definition, toCardState(this.state), actionId, inputs, environment, this.effectiveProperties())
      )
      .then(
        (state) => {
          if (load === this._loads) {
            this.setState(toHostState(state));
            this._recovery?.shown(state);
          }
        },
        (error: unknown) => {
          if (load === this._loads) {
            const state = stateFromError(error);
            this.setState(toHostState(state));
            this._recovery?.shown(state);
          }
        }
      );
  }

  /** The quick view opened (SPFx opens it itself): the definition may add what it reads on demand. */
  protected onRenderTypeChanged(oldRenderType: RenderType): void {
    if (this.renderType !== 'QuickView' || oldRenderType === 'QuickView' || !this.definition.onQuickViewOpen) {
      return;
    }
    const started = this.state;
    if (started.status !== 'ready') {
      return;
    }
    this.environment()
      .then((environment) => openCardQuickView(this.definition, toCardState(started), environment, this.effectiveProperties()))
      .then(
        (state) => {
          // Only onto the data it started from: a reload or a submit meanwhile wins.
          if (state.status === 'ready' && state.data !== started.data && this.state.status === 'ready' && this.state.data === started.data) {
            this.setState(toHostState(state));
          }
        },
        () => undefined // no environment: the quick view keeps what it shows
      );
  }

  protected renderCard(): string | undefined {
    return CARD_VIEW_ID;
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return toPropertyPane(this.definition.propertyPane());
  }

  protected onPropertyPaneFieldChanged(propertyPath: string, oldValue: unknown, newValue: unknown): void {
    if (oldValue === newValue) {
      return;
    }
    if (this.definition.reloadsOn?.(propertyPath)) {
      this.reload();
    } else {
      // Views read the properties when they render: a re-render is enough.
      this.setState();
    }
  }
}
