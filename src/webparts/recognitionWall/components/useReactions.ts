/**
 * Reacting to a post: shown at once, kept on the device and saved, rolled back (and said so)
 * when saving fails. A tap an earlier page left unconfirmed (the reader left while it was on its
 * way) is sent again when the wall opens; the feed shows it pressed meanwhile.
 */
import * as React from 'react';
import * as strings from 'RecognitionWallWebPartStrings';

import type { ItemId } from '../../../core/models/common';
import type { ReactionKind } from '../../../core/models/recognition';
import type { KeptReactionWriter } from '../../../core/recognition/keptReactions';
import type { ReactionSummary, WallItem } from '../../../core/recognition/ports';
import { toggledReaction, withReaction } from '../../../core/recognition/wallRules';
import { format } from '../../../ui/format';
import { storeErrorText } from '../../../ui/recognition/storeErrorText';
import type { Notify } from './useNotices';
import type { WallFeed } from './useWallFeed';
import { REACTION_NAME } from './RecognitionPost';

export interface ReactionsDeps {
  readonly writer: KeptReactionWriter;
  /** The reactions shown now; undefined while the wall is not loaded. */
  readonly shown: ReadonlyMap<ItemId, ReactionSummary> | undefined;
  readonly feed: Pick<WallFeed, 'showReaction' | 'reload'>;
  readonly notify: Notify;
  /** Says to screen readers that the reaction is saved (the pressed button is what the eye sees). */
  readonly announce: (text: string) => void;
}

/** Returns `react`: the reader tapped a reaction on a post (ignored while one is being saved). */
export function useReactions(deps: ReactionsDeps): (item: WallItem, tapped: ReactionKind) => Promise<void> {
  const { writer, shown, feed, notify, announce } = deps;
  const pending = React.useRef(new Set<ItemId>());

  // What an earlier page left on the device goes out once per wall. Refused for good (the post
  // is gone): the wall loads again to show what SharePoint has, and says so. Failed for now: it
  // stays on the device for the next visit, and the wall says so.
  React.useEffect(() => {
    if (writer.waiting().size === 0) {
      return;
    }
    writer.resend().then(
      (report) => {
        if (report.refused.length > 0) {
          notify({ type: 'error', text: format(strings.ReactionFailed, storeErrorText(report.refused[0].error)) });
          feed.reload();
        }
        if (report.waiting.length > 0) {
          notify({ type: 'warning', text: format(strings.ReactionWaiting, storeErrorText(report.waiting[0].error)) });
        }
      },
      () => undefined // resend reports every failure in its answer
    );
  }, [writer]); // once per wall (the writer is the page's)
  return async (item, tapped) => {
    if (!shown || pending.current.has(item.id)) {
      return;
    }
    const before = shown.get(item.id);
    const kind = toggledReaction(before, tapped);
    pending.current.add(item.id);
    feed.showReaction(item.id, withReaction(before, kind), { kind }); // shown at once
    try {
      await writer.react(item.id, kind);
      announce(kind ? format(strings.ReactedAnnounce, REACTION_NAME[kind]) : format(strings.ReactionRemovedAnnounce, REACTION_NAME[tapped]));
    } catch (error) {
      feed.showReaction(item.id, before ?? { counts: {} }, before?.mine === undefined ? 'unknown' : { kind: before.mine }); // rolled back
      notify({ type: 'error', text: format(strings.ReactionFailed, storeErrorText(error)) });
    } finally {
      pending.current.delete(item.id);
    }
  };
}
