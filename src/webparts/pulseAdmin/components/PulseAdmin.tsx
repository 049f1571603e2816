import * as React from 'react';
import * as strings from 'PulseAdminWebPartStrings';
import * as shared from 'RecognitionSharedStrings';

import type { Survey } from '../../../core/models/pulse';
import { type PulseAdminStart, type RelayReadiness, type SurveyStep, surveyStepChange } from '../../../core/pulse/adminPorts';
import { format } from '../../../ui/format';
import { Button } from '../../../ui/light/Button';
import { Notice } from '../../../ui/light/Notice';
import { OnDemand, onDemand } from '../../../ui/light/OnDemand';
import { Spinner } from '../../../ui/light/Spinner';
import { useHostTheme } from '../../../ui/host/ThemedPart';
import { useRecoveringLoad } from '../../../ui/recovery/useRecoveringLoad';
import type { IPulseAdminProps } from './IPulseAdminProps';
import type { IQuestionEditorProps } from './QuestionEditor';
import { legibleErrorColour } from './legibleError';
import { failureText } from './pulseText';
import { RelayPanel } from './RelayPanel';
import type { ISurveyEditorProps } from './SurveyEditor';
import { SurveyList } from './SurveyList';
import type { ISurveyPreviewProps } from './SurveyPreview';
import styles from './PulseAdmin.module.scss';

// The first screen is the list; the forms and the preview load when HR first opens them.
const LazySurveyEditor = onDemand<ISurveyEditorProps>(() => import(/* webpackChunkName: 'pulse-survey-editor' */ './SurveyEditor').then((m) => m.SurveyEditor));
const LazyQuestionEditor = onDemand<IQuestionEditorProps>(() =>
  import(/* webpackChunkName: 'pulse-question-editor' */ './QuestionEditor').then((m) => m.QuestionEditor)
);
const LazySurveyPreview = onDemand<ISurveyPreviewProps>(() => import(/* webpackChunkName: 'pulse-survey-preview' */ './SurveyPreview').then((m) => m.SurveyPreview));

type View =
  | { readonly kind: 'list' }
  | { readonly kind: 'survey'; readonly survey?: Survey; readonly mode: 'edit' | 'schedule' }
  | { readonly kind: 'question' }
  | { readonly kind: 'preview'; readonly survey: Survey };

type Message = { readonly type: 'success' | 'error'; readonly text: string };

const STEP_DONE: Record<Exclude<SurveyStep, 'schedule'>, string> = {
  pause: strings.PausedNotice,
  resume: strings.ResumedNotice,
  close: strings.ClosedNotice
};

/** Asks the relay once HR is known to be here, and again on request; undefined while asking. */
function useRelayReadiness(props: IPulseAdminProps, ask: boolean): { readiness: RelayReadiness | undefined; again(): void } {
  const { relay } = props.services;
  const [readiness, setReadiness] = React.useState<RelayReadiness | undefined>(undefined);
  const [asked, setAsked] = React.useState(0);
  React.useEffect(() => {
    if (!ask) {
      return undefined;
    }
    let current = true;
    setReadiness(undefined);
    relay.readiness().then(
      (answer) => current && setReadiness(answer),
      () => current && setReadiness('unreachable')
    );
    return () => {
      current = false;
    };
  }, [relay, ask, asked]);
  return { readiness, again: () => setAsked((n) => n + 1) };
}

/**
 * HR's pulse surveys: the list with each survey's rounds, authoring, the question bank, a preview
 * as an employee, and schedule, pause, resume and close. Surveys, rounds, questions, the plant map
 * and the person's rights are read together (one round trip); people SharePoint does not let
 * change surveys see them read only. Without a working relay it says no answer is collected, why
 * and how to deploy it.
 */
