/**
 * Comments: shown per org group (the plant, a site, a line, a crew) with at least the round's
 * comment minimum (10) respondents, shuffled, as text with its question only (no author tag, no
 * token, no time), and the opaque id of its thread when the relay gives one. Comments are never listed by shift pattern, employment type or tenure band, or
 * by two filters.
 *
 * A comment cannot be added up like a score, but it can be looked for: a comment in the line's
 * list and in no crew's list was written by someone in the line outside the shown crews. So the
 * lists are checked as sets: respondents are grouped by which shown lists would hold their
 * comment, and every such group must hold at least the comment minimum. While one does not, a
 * list is withheld (a sibling inside the smallest list holding the group, so the group merges with
 * it; else that list) and the check runs again.
 */
import { atomKey, CellKey, ORG_DIMENSIONS, parseCellKey, PLANT, respondentOf } from './cells';
import { CellSet, contains, countOf } from './cellSet';
import { CommentEntry, shuffled } from '../ballot';
import type { CrewPatterns, WithheldReason } from './types';

/** The org cells (plant, site, line, crew) of a round. */
export function orgCells(set: CellSet): CellKey[] {
  const cells: CellKey[] = [];
  set.atomsOfCell.forEach((_, cell) => {
    const filters = parseCellKey(cell);
    if (cell === PLANT || (filters && filters.length === 1 && ORG_DIMENSIONS.indexOf(filters[0].dimension) >= 0)) {
      cells.push(cell);
    }
  });
  return cells;
}

/** Respondents grouped by the shown lists that hold them: signature → atoms. */
function authorClasses(set: CellSet, shown: readonly CellKey[]): Map<string, string[]> {
  const classes = new Map<string, string[]>();
  set.cellsOfAtom.forEach((cells, atom) => {
    const signature = shown.filter((cell) => cells.indexOf(cell) >= 0).join('&&');
    const list = classes.get(signature);
    if (list) {
      list.push(atom);
    } else {
      classes.set(signature, [atom]);
    }
  });
  return classes;
}

export interface CommentRelease {
  readonly shown: readonly CellKey[];
  readonly withheld: ReadonlyMap<CellKey, WithheldReason>;
}

/** Which org groups' comment lists may be shown. */
export function commentListsShown(set: CellSet, minimum: number): CommentRelease {
  const withheld = new Map<CellKey, WithheldReason>();
  const counts = new Map<CellKey, number>();
  const shown: CellKey[] = [];
  orgCells(set).forEach((cell) => {
    const count = countOf(set, cell);
    counts.set(cell, count);
    if (count >= minimum) {
      shown.push(cell);
    } else {
      withheld.set(cell, 'tooFew');
    }
  });
  const bySize = (a: CellKey, b: CellKey): number => (counts.get(a) ?? 0) - (counts.get(b) ?? 0) || (a < b ? -1 : 1);
  for (;;) {
    let small: string | undefined;
    authorClasses(set, shown).forEach((atoms, signature) => {
      const weight = atoms.reduce((total, atom) => total + (set.weights.get(atom) ?? 0), 0);
      if (small === undefined && signature !== '' && weight < minimum) {
        small = signature;
      }
    });
    if (small === undefined) {
      return { shown, withheld };
    }
    const holding = small.split('&&').sort(bySize);
    const finest = holding[0];
    const siblings = shown.filter((cell) => cell !== finest && holding.indexOf(cell) < 0 && contains(set, finest, cell)).sort(bySize);
    const pick = siblings.length > 0 ? siblings[0] : finest;
    shown.splice(shown.indexOf(pick), 1);
    withheld.set(pick, 'protectsAnother');
  }
}

export interface ShownComment {
  readonly questionKey: string;
  readonly text: string;
  /**
   * The comment's thread, for replies (docs/pulse-results.md "Comment threads"): an opaque id the
   * relay makes from the comment's token with a key only it holds, so it names the comment and
   * nothing else (not its author: two comments of one person have unrelated ids). Absent when the
   * caller of the release gave no `threadIdOf`.
   */
  readonly threadId?: string;
}

/** The opaque thread id of a comment (the relay's; see {@link ShownComment.threadId}). */
export type ThreadIdOf = (comment: CommentEntry) => string;

/** The round's comments by the atom of their group. */
export function commentsByAtom(comments: readonly CommentEntry[], crewPatterns: CrewPatterns | undefined, threadIdOf?: ThreadIdOf): Map<string, ShownComment[]> {
  const byAtom = new Map<string, ShownComment[]>();
  comments.forEach((comment) => {
    const atom = atomKey(respondentOf(comment.groups, crewPatterns));
    const shown: ShownComment = threadIdOf ? { questionKey: comment.questionKey, text: comment.text, threadId: threadIdOf(comment) } : { questionKey: comment.questionKey, text: comment.text };
    const list = byAtom.get(atom);
    if (list) {
      list.push(shown);
    } else {
      byAtom.set(atom, [shown]);
    }
  });
  return byAtom;
}

/** The comments of a shown list: those whose group lies in it, shuffled, text and question only. */
export function commentsIn(set: CellSet, cell: CellKey, byAtom: Map<string, ShownComment[]>, random: () => number): ShownComment[] {
  const out: ShownComment[] = [];
  (set.atomsOfCell.get(cell) ?? []).forEach((atom) => (byAtom.get(atom) ?? []).forEach((comment) => out.push(comment)));
  return shuffled(out, random);
}
