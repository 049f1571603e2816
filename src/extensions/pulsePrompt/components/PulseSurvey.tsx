/**
 * The on-shift prompt's survey screens, in their own chunk (`pulse-survey`): React and the
 * answering part's panel, loaded when "Answer now" is pressed (or hovered, or focused). The
 * frame around them (the dialog, Close, Escape) is the line's own (`PulsePromptLine.ts`).
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';

import { ThemedPart } from '../../../ui/host/ThemedPart';
import type { HostTheme } from '../../../ui/host/hostTheme';
import { type IPulsePanelProps, PulsePanel } from '../../../ui/pulse/PulsePanel';

export interface IPulseSurveyProps extends Required<Pick<IPulsePanelProps, 'answers' | 'locale' | 'timeZone' | 'roundId' | 'onAllAnswered'>> {
  readonly theme: HostTheme | undefined;
}

/** Renders the survey of `props.roundId` into `container`; returns how to take it down. */
export function renderSurvey(container: HTMLElement, props: IPulseSurveyProps): () => void {
  const { theme, ...panel } = props;
  ReactDom.render(
    <ThemedPart theme={theme}>
      <PulsePanel {...panel} />
    </ThemedPart>,
    container
  );
  return () => {
    ReactDom.unmountComponentAtNode(container);
  };
}
