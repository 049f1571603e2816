/**
 * One of the five faces of a 5-point question (1 = strongly disagree … 5 = strongly agree), drawn
 * by hand as strokes: a shop-floor kiosk or thin client with only DejaVu fonts has no emoji font,
 * and 🙁 / 🙂 showed there as empty boxes. Drawn in `currentColor`, so a face follows the text of
 * its button on every theme and section background, chosen or not, and in forced-colors mode.
 * Decoration only: the word next to it (and the radio's name) says the answer.
 *
 * 28 × 28 at 1:1 with its view box, the circle's 2 px stroke on whole pixels (crisp at 1x and 2x).
 */
import * as React from 'react';

/** The mouth of each score, from a deep frown to a wide grin (quadratic curves, eyes at y 11). */
const MOUTHS = ['M9 20.5Q14 14.5 19 20.5', 'M9.5 19.5Q14 16.5 18.5 19.5', 'M9.5 18H18.5', 'M9.5 17Q14 20.5 18.5 17', 'M8.5 16Q14 23.5 19.5 16Z'];

export interface IFaceProps {
  /** 1–5, as the answer is kept. */
  readonly score: number;
  readonly className?: string;
}

export function Face(props: IFaceProps): React.ReactElement {
  const index = Math.min(Math.max(Math.round(props.score), 1), MOUTHS.length) - 1;
  return (
    <svg className={props.className} width={28} height={28} viewBox="0 0 28 28" aria-hidden={true} focusable={false} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <circle cx={14} cy={14} r={12} />
      <circle cx={10} cy={11} r={1.75} fill="currentColor" stroke="none" />
      <circle cx={18} cy={11} r={1.75} fill="currentColor" stroke="none" />
      {/* The widest grin is filled, so 5 stays apart from 4 at a glance. */}
      <path d={MOUTHS[index]} fill={index === MOUTHS.length - 1 ? 'currentColor' : 'none'} />
    </svg>
  );
}
