/**
 * A small line at the top of every intranet page, only while the person is on a paid shift and a
 * pulse round is open and unanswered for them: "Answer now" opens the survey over the page, "Not
 * now" hides it for that round on this device. It stays silent otherwise, also when the roster or
 * the relay cannot be reached (a prompt is no place for an outage notice), and looks again every
 * few minutes, so a shift that starts while the page is open brings it, and an outage that ends
 * lets it show without a reload.
 *
 * Plain DOM, no React or Fluent UI: every page loads it. The survey's screens (React, the
 * answering part's panel and services) come in their own chunk when "Answer now" is pressed (or
 * hovered, or focused); the frame around them (a dialog over the page, Close, Escape) is here, so
 * it shows at once.
 */
import { format, formatCount } from '../../../ui/format';
import { hostThemeVariables, type HostTheme } from '../../../ui/host/hostTheme';
import { minutesToAnswer } from '../../../core/pulse/answering';
import { NOTHING_TO_PROMPT_FOR_MS, promptRound, type PromptOffer, type PromptSources } from '../../../core/pulse/promptNow';
import { promptWords } from './promptWords';
import styles from './PulsePromptLine.module.scss';
import type { IPulseSurveyProps } from './PulseSurvey';

/** How often the prompt looks again (a shift starting, an answer made elsewhere, an outage over). */
export const PROMPT_RECHECK_MS = 5 * 60 * 1000;

/** What the line needs of its host (SharePoint's customizer, the workbench). */
export interface PromptHost {
  /** UI language, lower case (`en-us`, `nl-nl`, `sv-se`). */
  readonly locale: string;
  readonly theme: HostTheme | undefined;
  /** IANA zone times are shown in (the device's). */
  readonly timeZone: string;
  readonly sources: PromptSources<PromptOffer> & { dismiss(roundId: number): void };
  /** The answering services the survey needs (built on demand: they bring PnPjs and the relay client). */
  readonly answers: () => Promise<IPulseSurveyProps['answers']>;
}

export interface PromptLineHandle {
  /** The host changed (a theme, a language): the line follows without losing what it shows. */
  update(host: PromptHost): void;
  dispose(): void;
}

type SurveyModule = typeof import('./PulseSurvey');

let surveyModule: Promise<SurveyModule> | undefined;

/** The survey's chunk, loaded once (a failed load is tried again on the next ask). */
function loadSurvey(): Promise<SurveyModule> {
  if (!surveyModule) {
    surveyModule = import(/* webpackChunkName: 'pulse-survey' */ './PulseSurvey');
    surveyModule.catch(() => (surveyModule = undefined));
  }
  return surveyModule;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  created.className = className;
  if (text !== undefined) {
    created.textContent = text;
  }
  return created;
}

function button(text: string, primary: boolean, onClick: () => void): HTMLButtonElement {
  const created = element('button', primary ? `${styles.button} ${styles.primary}` : styles.button, text);
  created.type = 'button';
  created.addEventListener('click', onClick);
  return created;
}

