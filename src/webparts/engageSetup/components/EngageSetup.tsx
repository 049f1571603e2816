import * as React from 'react';
import * as strings from 'EngageSetupWebPartStrings';

import { LOAD_DEADLINE_MS, withDeadline } from '../../../core/recovery';
import type { ListCheckStatus, ListSecurityReason } from '../../../core/setup/listSecurity';
import { summarise } from '../../../core/setup/listSecurity';
import type { SecureResult, SetupErrorCode, SetupOverview } from '../../../core/setup/setupService';
import { toSetupErrorCode } from '../../../core/setup/setupService';
import { format, formatCount, pluralForm } from '../../../ui/format';
import { Button } from '../../../ui/light/Button';
import { Notice } from '../../../ui/light/Notice';
import { Spinner } from '../../../ui/light/Spinner';
import { type StoreErrorOverrides, storeErrorSentence, storeErrorText } from '../../../ui/recognition/storeErrorText';
import { useAutoRetry } from '../../../ui/recovery/useAutoRetry';
import type { IEngageSetupProps } from './IEngageSetupProps';
import styles from './EngageSetup.module.scss';

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; error: SetupErrorCode }
  | ({ kind: 'loaded' } & SetupOverview)
  | ({ kind: 'applying' } & SetupOverview);

const STATUS_TEXT: Record<ListCheckStatus, string> = {
  ok: strings.StatusOk,
  missing: strings.StatusMissing,
  needsSecurity: strings.StatusNeedsSecurity
};

const REASON_TEXT: Record<ListSecurityReason, string> = {
  configuredByHr: strings.ReasonConfiguredByHr,
  ownItemsOnly: strings.ReasonOwnItemsOnly,
  privateToPerson: strings.ReasonPrivateToPerson,
  relayWritesAnswers: strings.ReasonRelayWritesAnswers,
  relayWritesLearning: strings.ReasonRelayWritesLearning,
  relayWritesPosts: strings.ReasonRelayWritesPosts,
  sharedWithCrew: strings.ReasonSharedWithCrew
};

/**
 * Setup's failures in the words every part uses for the same code (`storeErrorText`), with one
 * override: here SharePoint refusing means the person may not manage the site's lists.
 */
const OVERRIDES: StoreErrorOverrides = { accessDenied: strings.ErrorAccessDenied };

/** What needs doing, one counted sentence each: "1 list needs access settings. 2 lists are missing." */
function attentionText(summary: { needsSecurity: number; missing: number }, locale: string): string {
  const sentences: string[] = [];
  if (summary.needsSecurity > 0) {
    sentences.push(formatCount(locale, summary.needsSecurity, { one: strings.NeedsAttentionOne, other: strings.NeedsAttention }));
  }
  if (summary.missing > 0) {
    sentences.push(formatCount(locale, summary.missing, { one: strings.ListsMissingOne, other: strings.ListsMissing }));
  }
  return sentences.join(' ');
}

/** The lists that could not be changed, one sentence per reason: "The list SE_Values could not be changed: …". */
function applyFailedText(failed: readonly SecureResult[], locale: string): string {
  const byCode: Array<{ code: SetupErrorCode; titles: string[] }> = [];
  for (const result of failed) {
    const code = result.error ?? 'unexpected';
    const group = byCode.find((g) => g.code === code);
    if (group) {
      group.titles.push(result.title);
    } else {
      byCode.push({ code, titles: [result.title] });
    }
  }
  return byCode
    .map(({ code, titles }) =>
      format(pluralForm(locale, titles.length, { one: strings.ApplyFailedOne, other: strings.ApplyFailed }), titles.join(', '), storeErrorText(code, OVERRIDES))
    )
    .join(' ');
}

function accessText(level: number): string {
  if (level === 2) {
    return strings.AccessOwnItems;
  }
  if (level === 4) {
    return strings.AccessNobody;
  }
  return strings.AccessAllItems;
}

/**
 * Site admin view: are the product's lists there, and protected the way the product needs? The
 * apply action is offered to people who can manage the site's lists; others are told who can.
 */