export function PulseAdmin(props: IPulseAdminProps): React.ReactElement {
  const { store, crews } = props.services;
  const { locale } = props;
  // A refused field's reason reads on every section background (the strong one too).
  const hostTheme = useHostTheme();
  const errorColour = React.useMemo(() => legibleErrorColour(hostTheme), [hostTheme]);
  const now = React.useMemo(() => props.now ?? (() => new Date()), [props.now]);
  const read = React.useCallback(() => store.start(), [store]);
  // Loads again by itself while it failed (SharePoint back); "Try again" loads at once.
  const { state, reload } = useRecoveringLoad<PulseAdminStart>(read, 'Loading the pulse surveys');
  const mayChange = state.kind === 'loaded' && state.data.rights.surveys;
  const relay = useRelayReadiness(props, mayChange);
  const [view, setView] = React.useState<View>({ kind: 'list' });
  const [message, setMessage] = React.useState<Message | undefined>(undefined);
  const [confirmingClose, setConfirmingClose] = React.useState<number | undefined>(undefined);
  const [busy, setBusy] = React.useState(false);

  const backToList = (text?: string): void => {
    setView({ kind: 'list' });
    setMessage(text ? { type: 'success', text } : undefined);
    if (text) {
      reload(true);
    }
  };

  const step = async (survey: Survey, which: SurveyStep): Promise<void> => {
    setMessage(undefined);
    if (which === 'schedule') {
      setView({ kind: 'survey', survey, mode: 'schedule' });
      return;
    }
    if (which === 'close' && confirmingClose !== survey.id) {
      setConfirmingClose(survey.id);
      return;
    }
    setConfirmingClose(undefined);
    const change = surveyStepChange(survey, which);
    if (!change) {
      return;
    }
    setBusy(true);
    try {
      await store.updateSurvey(survey.id, change);
      setMessage({ type: 'success', text: format(STEP_DONE[which], survey.title) });
      reload(true);
    } catch (error) {
      setMessage({ type: 'error', text: `${format(strings.StepFailed, survey.title)} ${failureText(error)}` });
    } finally {
      setBusy(false);
    }
  };

  let body: React.ReactNode;
  if (state.kind === 'loading') {
    body = <Spinner label={strings.Loading} />;
  } else if (state.kind === 'failed') {
    body = (
      <>
        <Notice type="error">
          {strings.LoadFailed} {failureText(state.error)}
        </Notice>
        <Button className={styles.action} text={shared.Retry} onClick={() => reload()} />
      </>
    );
  } else if (view.kind === 'survey') {
    body = (
      <OnDemand components={[LazySurveyEditor]} fallback={<Spinner label={shared.Opening} />} failedText={shared.OpenFailed} retryText={shared.Retry}>
        <LazySurveyEditor
          survey={view.survey}
          mode={view.mode}
          questions={state.data.questions}
          rounds={state.data.rounds}
          plantMap={state.data.plantMap}
          store={store}
          crews={crews}
          locale={locale}
          now={now}
          onSaved={(title, scheduled) => backToList(format(scheduled ? strings.ScheduledNotice : strings.SavedNotice, title))}
          onCancel={() => backToList()}
        />
      </OnDemand>
    );
  } else if (view.kind === 'question') {
    body = (
      <OnDemand components={[LazyQuestionEditor]} fallback={<Spinner label={shared.Opening} />} failedText={shared.OpenFailed} retryText={shared.Retry}>
        <LazyQuestionEditor
          questions={state.data.questions}
          store={store}
          locale={locale}
          onAdded={(key) => backToList(format(strings.QuestionAddedNotice, key))}
          onCancel={() => backToList()}
        />
      </OnDemand>
    );
  } else if (view.kind === 'preview') {
    body = (
      <OnDemand components={[LazySurveyPreview]} fallback={<Spinner label={shared.Opening} />} failedText={shared.OpenFailed} retryText={shared.Retry}>
        <LazySurveyPreview survey={view.survey} questions={state.data.questions} locale={locale} onClose={() => backToList()} />
      </OnDemand>
    );
  } else {
    const { surveys, rounds } = state.data;
    body = (
      <>
        {mayChange && relay.readiness !== undefined && relay.readiness !== 'ready' && <RelayPanel readiness={relay.readiness} onCheckAgain={relay.again} />}
        {mayChange ? (
          <div className={styles.actions}>
            <Button
              primary={true}
              className={styles.action}
              iconName="Add"
              text={strings.NewSurvey}
              onClick={() => {
                setMessage(undefined);
                setView({ kind: 'survey', mode: 'edit' });
              }}
              onPointerEnter={LazySurveyEditor.preload}
              onFocus={LazySurveyEditor.preload}
            />
            <Button
              className={styles.action}
              iconName="Add"
              text={strings.AddQuestion}
              onClick={() => {
                setMessage(undefined);
                setView({ kind: 'question' });
              }}
              onPointerEnter={LazyQuestionEditor.preload}
              onFocus={LazyQuestionEditor.preload}
            />
          </div>
        ) : (
          // Offered nothing SharePoint would refuse: the surveys, read only, and why.
          <p className={styles.readOnly} data-testid="read-only">
            {strings.ReadOnly}
          </p>
        )}
        {busy && <Spinner size="small" label={strings.Saving} />}
        <SurveyList
          surveys={surveys}
          rounds={rounds}
          locale={locale}
          now={now()}
          mayChange={mayChange}
          confirmingClose={confirmingClose}
          onEdit={(survey) => {
            setMessage(undefined);
            setView({ kind: 'survey', survey, mode: 'edit' });
          }}
          onPreview={(survey) => setView({ kind: 'preview', survey })}
          onStep={(survey, which) => {
            step(survey, which).catch(() => undefined);
          }}
          onCancelClose={() => setConfirmingClose(undefined)}
        />
      </>
    );
  }
  return (
    <section className={styles.pulseAdmin} style={errorColour ? ({ '--se-error': errorColour } as React.CSSProperties) : undefined}>
      <h2 className={styles.heading}>{strings.Heading}</h2>
      <div aria-live="polite">{message && view.kind === 'list' && <Notice type={message.type} live={false}>{message.text}</Notice>}</div>
      {body}
    </section>
  );
}
