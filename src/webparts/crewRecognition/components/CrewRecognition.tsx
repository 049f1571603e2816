import * as React from 'react';
import * as strings from 'CrewRecognitionWebPartStrings';
import * as shared from 'RecognitionSharedStrings';

import { format } from '../../../ui/format';
import { Button } from '../../../ui/light/Button';
import { Notice, type NoticeType } from '../../../ui/light/Notice';
import { OnDemand, onDemand, Opening } from '../../../ui/light/OnDemand';
import { Spinner } from '../../../ui/light/Spinner';
import { useRecoveringLoad } from '../../../ui/recovery/useRecoveringLoad';
import { anniversaryNear, daysSince, isOverdue, sortCrew } from '../../../core/recognition/crew';
import { newRequestId } from '../../../core/requestId';
import type { GiveOutcome, GiveRecognitionDeps } from '../../../ui/recognition/giveRecognition';
import { queuedText, storeErrorSentence } from '../../../ui/recognition/storeErrorText';
import { daysText, yearsText } from './crewText';
import type { ComposerMode, ICrewComposerProps } from './CrewComposer';
import { readCrew } from './crewLoad';
import type { ICrewRecognitionProps } from './ICrewRecognitionProps';
import styles from './CrewRecognition.module.scss';

/** The composer (a dialog with the value picker and text fields) loads when first opened. */
const LazyCrewComposer = onDemand<ICrewComposerProps>(() =>
  import(/* webpackChunkName: 'crew-composer' */ './CrewComposer').then((m) => m.CrewComposer)
);

function sinceText(days: number | undefined, locale: string): string {
  if (days === undefined) {
    return strings.NeverRecognised;
  }
  return days === 0 ? strings.RecognisedToday : format(strings.DaysSince, daysText(locale, days));
}

