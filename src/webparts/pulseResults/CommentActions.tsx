/**
 * The actions under the Pulse results part's comments, for HR and leaders: each released comment
 * with its replies, Reply, and HR's Hide/Show (`src/ui/pulseThreads`), and "Make a plan" for a
 * writer who may write plans for the comment's group (HR any; a leader the crews they lead), which
 * opens the plans' editor (its own chunk) with the comment as what was heard. The threads are read
 * once, when the first comment row asks (the comments tab opened), and again after a change; a
 * failed read leaves the rows without replies and says why above the comments, with Try again.
 * "Make a plan" waits for the thread, and is not offered for a comment HR hid (no plan may quote
 * it: the relay refuses it too).
 */
import * as React from 'react';
import * as strings from 'PulseResultsWebPartStrings';

import { mayWritePlanFor, type PlanWriter } from '../../core/pulse/plans/scope';
import type { PulseThreadsBody, PulseThreadsSource, ThreadBody } from '../../core/pulse/threads/wire';
import { Button } from '../../ui/light/Button';
import { CommentThread } from '../../ui/pulseThreads/CommentThread';
import { ThreadsReadFailed } from '../../ui/pulseThreads/ThreadsReadFailed';
import type { CommentPlace } from '../../ui/pulseResults/PulseResults';
import type { CommentView } from '../../ui/pulseResults/resultsView';
import styles from './PlansTab.module.scss';

type Listener = (threads: ReadonlyMap<string, ThreadBody>) => void;

/** How the latest read of the threads went, for the line above the comments. */
interface ReadState {
  readonly reading: boolean;
  /** The latest read failed, and why; none once one succeeded. */
  readonly failure?: { readonly error: unknown };
}

/** One read of the threads shared by every comment row; rows hear when it is read again. */
class ThreadsRead {
  private read: Promise<PulseThreadsBody> | undefined;
  private readonly listeners = new Set<Listener>();
  private readonly watchers = new Set<(state: ReadState) => void>();
  private state: ReadState = { reading: false };

  public constructor(private readonly source: Pick<PulseThreadsSource, 'threads'>) {}

  public subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    this.current().then(
      (body) => listener(byId(body)),
      // A failed read shows the rows without their replies (a reply still works); the line above
      // the comments says why, with Try again.
      () => listener(new Map())
    );
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** How the reads go, without asking for one. */
  public watch(watcher: (state: ReadState) => void): () => void {
    this.watchers.add(watcher);
    watcher(this.state);
    return () => {
      this.watchers.delete(watcher);
    };
  }

  public again(): void {
    this.read = undefined;
    this.current().then(
      (body) => this.listeners.forEach((listener) => listener(byId(body))),
      // The rows keep what they have; the line above the comments says why.
      () => undefined
    );
  }

  private current(): Promise<PulseThreadsBody> {
    if (!this.read) {
      const read = this.source.threads();
      this.read = read;
      this.setState({ reading: true, failure: this.state.failure });
      read.then(
        () => {
          if (this.read === read) {
            this.setState({ reading: false });
          }
        },
        (error: unknown) => {
          if (this.read === read) {
            this.read = undefined;
            this.setState({ reading: false, failure: { error } });
          }
        }
      );
    }
    return this.read;
  }

  private setState(state: ReadState): void {
    this.state = state;
    this.watchers.forEach((watcher) => watcher(state));
  }
}

function byId(body: PulseThreadsBody): ReadonlyMap<string, ThreadBody> {
  return new Map(body.threads.map((thread) => [thread.threadId, thread]));
}

interface IThreadOfProps {
  readonly threadId: string;
  readonly role: 'hr' | 'leader';
  readonly read: ThreadsRead;
  readonly source: PulseThreadsSource;
  readonly language: string;
  /** "Make a plan" of this comment; absent where the reader may not write plans for its group. */
  readonly makePlan?: () => void;
}

function ThreadOf(props: IThreadOfProps): React.ReactElement {
  const { read, threadId } = props;
  const [thread, setThread] = React.useState<ThreadBody | undefined>(undefined);
  const [loaded, setLoaded] = React.useState(false);
  React.useEffect(
    () =>
      read.subscribe((threads) => {
        setThread(threads.get(threadId));
        setLoaded(true);
      }),
    [read, threadId]
  );
  // The thread stays mounted across reads: what it just said ("Your reply was sent.", "hidden from
  // team leaders") stays, and it drops its own copy of a sent reply when the thread read again
  // brings it. A reply being typed under another comment is kept the same way.
  const again = React.useCallback(() => read.again(), [read]);
  // The row waits for the first read: a reply box opened before it would be taken down by it.
  if (!loaded) {
    return <></>;
  }
  return (
    <>
      <CommentThread threadId={threadId} thread={thread} role={props.role} source={props.source} language={props.language} onChanged={again} />
      {props.makePlan && thread?.status !== 'hidden' && <Button className={styles.target} iconName="Add" text={strings.MakePlan} onClick={props.makePlan} />}
    </>
  );
}

/** Who writes plans, as the results say (the relay decides again when the plan is saved). */
function writerOf(role: 'hr' | 'leader', place: CommentPlace): PlanWriter {
  return role === 'hr' ? { role: 'hr' } : { role: 'leader', crews: place.leads };
}

/** One read of the threads per source: a part rendered again keeps its rows and what is typed in them. */
const reads = new WeakMap<PulseThreadsSource, ThreadsRead>();

function readOf(source: PulseThreadsSource): ThreadsRead {
  const read = reads.get(source) ?? new ThreadsRead(source);
  reads.set(source, read);
  return read;
}

/** The results part's `commentActions`: a released comment's thread, and "Make a plan" of it, for HR and leaders. */
export function commentActionsOf(source: PulseThreadsSource, language: string): (comment: CommentView, role: 'hr' | 'leader', place?: CommentPlace) => React.ReactNode {
  const read = readOf(source);
  const actions = (comment: CommentView, role: 'hr' | 'leader', place?: CommentPlace): React.ReactNode => {
    if (!comment.threadId) {
      return undefined;
    }
    const makePlan = place?.makePlan && mayWritePlanFor(writerOf(role, place), place.listKey) ? place.makePlan : undefined;
    return <ThreadOf threadId={comment.threadId} role={role} read={read} source={source} language={language} makePlan={makePlan} />;
  };
  return actions;
}

function ThreadsStatus(props: { readonly read: ThreadsRead; readonly language: string }): React.ReactElement {
  const { read } = props;
  const [state, setState] = React.useState<ReadState>({ reading: false });
  React.useEffect(() => read.watch(setState), [read]);
  const tryAgain = React.useCallback(() => read.again(), [read]);
  return state.failure ? <ThreadsReadFailed error={state.failure.error} language={props.language} reading={state.reading} onTryAgain={tryAgain} /> : <></>;
}

/**
 * The results part's `commentsStatus`, above the comments: nothing while the threads read well;
 * after a failed read, why, with Try again that reads the threads again (the results stay as they are).
 */
export function threadsStatusOf(source: PulseThreadsSource, language: string): React.ReactNode {
  return <ThreadsStatus read={readOf(source)} language={language} />;
}
