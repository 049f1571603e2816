/**
 * The Learning admin part for HR and site owners: the paths (one SharePoint `$batch` on first
 * render: paths, steps and the person's right), and from each path its form, its steps and
 * assigning it. The forms load on demand (their own chunks), so the first screen carries only
 * the list. Someone without the right sees the paths and is told why they cannot change them.
 */
import * as React from 'react';

import type { AdminPath, LearningAdminStart } from '../../core/learning/learningAdminPorts';
import { stepsInOrder } from '../../core/learning/steps';
import { pathName } from '../../core/learning/wording';
import { format } from '../format';
import { Notice } from '../light/Notice';
import { OnDemand, onDemand } from '../light/OnDemand';
import { Spinner } from '../light/Spinner';
import { useRecoveringLoad } from '../recovery/useRecoveringLoad';
import { adminWords } from './adminWords';
import type { IAssignPanelProps } from './AssignPanel';
import { failureText } from './failureText';
import { Action } from './Fields';
import styles from './LearningAdmin.module.scss';
import type { IPathEditorProps } from './PathEditor';
import type { IStepsEditorProps } from './StepsEditor';
import type { ILearningAdminProps } from './types';

const LazyPathEditor = onDemand<IPathEditorProps>(() => import(/* webpackChunkName: 'learning-path-editor' */ './PathEditor').then((m) => m.PathEditor));
const LazyStepsEditor = onDemand<IStepsEditorProps>(() => import(/* webpackChunkName: 'learning-steps-editor' */ './StepsEditor').then((m) => m.StepsEditor));
const LazyAssignPanel = onDemand<IAssignPanelProps>(() => import(/* webpackChunkName: 'learning-assign' */ './AssignPanel').then((m) => m.AssignPanel));

type View =
  | { readonly kind: 'list' }
  | { readonly kind: 'path'; readonly pathId?: number }
  | { readonly kind: 'steps'; readonly pathId: number }
  | { readonly kind: 'assign'; readonly pathId: number };

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `assign-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function LearningAdmin(props: ILearningAdminProps): React.ReactElement {
  const words = adminWords(props.locale);
  const { store, relay, audiences, tenantHosts } = props.sources;
  const read = React.useCallback((): Promise<LearningAdminStart> => store.start(), [store]);
  const { state, reload } = useRecoveringLoad(read, 'Reading the learning paths');
  const [view, setView] = React.useState<View>({ kind: 'list' });
  const [notice, setNotice] = React.useState<string | undefined>(undefined);
  const show = (next: View): void => {
    setNotice(undefined);
    setView(next);
  };

  if (state.kind === 'loading') {
    return (
      <div className={styles.learningAdmin}>
        <Spinner label={words.loading} />
      </div>
    );
  }
  if (state.kind === 'failed') {
    return (
      <div className={styles.learningAdmin}>
        <h2 className={styles.heading}>{words.heading}</h2>
        <Notice type="error">{failureText(words, state.error)}</Notice>
        <div className={styles.actions}>
          <Action primary={true} text={words.tryAgain} onClick={() => reload()} />
        </div>
      </div>
    );
  }

  const { paths, steps, mayEdit } = state.data;
  const pathOf = (id: number | undefined): AdminPath | undefined => paths.filter((p) => p.id === id)[0];
  const opened = view.kind === 'list' ? undefined : pathOf(view.pathId);
  const onDemandFrame = (child: React.ReactElement): React.ReactElement => (
    <OnDemand components={[LazyPathEditor, LazyStepsEditor, LazyAssignPanel]} fallback={<Spinner label={words.opening} />} failedText={words.openFailed} retryText={words.tryAgain}>
      {child}
    </OnDemand>
  );

  let body: React.ReactElement;
  if (view.kind === 'path' && mayEdit) {
    body = onDemandFrame(
      <LazyPathEditor
        words={words}
        locale={props.locale}
        path={opened}
        paths={paths}
        store={store}
        onSaved={() => {
          show({ kind: 'list' });
          setNotice(words.saved);
          reload(true);
        }}
        onCancel={() => show({ kind: 'list' })}
      />
    );
  } else if (view.kind === 'steps' && opened && mayEdit) {
    body = onDemandFrame(
      <LazyStepsEditor
        words={words}
        locale={props.locale}
        path={opened}
        steps={steps}
        store={store}
        relay={relay}
        tenantHosts={tenantHosts}
        onChanged={() => reload(true)}
        onBack={() => show({ kind: 'list' })}
      />
    );
  } else if (view.kind === 'assign' && opened) {
    body = onDemandFrame(
      <LazyAssignPanel
        words={words}
        locale={props.locale}
        path={opened}
        relay={relay}
        audiences={audiences}
        timeZone={props.timeZone}
        newRequestId={props.newRequestId ?? randomId}
        onBack={() => show({ kind: 'list' })}
      />
    );
  } else {
    body = (
      <>
        {!mayEdit && <Notice type="info">{words.notAllowed}</Notice>}
        {notice && <Notice type="success">{notice}</Notice>}
        {paths.length === 0 && <p>{words.noPaths}</p>}
        <ul className={styles.list}>
          {paths.map((path) => {
            const name = pathName(path, props.locale);
            return (
              <li key={path.id} className={styles.row}>
                <span className={styles.name}>{name}</span>{' '}
                <span className={styles.subtle}>
                  · {path.isActive ? words.active : words.inactive} · {format(words.stepCount, stepsInOrder(steps, path.id).length)}
                </span>
                <div className={styles.actions}>
                  {mayEdit && (
                    <>
                      <Action text={words.editPath} description={name} onMouseEnter={LazyPathEditor.preload} onFocus={LazyPathEditor.preload} onClick={() => show({ kind: 'path', pathId: path.id })} />
                      <Action text={words.steps} description={name} onMouseEnter={LazyStepsEditor.preload} onFocus={LazyStepsEditor.preload} onClick={() => show({ kind: 'steps', pathId: path.id })} />
                    </>
                  )}
                  {/* A team leader assigns too: the relay decides whom (their direct reports). */}
                  {path.isActive && (
                    <Action text={words.assign} description={name} onMouseEnter={LazyAssignPanel.preload} onFocus={LazyAssignPanel.preload} onClick={() => show({ kind: 'assign', pathId: path.id })} />
                  )}
                </div>
              </li>
            );
          })}
        </ul>
        {mayEdit && (
          <div className={styles.actions}>
            <Action primary={true} iconName="Add" text={words.newPath} onFocus={LazyPathEditor.preload} onClick={() => show({ kind: 'path' })} />
          </div>
        )}
      </>
    );
  }

  return (
    <div className={styles.learningAdmin}>
      <h2 className={styles.heading}>{words.heading}</h2>
      {view.kind === 'list' && <p className={styles.intro}>{words.intro}</p>}
      {body}
    </div>
  );
}
