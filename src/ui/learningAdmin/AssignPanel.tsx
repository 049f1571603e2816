/**
 * Assigning a path through the relay: to people (found by name), a crew (from the relay's list of
 * crews), a role (a job title) or everyone new since a date, with an optional due day. The relay
 * decides who may assign whom and writes the rows; the part says "12 assigned, 2 already had it".
 * The request id is made once per assignment and kept until it succeeds, so Try again after a lost
 * answer creates nothing twice; what HR chose stays on screen when it fails.
 */
import * as React from 'react';

import type { AdminAudience, AdminPath, AssignOutcome, AudienceSource, LearningAdminRelay, PickableCrew, PickablePerson } from '../../core/learning/learningAdminPorts';
import { pathName } from '../../core/learning/wording';
import { format } from '../format';
import { Notice } from '../light/Notice';
import type { AdminWords } from './adminWords';
import { failureText } from './failureText';
import { Action, Field } from './Fields';
import styles from './LearningAdmin.module.scss';

export interface IAssignPanelProps {
  readonly words: AdminWords;
  readonly locale: string;
  readonly path: AdminPath;
  readonly relay: LearningAdminRelay;
  readonly audiences: AudienceSource;
  readonly timeZone: string;
  readonly newRequestId: () => string;
  onBack(): void;
}

type Kind = AdminAudience['kind'];
const KINDS: readonly Kind[] = ['people', 'crew', 'role', 'newSince'];

