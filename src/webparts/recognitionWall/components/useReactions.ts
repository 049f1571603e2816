/** Reacting to a post: shown at once, saved, rolled back (and said so) when saving fails. */
import * as React from 'react';
import * as strings from 'RecognitionWallWebPartStrings';

import type { ItemId } from '../../../core/models/common';
import type { ReactionKind } from '../../../core/models/recognition';
import type { ReactionSummary, ReactionWriter, WallItem } from '../../../core/recognition/ports';
import { toggledReaction, withReaction } from '../../../core/recognition/wallRules';
import { format } from '../../../ui/format';
import { storeErrorText } from '../../../ui/recognition/storeErrorText';
import type { Notify } from './useNotices';
import type { WallFeed } from './useWallFeed';
import { REACTION_NAME } from './RecognitionPost';

export interface ReactionsDeps {
  readonly writer: ReactionWriter;
  /** The reactions shown now; undefined while the wall is not loaded. */
  readonly shown: ReadonlyMap<ItemId, ReactionSummary> | undefined;
  readonly feed: Pick<WallFeed, 'showReaction'>;
  readonly notify: Notify;
  /** Says to screen readers that the reaction is saved (the pressed button is what the eye sees). */
  readonly announce: (text: string) => void;
}

/** Returns `react`: the reader tapped a reaction on a post (ignored while one is being saved). */
export function useReactions(deps: ReactionsDeps): (item: WallItem, tapped: ReactionKind) => Promise<void> {
  const { writer, shown, feed, notify, announce } = deps;
  const pending = React.useRef(new Set<ItemId>());
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
