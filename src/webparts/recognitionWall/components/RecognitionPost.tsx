/** One recognition on the wall: who recognised whom, for which value, what they did, reactions. */
import * as React from 'react';
import * as strings from 'RecognitionWallWebPartStrings';

import { REACTION_KINDS, type ReactionKind } from '../../../core/models/recognition';
import type { RecognitionValue } from '../../../core/models/values';
import type { ReactionSummary, WallItem } from '../../../core/recognition/ports';
import { format } from '../../../ui/format';
import { Button } from '../../../ui/light/Button';
import { Icon } from '../../../ui/light/Icon';
import { relativeTime } from '../../../core/recognition/wallRules';
import { valueName } from '../../../core/recognition/values';
import styles from './RecognitionWall.module.scss';

export interface IRecognitionPostProps {
  readonly item: WallItem;
  readonly value: RecognitionValue | undefined;
  readonly reactions: ReactionSummary | undefined;
  readonly showReactions: boolean;
  /** The reader is the one recognised: the post is marked "About you". */
  readonly aboutMe: boolean;
  readonly locale: string;
  readonly now: Date;
  onReact(item: WallItem, kind: ReactionKind): void;
  onReport(item: WallItem): void;
  /** The pointer or focus is on "Report" (the wall may start loading the dialog). */
  onReportIntent?(): void;
}

/** Fluent UI icons (no emoji font needed on shared kiosks): outline, and filled when chosen. */
const REACTION_ICON: Record<ReactionKind, [string, string]> = {
  applause: ['Starburst', 'StarburstSolid'],
  like: ['Like', 'LikeSolid'],
  heart: ['Heart', 'HeartFill'],
  celebrate: ['Balloons', 'Balloons']
};

export const REACTION_NAME: Record<ReactionKind, string> = {
  applause: strings.ReactionApplause,
  like: strings.ReactionLike,
  heart: strings.ReactionHeart,
  celebrate: strings.ReactionCelebrate
};

const MILESTONE_NAME: Readonly<Record<string, string>> = {
  'zero-defect-streak': strings.MilestoneZeroDefect,
  'safety-streak': strings.MilestoneSafety,
  'service-anniversary': strings.MilestoneAnniversary,
  'first-recognition': strings.MilestoneFirst,
  'learning-path': strings.MilestoneLearningPath
};

/** A localised sentence with React nodes in its `{0}`, `{1}` places (word order differs per language). */
export function formatNodes(template: string, ...nodes: React.ReactNode[]): React.ReactNode[] {
  return template.split(/(\{\d+\})/).map((part, index) => {
    const match = /^\{(\d+)\}$/.exec(part);
    return match ? <React.Fragment key={index}>{nodes[Number(match[1])]}</React.Fragment> : part;
  });
}

function kindBadge(item: WallItem): string | undefined {
  if (item.kind === 'milestone') {
    const name = item.milestoneKind ? MILESTONE_NAME[item.milestoneKind] : undefined;
    return name ? `${strings.KindMilestone}: ${name}` : strings.KindMilestone;
  }
  if (item.kind === 'crew') {
    return strings.KindCrew;
  }
  if (item.kind === 'anniversary') {
    return strings.KindAnniversary;
  }
  return undefined;
}

export function RecognitionPost(props: IRecognitionPostProps): React.ReactElement {
  const { item, value, reactions, locale } = props;
  const headingId = `se-recognition-${item.id}`;
  const aboutId = `se-recognition-${item.id}-about`;
  const badge = kindBadge(item);
  const giver = (
    <bdi dir="auto" className={styles.name}>
      {item.giver.displayName}
    </bdi>
  );
  const recipient = (
    <bdi dir="auto" className={styles.name}>
      {item.recipient.displayName}
    </bdi>
  );
  const created = new Date(item.created);
  return (
    // A post about the reader says so in its name too ("… recognised Åsa, About you").
    <article
      className={`${styles.post} ${props.aboutMe ? styles.aboutMe : ''}`}
      aria-labelledby={props.aboutMe ? `${headingId} ${aboutId}` : headingId}
      style={value?.color ? { borderLeftColor: value.color } : undefined}
    >
      <h3 className={styles.postHeading} id={headingId}>
        {/* An anniversary, or a milestone the relay posted (a learning path), is about the person, not about who (or which account) posted it. */}
        {item.kind === 'anniversary' || (item.kind === 'milestone' && !item.giver.displayName) ? recipient : formatNodes(strings.GaveRecognition, giver, recipient)}
      </h3>
      <div className={styles.badges}>
        {props.aboutMe && (
          <span id={aboutId} className={styles.aboutBadge}>
            <Icon iconName="Contact" className={styles.valueIcon} />
            <span>{strings.AboutYou}</span>
          </span>
        )}
        <span className={styles.valueBadge}>
          {/* In the text's colour: a value's own colour can vanish on a section's background (it marks the post's edge). */}
          <Icon iconName={value?.iconName ?? 'Medal'} className={styles.valueIcon} />
          {value ? valueName(value, locale) : item.valueKey}
        </span>
        {badge && <span className={styles.kindBadge}>{badge}</span>}
        {item.visibility !== 'everyone' && (
          <span className={styles.kindBadge}>{item.visibility === 'crew' ? strings.SeenByCrew : strings.SeenPrivately}</span>
        )}
      </div>
      <p className={styles.message} dir="auto">
        {item.message}
      </p>
      {item.impact && (
        <p className={styles.impact}>
          <Icon iconName="Trending12" /> <span className={styles.impactLabel}>{strings.ImpactPrefix}</span>{' '}
          <span dir="auto">{item.impact}</span>
        </p>
      )}
      <p className={styles.meta}>
        <time dateTime={item.created} title={isNaN(created.getTime()) ? undefined : created.toLocaleString(locale)}>
          {relativeTime(item.created, props.now, locale)}
        </time>
      </p>
      <div className={styles.actionsRow}>
        {props.showReactions && (
          <div role="group" aria-label={strings.Reactions} className={styles.reactions}>
            {REACTION_KINDS.map((kind) => {
              const count = reactions?.counts[kind] ?? 0;
              const pressed = reactions?.mine === kind;
              return (
                <button
                  key={kind}
                  type="button"
                  className={`${styles.reaction} ${pressed ? styles.selected : ''}`}
                  aria-pressed={pressed}
                  aria-label={format(strings.ReactionButton, REACTION_NAME[kind], count)}
                  onClick={() => props.onReact(item, kind)}
                >
                  <Icon iconName={REACTION_ICON[kind][pressed ? 1 : 0]} className={styles.reactionIcon} />
                  {/* The name is written, not only in a tooltip; the button's name says it with the count. */}
                  <span aria-hidden={true} className={styles.reactionName}>
                    {REACTION_NAME[kind]}
                  </span>
                  <span aria-hidden={true} className={styles.count}>
                    {count}
                  </span>
                </button>
              );
            })}
          </div>
        )}
        <Button
          className={`${styles.touch} ${styles.report}`}
          iconName="Flag"
          text={strings.Report}
          description={format(strings.ReportDescription, item.recipient.displayName)}
          onClick={() => props.onReport(item)}
          onPointerEnter={props.onReportIntent}
          onFocus={props.onReportIntent}
        />
      </div>
    </article>
  );
}
