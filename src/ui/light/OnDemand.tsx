/**
 * Code that a part needs only once someone acts (a composer, a dialog, a settings panel) comes
 * in its own chunk: `onDemand(() => import(/* webpackChunkName: 'name' *\/ './Module'))` is
 * `React.lazy` that can try again (a chunk that failed on a lost connection loads again on
 * retry, where `React.lazy` would keep the failure), and `<OnDemand>` is the Suspense boundary
 * with a fallback while it loads and a message with "Try again" when it could not load.
 */
import * as React from 'react';

import { Button } from './Button';
import styles from './Light.module.scss';
import { Notice } from './Notice';
import { Spinner } from './Spinner';

export interface IOnDemandComponent<P> {
  (props: P): React.ReactElement;
  /** Starts loading (on hover or focus of what opens it), so a tap finds it loaded. */
  preload(): void;
  /** After a failed load: the next render loads it again. */
  reset(): void;
}

/** A component from a module loaded on first render (`load` is an `import()` of its chunk). */
export function onDemand<P extends object>(load: () => Promise<React.ComponentType<P>>): IOnDemandComponent<P> {
  let failed = false;
  let pending: Promise<React.ComponentType<P>> | undefined;
  const start = (): Promise<React.ComponentType<P>> => {
    if (!pending) {
      pending = load().catch((error: unknown) => {
        failed = true;
        pending = undefined;
        throw error;
      });
    }
    return pending;
  };
  const makeLazy = (): React.LazyExoticComponent<React.ComponentType<P>> =>
    React.lazy(() => start().then((component) => ({ default: component })));
  let Lazy = makeLazy();
  const component = ((props: P): React.ReactElement => React.createElement(Lazy as unknown as React.ComponentType<P>, props)) as IOnDemandComponent<P>;
  component.preload = () => {
    start().catch(() => undefined); // a failure shows when it is rendered
  };
  component.reset = () => {
    if (failed) {
      failed = false;
      Lazy = makeLazy();
    }
  };
  return component;
}

export interface IOnDemandProps {
  /** Shown while the code loads. */
  readonly fallback: React.ReactElement;
  /** Said when it could not load (with a "Try again" button). */
  readonly failedText: string;
  readonly retryText: string;
  /** The on-demand components inside (reset on "Try again"). */
  readonly components: ReadonlyArray<Pick<IOnDemandComponent<never>, 'reset'>>;
  readonly children: React.ReactNode;
}

interface IOnDemandState {
  readonly failed: boolean;
  readonly attempt: number;
}

/** The Suspense boundary of on-demand code, with a way back when loading failed. */
export class OnDemand extends React.Component<IOnDemandProps, IOnDemandState> {
  public state: IOnDemandState = { failed: false, attempt: 0 };

  public static getDerivedStateFromError(): Partial<IOnDemandState> {
    return { failed: true };
  }

  private readonly retry = (): void => {
    this.props.components.forEach((c) => c.reset());
    this.setState((s) => ({ failed: false, attempt: s.attempt + 1 }));
  };

  public render(): React.ReactNode {
    if (this.state.failed) {
      return (
        <Notice type="error">
          {this.props.failedText}{' '}
          <Button text={this.props.retryText} onClick={this.retry} className={styles.target} />
        </Notice>
      );
    }
    return (
      <React.Suspense key={this.state.attempt} fallback={this.props.fallback}>
        {this.props.children}
      </React.Suspense>
    );
  }
}

/** The fallback of a dialog or panel loading on demand: a small "Opening…" card on screen. */
export function Opening(props: { label: string }): React.ReactElement {
  return (
    <div className={styles.opening}>
      <Spinner size="inline" label={props.label} />
    </div>
  );
}

/**
 * Renders its children from the first time `when` is true on, and keeps them (a panel that
 * opens and closes keeps its state, and its code loads when it is first opened).
 */
export function OnceShown(props: { when: boolean; children: React.ReactNode }): React.ReactElement {
  const shown = React.useRef(false);
  if (props.when) {
    shown.current = true;
  }
  return <>{shown.current ? props.children : undefined}</>;
}