export function EngageSetup(props: IEngageSetupProps): React.ReactElement {
  const { setup, showReadyLists, locale } = props;
  const [phase, setPhase] = React.useState<Phase>({ kind: 'loading' });
  const [results, setResults] = React.useState<SecureResult[] | undefined>(undefined);

  /** Counts loads: only the latest one's answer shows (none after unmounting). */
  const loads = React.useRef(0);
  /** `quiet`: the error stays up while this try runs (a try the part makes by itself). */
  const load = React.useCallback(
    async (quiet: boolean = false): Promise<void> => {
      const run = ++loads.current;
      if (!quiet) {
        setPhase({ kind: 'loading' });
      }
      try {
        const overview = await withDeadline(setup.check(), LOAD_DEADLINE_MS, 'Checking the lists');
        if (run === loads.current) {
          setPhase({ kind: 'loaded', ...overview });
        }
      } catch (error) {
        if (run === loads.current) {
          setPhase({ kind: 'failed', error: toSetupErrorCode(error) });
        }
      }
    },
    [setup]
  );

  React.useEffect(() => {
    load().catch(() => undefined); // load() handles its own errors
    return () => {
      loads.current += 1;
    };
  }, [load]);

  // While the lists could not be checked, the part checks again by itself (SharePoint back).
  useAutoRetry(phase.kind === 'failed' ? phase : undefined, () => {
    void load(true);
  });

  const apply = async (overview: SetupOverview): Promise<void> => {
    setResults(undefined);
    setPhase({ ...overview, kind: 'applying' });
    try {
      setResults(await setup.secure(overview.checks));
      await load();
    } catch (error) {
      setPhase({ kind: 'failed', error: toSetupErrorCode(error) });
    }
  };

  if (phase.kind === 'loading') {
    return (
      <section className={styles.engageSetup}>
        <h2 className={styles.heading}>{strings.Heading}</h2>
        <Spinner label={strings.Loading} />
      </section>
    );
  }

  if (phase.kind === 'failed') {
    return (
      <section className={styles.engageSetup}>
        <h2 className={styles.heading}>{strings.Heading}</h2>
        <Notice type="error">
          {strings.LoadFailed} {storeErrorSentence(phase.error, OVERRIDES)}
        </Notice>
        <div className={styles.actions}>
          <Button
            className={styles.action}
            text={strings.Retry}
            onClick={() => {
              void load();
            }}
          />
        </div>
      </section>
    );
  }

  const { checks, canManageLists, canOverrideListBehaviors } = phase;
  const summary = summarise(checks);
  const shown = showReadyLists ? checks : checks.filter((c) => c.status !== 'ok');
  const failed = (results ?? []).filter((r) => !r.ok);

  return (
    <section className={styles.engageSetup}>
      <h2 className={styles.heading}>{strings.Heading}</h2>
      <p>{strings.Intro}</p>

      {/* Each message bar is a live status region of its own. */}
      <div className={styles.section}>
        {summary.ready ? (
          <Notice type="success">{strings.AllReady}</Notice>
        ) : (
          <Notice type="warning">{attentionText(summary, locale)}</Notice>
        )}
        {results && failed.length === 0 && results.length > 0 && <Notice type="success">{strings.ApplyDone}</Notice>}
        {failed.length > 0 && <Notice type="error">{applyFailedText(failed, locale)}</Notice>}
      </div>

      {summary.missing > 0 && <p>{strings.MissingHelp}</p>}

      {/* SharePoint lets only people with Manage Lists change list settings: others are told who can. */}
      {summary.needsSecurity > 0 && canManageLists === false && (
        <div className={styles.section}>
          <Notice type="info">{strings.ApplyNeedsManageLists}</Notice>
        </div>
      )}

      {summary.needsSecurity > 0 && canManageLists !== false && (
        <div className={styles.actions}>
          {phase.kind === 'applying' ? (
            <Spinner label={strings.Applying} />
          ) : (
            <Button
              primary={true}
              className={styles.action}
              text={strings.ApplyButton}
              onClick={() => {
                void apply(phase);
              }}
            />
          )}
        </div>
      )}

      {/* HR's moderation queue reads every report in an own-items-only list: only Override List Behaviors exempts. */}
      {canOverrideListBehaviors === false && (
        <div className={styles.section}>
          <Notice type="warning">{strings.NoOverrideListBehaviors}</Notice>
        </div>
      )}

      {shown.length > 0 && (
        // Six columns where they fit, one card per list where they do not (no sideways scroll).
        // Explicit roles: a reflowed table stays a table to assistive technology.
        <div className={styles.tableWrap}>
          <table className={styles.table} role="table">
            <caption>{strings.TableCaption}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  {strings.ColumnList}
                </th>
                <th scope="col" role="columnheader" className={styles.number}>
                  {strings.ColumnItems}
                </th>
                <th scope="col" role="columnheader">
                  {strings.ColumnReadAccess}
                </th>
                <th scope="col" role="columnheader">
                  {strings.ColumnEditAccess}
                </th>
                <th scope="col" role="columnheader">
                  {strings.ColumnStatus}
                </th>
                <th scope="col" role="columnheader">
                  {strings.ColumnWhy}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {shown.map((check) => (
                <tr key={check.title} role="row">
                  <th scope="row" role="rowheader">
                    {check.title}
                  </th>
                  <td role="cell" className={styles.number} data-label={strings.ColumnItems}>
                    {check.itemCount ?? '–'}
                  </td>
                  <td role="cell" data-label={strings.ColumnReadAccess}>
                    {accessText(check.rule.read)}
                  </td>
                  <td role="cell" data-label={strings.ColumnEditAccess}>
                    {accessText(check.rule.write)}
                  </td>
                  <td role="cell" className={styles.status} data-label={strings.ColumnStatus}>
                    {STATUS_TEXT[check.status]}
                  </td>
                  <td role="cell" data-label={strings.ColumnWhy}>
                    {REASON_TEXT[check.rule.reason]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className={styles.section}>
        <h3>{strings.HrLevelHeading}</h3>
        <p>{strings.HrLevelHelp}</p>
      </div>

      <div className={styles.section}>
        <h3>{strings.PulsePrivacyHeading}</h3>
        <Notice type="info">{strings.PulsePrivacyNotice}</Notice>
      </div>
    </section>
  );
}