/** Finds colleagues as HR types (from two characters, the latest answer only). */
function usePeopleSearch(audiences: AudienceSource, text: string): { found: PickablePerson[]; searching: boolean } {
  const [found, setFound] = React.useState<PickablePerson[]>([]);
  const [searching, setSearching] = React.useState(false);
  React.useEffect(() => {
    let current = true;
    if (text.trim().length < 2) {
      setFound([]);
      return undefined;
    }
    setSearching(true);
    const timer = setTimeout(() => {
      audiences.searchPeople(text.trim()).then(
        (people) => current && (setFound(people), setSearching(false)),
        () => current && (setFound([]), setSearching(false))
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [audiences, text]);
  return { found, searching };
}

export function AssignPanel(props: IAssignPanelProps): React.ReactElement {
  const { words, path } = props;
  const [kind, setKind] = React.useState<Kind>('people');
  const [people, setPeople] = React.useState<Array<{ id: string; displayName: string }>>([]);
  const [search, setSearch] = React.useState('');
  const [crews, setCrews] = React.useState<PickableCrew[] | 'failed' | undefined>(undefined);
  const [crewKey, setCrewKey] = React.useState('');
  const [role, setRole] = React.useState('');
  const [since, setSince] = React.useState('');
  const [dueDate, setDueDate] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);
  const [outcome, setOutcome] = React.useState<AssignOutcome | undefined>(undefined);
  /** One id per assignment sent until it succeeds (Try again resends it). */
  const requestId = React.useRef<string | undefined>(undefined);
  const { found, searching } = usePeopleSearch(props.audiences, search);

  React.useEffect(() => {
    let current = true;
    if (kind === 'crew' && crews === undefined) {
      props.audiences.crews().then(
        (list) => current && setCrews(list),
        () => current && setCrews('failed')
      );
    }
    return () => {
      current = false;
    };
  }, [kind, crews, props.audiences]);

  const audience = (): AdminAudience | undefined => {
    switch (kind) {
      case 'people':
        return people.length > 0 ? { kind, people } : undefined;
      case 'crew': {
        const crew = Array.isArray(crews) ? crews.filter((c) => c.crewKey === crewKey)[0] : undefined;
        return crew ? { kind, crewKey: crew.crewKey, name: crew.name } : undefined;
      }
      case 'role':
        return role.trim() !== '' ? { kind, role: role.trim() } : undefined;
      default:
        return since !== '' ? { kind, since } : undefined;
    }
  };

  // A change to what is chosen is a new assignment: a new request id.
  const changed = (): void => {
    requestId.current = undefined;
    setOutcome(undefined);
  };

  const send = (): void => {
    const chosen = audience();
    setOutcome(undefined);
    if (!chosen) {
      setFailure(words.pickSomeone);
      return;
    }
    requestId.current = requestId.current ?? props.newRequestId();
    setBusy(true);
    setFailure(undefined);
    props.relay.assign({ pathId: path.id, audience: chosen, requestId: requestId.current, timeZone: props.timeZone, ...(dueDate ? { dueDate } : {}) }).then(
      (answer) => {
        requestId.current = undefined;
        setBusy(false);
        setOutcome(answer);
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(failureText(words, error));
      }
    );
  };

  return (
    <section aria-labelledby="se-learning-assign-heading">
      <h3 id="se-learning-assign-heading" className={styles.subheading}>
        {format(words.assignPath, pathName(path, props.locale))}
      </h3>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{words.audience}</legend>
        {KINDS.map((option) => (
          <label key={option} className={styles.tick}>
            <input
              type="radio"
              name="se-learning-audience"
              checked={kind === option}
              onChange={() => {
                setKind(option);
                changed();
              }}
            />
            <span>{words.audiences[option]}</span>
          </label>
        ))}
      </fieldset>
      {kind === 'people' && (
        <>
          <Field label={words.searchPeople} value={search} onChange={setSearch} />
          {searching && <p className={styles.subtle}>{words.searching}</p>}
          {!searching && search.trim().length >= 2 && found.length === 0 && <p className={styles.subtle}>{words.noOneFound}</p>}
          <ul className={styles.list}>
            {found
              .filter((person) => !people.some((p) => p.id === person.id))
              .map((person) => (
                <li key={person.id}>
                  <Action
                    text={format(words.addPerson, person.displayName)}
                    description={person.jobTitle}
                    onClick={() => {
                      setPeople([...people, { id: person.id, displayName: person.displayName }]);
                      changed();
                    }}
                  />
                </li>
              ))}
          </ul>
          <ul className={styles.list} aria-label={words.audiences.people}>
            {people.map((person) => (
              <li key={person.id} className={styles.chip}>
                <span>{person.displayName}</span>
                <Action
                  text={format(words.removePerson, person.displayName)}
                  onClick={() => {
                    setPeople(people.filter((p) => p.id !== person.id));
                    changed();
                  }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {kind === 'crew' && (
        <div className={styles.field}>
          <label className={styles.label} htmlFor="se-learning-crew">
            {words.crew}
          </label>
          <select
            id="se-learning-crew"
            className={styles.input}
            value={crewKey}
            onChange={(event) => {
              setCrewKey(event.target.value);
              changed();
            }}
          >
            <option value="" />
            {(Array.isArray(crews) ? crews : []).map((crew) => (
              <option key={crew.crewKey} value={crew.crewKey}>
                {crew.name}
              </option>
            ))}
          </select>
          {crews === 'failed' && (
            <span className={styles.error}>
              {words.crewsUnavailable} <Action text={words.tryAgain} onClick={() => setCrews(undefined)} />
            </span>
          )}
        </div>
      )}
      {kind === 'role' && (
        <Field
          label={words.role}
          value={role}
          onChange={(value) => {
            setRole(value);
            changed();
          }}
        />
      )}
      {kind === 'newSince' && (
        <Field
          label={words.since}
          type="date"
          value={since}
          onChange={(value) => {
            setSince(value);
            changed();
          }}
        />
      )}
      <Field
        label={words.dueDate}
        help={words.dueHelp}
        type="date"
        value={dueDate}
        onChange={(value) => {
          setDueDate(value);
          changed();
        }}
      />
      <div aria-live="polite">
        {outcome && (
          <Notice type="success" live={false}>
            {format(words.assignedResult, outcome.created.length, outcome.alreadyAssigned.length)}
            {outcome.notLed > 0 ? ` ${format(words.notLed, outcome.notLed)}` : ''}
          </Notice>
        )}
      </div>
      {failure && <Notice type="error">{failure}</Notice>}
      <div className={styles.actions}>
        <Action primary={true} text={busy ? words.assigning : failure && failure !== words.pickSomeone ? words.tryAgain : words.assignButton} disabled={busy} onClick={send} />
        <Action text={words.back} onClick={props.onBack} disabled={busy} />
      </div>
    </section>
  );
}
