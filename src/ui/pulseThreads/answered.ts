/**
 * "HR answered your comment": whether a reply waits for the author of a comment, in words, for the
 * Pulse part (`MyComments`) and the Pulse card (its face and quick view, which cannot host React).
 * Framework-free: the relay says whose word is the last (`answeredBy`); this only words it.
 */
import type { MyCommentBody, MyCommentsBody } from '../../core/pulse/threads/wire';
import { formatCount } from '../format';
import { type ThreadWords, threadWords } from './threadWords';

/** The card's line, e.g. "2 of your comments were answered"; undefined when none waits for them. */
export function answeredLine(body: MyCommentsBody, language: string): string | undefined {
  const answered = body.comments.filter((comment) => comment.answeredBy !== undefined).length;
  return answered > 0 ? formatCount(language, answered, threadWords(language).answeredCount) : undefined;
}

/** "HR answered your comment" or "Your team leader answered your comment"; undefined when the last word is the author's, or nobody's. */
export function answeredHeadline(comment: Pick<MyCommentBody, 'answeredBy'>, words: ThreadWords): string | undefined {
  return comment.answeredBy === 'hr' ? words.answeredByHr : comment.answeredBy === 'leader' ? words.answeredByLeader : undefined;
}