/** The team leader's crew: who has not been recognised lately, with one-tap recognition. */
export function CrewRecognition(props: ICrewRecognitionProps): React.ReactElement {
  const { directory, store, giver, locale } = props;
  const clock = props.now ?? (() => new Date());
  const now = clock();
  const [composer, setComposer] = React.useState<ComposerMode | undefined>(undefined);
  const [notice, setNotice] = React.useState<{ type: NoticeType; text: string } | undefined>(undefined);
  const feedback = React.useRef<HTMLDivElement>(null);

  // Sent (or kept on the device): the words take the focus where the person is, so they are
  // seen and read out, and the list re-sorting under them carries nobody away.
  React.useEffect(() => {
    const region = feedback.current;
    if (notice && region) {
      region.focus({ preventScroll: true });
      // (Not in every DOM: jsdom has none.)
      if (typeof region.scrollIntoView === 'function') {
        region.scrollIntoView({ block: 'nearest' });
      }
    }
  }, [notice]);

  const read = React.useCallback(() => readCrew(directory, store), [directory, store]);
  // Loads again by itself while it failed (the directory or SharePoint back); "Try again" at once.
  const { state: phase, reload, update } = useRecoveringLoad(read, 'Loading your crew');

  React.useEffect(() => {
    // Whatever waits in this device's outbox goes out now (a lost connection earlier).
    giver.flush().catch(() => undefined);
  }, [giver]);

  const heading = <h2 className={styles.heading}>{strings.Heading}</h2>;
  if (phase.kind === 'loading') {
    return (
      <section className={styles.crewRecognition}>
        {heading}
        <Spinner label={strings.Loading} />
      </section>
    );
  }
  if (phase.kind === 'failed') {
    return (
      <section className={styles.crewRecognition}>
        {heading}
        <Notice type="error">
          {strings.LoadFailed} {storeErrorSentence(phase.error)}
        </Notice>
        <Button className={styles.action} text={shared.Retry} onClick={() => reload()} />
      </section>
    );
  }

  const { data } = phase;
  const crew = sortCrew(data.crew, now);
  const reachable = crew.filter((entry) => entry.recipient !== undefined);
  const giveDeps = (): GiveRecognitionDeps => ({
    giver,
    values: data.values,
    giverId: data.giverId,
    giverName: props.giverName,
    siteCode: props.siteCode,
    locale,
    requestId: (props.requestId ?? newRequestId)()
  });
  const onDone = (outcome: Extract<GiveOutcome, { kind: 'sent' | 'queued' }>): void => {
    setComposer(undefined);
    if (outcome.kind === 'sent') {
      const { recipients, unnotified: untold } = outcome;
      const names = recipients.map((r) => r.displayName).join(', ');
      setNotice(
        untold.length > 0
          ? { type: 'warning', text: `${format(strings.ResultSent, names)} ${format(shared.Unnotified, untold.join(', '))}` }
          : { type: 'success', text: format(strings.ResultSent, names) }
      );
      // The people just recognised move down the list at once.
      const at = clock().toISOString();
      const ids = new Set(recipients.map((r) => r.siteUserId));
      update((loaded) => ({
        ...loaded,
        crew: loaded.crew.map((e) => (e.recipient && ids.has(e.recipient.siteUserId) ? { ...e, lastRecognised: at } : e))
      }));
    } else {
      setNotice({ type: 'warning', text: queuedText(outcome.code, strings.ResultQueued) });
    }
  };

  const anniversaries = crew
    .map((entry) => ({ entry, anniversary: anniversaryNear(entry.profile.hireDate, now, 7) }))
    .filter((a) => a.anniversary !== undefined);
  const unknownHire = crew.filter((entry) => !entry.profile.hireDate);

  return (
    <section className={styles.crewRecognition}>
      {heading}
      <p className={styles.intro}>{format(strings.Intro, daysText(locale, props.thresholdDays))}</p>
      <div ref={feedback} className={styles.feedback} aria-live="polite" tabIndex={-1}>
        {notice && <Notice type={notice.type}>{notice.text}</Notice>}
      </div>
      {data.values.length === 0 && <Notice type="warning">{strings.ErrorNoValues}</Notice>}
      {crew.length === 0 ? (
        <p>{strings.NoCrew}</p>
      ) : (
        <>
          <div className={styles.toolbar}>
            <Button
              className={styles.action}
              iconName="Trophy2"
              text={strings.MilestoneButton}
              disabled={reachable.length === 0 || data.values.length === 0}
              onClick={() => setComposer({ kind: 'milestone' })}
              onPointerEnter={LazyCrewComposer.preload}
            />
          </div>
          <ul className={styles.list} aria-label={strings.CrewListLabel}>
            {crew.map((entry) => {
              const days = daysSince(entry.lastRecognised, now);
              const overdue = isOverdue(entry, now, props.thresholdDays);
              return (
                <li key={entry.profile.id} className={`${styles.person} ${overdue ? styles.overdue : ''}`} data-testid="crew-member">
                  <div className={styles.who}>
                    <span className={styles.name}>{entry.profile.displayName}</span>
                    <span className={styles.since}>
                      {sinceText(days, locale)}
                      {overdue && <span className={styles.badge}>{strings.OverdueBadge}</span>}
                    </span>
                  </div>
                  {entry.recipient ? (
                    <Button
                      primary={true}
                      className={styles.action}
                      text={strings.RecogniseButton}
                      aria-label={format(strings.RecogniseButtonLabel, entry.profile.displayName)}
                      disabled={data.values.length === 0}
                      onClick={() => setComposer({ kind: 'recognise', person: entry })}
                      onPointerEnter={LazyCrewComposer.preload}
                      onFocus={LazyCrewComposer.preload}
                    />
                  ) : (
                    <span className={styles.since}>{strings.NotOnSite}</span>
                  )}
                </li>
              );
            })}
          </ul>
          {props.showAnniversaries && (
            <div className={styles.anniversaries}>
              <h3 className={styles.subheading}>{strings.AnniversariesHeading}</h3>
              {anniversaries.length === 0 && <p>{strings.AnniversaryNone}</p>}
              {anniversaries.length > 0 && (
                <ul className={styles.list}>
                  {anniversaries.map(({ entry, anniversary }) => {
                    const a = anniversary!; // filtered above
                    const when =
                      a.offsetDays === 0
                        ? format(strings.AnniversaryToday, yearsText(locale, a.years))
                        : a.offsetDays > 0
                          ? format(strings.AnniversaryIn, yearsText(locale, a.years), daysText(locale, a.offsetDays))
                          : format(strings.AnniversaryAgo, yearsText(locale, a.years), daysText(locale, -a.offsetDays));
                    return (
                      <li key={entry.profile.id} className={styles.person} data-testid="anniversary">
                        <div className={styles.who}>
                          <span className={styles.name}>{entry.profile.displayName}</span>
                          <span className={styles.since}>{when}</span>
                        </div>
                        {entry.recipient && (
                          <Button
                            className={styles.action}
                            text={strings.CongratulateButton}
                            aria-label={format(strings.CongratulateLabel, entry.profile.displayName)}
                            disabled={data.values.length === 0}
                            onClick={() => setComposer({ kind: 'anniversary', person: entry, years: a.years })}
                            onPointerEnter={LazyCrewComposer.preload}
                          />
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
              {unknownHire.length > 0 && (
                <p className={styles.since}>{format(strings.AnniversaryUnknown, unknownHire.map((e) => e.profile.displayName).join(', '))}</p>
              )}
            </div>
          )}
        </>
      )}
      {composer && (
        <OnDemand
          components={[LazyCrewComposer]}
          fallback={<Opening label={shared.Opening} />}
          failedText={shared.OpenFailed}
          retryText={shared.Retry}
        >
          <LazyCrewComposer
            mode={composer}
            crew={reachable}
            values={data.values}
            locale={locale}
            giveDeps={giveDeps}
            onDone={onDone}
            onCancel={() => setComposer(undefined)}
          />
        </OnDemand>
      )}
    </section>
  );
}