/** Shows the prompt in `container` and keeps it current until disposed. */
export function mountPromptLine(container: HTMLElement, first: PromptHost, recheckMs: number = PROMPT_RECHECK_MS): PromptLineHandle {
  let host = first;
  let round: PromptOffer | undefined;
  let answerButton: HTMLButtonElement | undefined;
  /** The open survey: its backdrop and how to take its screens down. */
  let survey: { readonly backdrop: HTMLElement; unmount?: () => void } | undefined;
  let disposed = false;
  /** Counts the looks; "Not now" starts a new count, so a look already under way then shows nothing. */
  let looks = 0;

  const root = element('div', styles.part);
  // "Still looking" and "looked" for whoever measures the page (nothing to show is an answer too).
  root.setAttribute('data-busy', 'true');
  root.setAttribute('data-settled', 'false');
  container.appendChild(root);

  const applyTheme = (): void => {
    root.removeAttribute('style');
    const variables = hostThemeVariables(host.theme);
    Object.keys(variables).forEach((name) => root.style.setProperty(name, variables[name]));
  };

  /** What the line shows now: a check that finds the same leaves it (and the focus in it) as it is. */
  let shownKey = '';

  const render = (): void => {
    if (survey) {
      return; // never swap the survey under the person's fingers
    }
    const key = round ? JSON.stringify([host.locale, round.roundId, round.title, minutesToAnswer(round), round.questions.length]) : '';
    if (key === shownKey) {
      return;
    }
    shownKey = key;
    root.textContent = '';
    answerButton = undefined;
    if (!round) {
      return;
    }
    const shown = round;
    const words = promptWords(host.locale);
    const bar = element('div', styles.bar);
    bar.setAttribute('role', 'region');
    bar.setAttribute('aria-label', shown.title);
    bar.lang = host.locale;
    bar.appendChild(element('p', styles.text, format(words.promptText, minutesToAnswer(shown), formatCount(host.locale, shown.questions.length, words.questionCount))));
    const actions = element('div', styles.actions);
    answerButton = button(words.promptAnswer, true, () => openSurvey(shown));
    const preload = (): void => {
      loadSurvey().catch(() => undefined);
    };
    answerButton.addEventListener('mouseenter', preload);
    answerButton.addEventListener('focus', preload);
    actions.appendChild(answerButton);
    actions.appendChild(
      button(words.promptLater, false, () => {
        host.sources.dismiss(shown.roundId);
        // "Not now" is not now for any survey: the tab asks nothing for a quarter of an hour (another
        // open round is offered after that), and a look already under way shows nothing.
        host.sources.memo?.write(host.sources.now().getTime() + NOTHING_TO_PROMPT_FOR_MS);
        looks += 1;
        round = undefined;
        render();
      })
    );
    bar.appendChild(actions);
    root.appendChild(bar);
  };

  const check = (): void => {
    if (survey || disposed) {
      return;
    }
    const look = (looks += 1);
    const settle = (found: PromptOffer | undefined): void => {
      if (disposed || survey || look !== looks) {
        return;
      }
      round = found;
      root.setAttribute('data-busy', 'false');
      root.setAttribute('data-settled', 'true');
      render();
    };
    promptRound(host.sources).then(settle, () => settle(undefined));
  };

  const closeSurvey = (): void => {
    if (!survey) {
      return;
    }
    survey.unmount?.();
    survey.backdrop.parentNode?.removeChild(survey.backdrop);
    survey = undefined;
    // The prompt goes once the round is answered: read again now the survey is closed.
    check();
    setTimeout(() => answerButton?.focus(), 0);
  };

  /** The survey over the page: the frame at once, its screens when their chunk and services are in. */
  function openSurvey(shown: PromptOffer): void {
    const words = promptWords(host.locale);
    const backdrop = element('div', styles.backdrop);
    const dialog = element('div', styles.dialog);
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-label', shown.title);
    dialog.lang = host.locale;
    dialog.tabIndex = -1;
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        closeSurvey();
      }
    });
    const top = element('div', styles.dialogTop);
    top.appendChild(button(words.close, false, closeSurvey));
    const body = element('div', '');
    dialog.appendChild(top);
    dialog.appendChild(body);
    backdrop.appendChild(dialog);
    const opened: { readonly backdrop: HTMLElement; unmount?: () => void } = { backdrop };
    survey = opened;
    (answerButton?.parentNode?.parentNode ?? root).appendChild(backdrop);
    dialog.focus();

    const load = (): void => {
      body.textContent = '';
      const status = element('p', styles.status, words.loading);
      status.setAttribute('role', 'status');
      body.appendChild(status);
      Promise.all([loadSurvey(), host.answers()]).then(
        ([module, answers]) => {
          if (survey === opened) {
            body.textContent = '';
            opened.unmount = module.renderSurvey(body, { answers, locale: host.locale, timeZone: host.timeZone, roundId: shown.roundId, theme: host.theme, onAllAnswered: closeSurvey });
          }
        },
        () => {
          if (survey === opened) {
            body.textContent = '';
            const failed = element('p', styles.status, words.network);
            failed.setAttribute('role', 'alert');
            body.appendChild(failed);
            body.appendChild(button(words.tryAgain, true, load));
          }
        }
      );
    };
    load();
  }

  applyTheme();
  check();
  const timer = setInterval(check, recheckMs);
  window.addEventListener('online', check);

  return {
    update: (next) => {
      host = next;
      applyTheme();
      render();
    },
    dispose: () => {
      disposed = true;
      clearInterval(timer);
      window.removeEventListener('online', check);
      survey?.unmount?.();
      survey = undefined;
      // The page may have emptied the container already.
      root.parentNode?.removeChild(root);
    }
  };
}
