/**
 * The on-shift prompt's decision on the page: the roster first (nothing is asked of the relay
 * while the person is not on a paid shift, on leave or in their first and last minutes), then the
 * rounds the relay says are open and unanswered for them, less the ones they dismissed on this
 * device. It is `prompt.ts`'s rule (`roundToPrompt`) for what the page knows: the relay has
 * checked the audience and who answered, and the roster rule above found the shift that stands
 * for now; left are a round's times, "answered", "dismissed" and "the one that closes first".
 * Written out here rather than through `roundToPrompt`, which brings the audience and schedule
 * rules along: this runs on every page, inside the prompt's first-render budget.
 */
import type { PromptDecision } from '../roster/rules';
import type { PulseOpenRound } from './answering';

/** How long a check that found nothing to prompt for is taken as the answer, on this tab. */
export const NOTHING_TO_PROMPT_FOR_MS = 15 * 60 * 1000;

/** Where the tab keeps "nothing to prompt for until …" (the session's storage). */
export interface PromptMemo {
  read(): number | undefined;
  write(until: number): void;
}

/** What the prompt reads of an open round (an open round as the survey reads it has all of it). */
export type PromptOffer = Pick<PulseOpenRound, 'roundId' | 'title' | 'opensAt' | 'closesAt' | 'questions' | 'answered'>;

export interface PromptSources<TRound extends PromptOffer = PulseOpenRound> {
  /** The person's roster rule now (`RosterService.mayPromptNow`, or the prompt's own check, `promptCheck.ts`). */
  readonly mayPromptNow: () => Promise<PromptDecision>;
  /** The open rounds asked of the person (`GET /api/pulse/open`), those with an answer waiting on the device as answered. */
  readonly openRounds: () => Promise<TRound[]>;
  readonly dismissedRoundIds: () => number[];
  readonly now: () => Date;
  /**
   * Keeps a check that found nothing for {@link NOTHING_TO_PROMPT_FOR_MS}: the next pages of the
   * session ask neither the roster nor the relay until then (a shift starting meanwhile prompts
   * at most that much later).
   */
  readonly memo?: PromptMemo;
}

/** The round to prompt for now, or undefined (not on shift, nothing open, all answered or dismissed). */
export async function promptRound<TRound extends PromptOffer>(sources: PromptSources<TRound>): Promise<TRound | undefined> {
  const quietUntil = sources.memo?.read();
  if (quietUntil !== undefined && sources.now().getTime() < quietUntil) {
    return undefined;
  }
  const nothing = (): undefined => {
    sources.memo?.write(sources.now().getTime() + NOTHING_TO_PROMPT_FOR_MS);
    return undefined;
  };
  const roster = await sources.mayPromptNow();
  if (!roster.allowed) {
    return nothing();
  }
  const rounds = await sources.openRounds();
  const now = sources.now().getTime();
  const dismissed = sources.dismissedRoundIds();
  const round = rounds
    // Open by its times (the relay's timer may not have closed it yet), asked, not answered, not dismissed here.
    .filter((r) => r.questions.length > 0 && !r.answered && dismissed.indexOf(r.roundId) < 0 && Date.parse(r.opensAt) <= now && now < Date.parse(r.closesAt))
    // One prompt at a time: the round that closes first.
    .sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt) || a.roundId - b.roundId)[0];
  return round ?? nothing();
}
