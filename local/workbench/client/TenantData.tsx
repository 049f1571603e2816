/**
 * "Tenant data": what the local tenant holds, read over the same HTTP APIs the product uses
 * (SharePoint REST, Microsoft Graph) as the signed-in persona. Useful before any part exists.
 */
import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';

import type { PersonaOption, WorkbenchConfig } from '../shared';
import { switchPersona } from './config';
import styles from './workbench.module.scss';

type Load<T> = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; value: T };

type Row = Readonly<Record<string, unknown>>;

async function getJson(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json', ...headers }, credentials: 'same-origin' });
  const body = await response.text();
  if (!response.ok) {
    let detail = body.slice(0, 300);
    try {
      const parsed: unknown = JSON.parse(body);
      const error = (parsed as { error?: { message?: unknown } } | null)?.error;
      const message = typeof error?.message === 'string' ? error.message : (error?.message as { value?: unknown } | undefined)?.value;
      if (typeof message === 'string') {
        detail = message;
      }
    } catch {
      // Not JSON: show the start of the body.
    }
    throw new Error(`${response.status} ${response.statusText}${detail ? `: ${detail}` : ''} (GET ${new URL(url).pathname})`);
  }
  return JSON.parse(body) as unknown;
}

/** `value` of an OData collection (Graph, SharePoint nometadata) or `d.results` (verbose). */
function rows(payload: unknown): Row[] {
  const record = payload as { value?: unknown; d?: { results?: unknown } } | null;
  const list = Array.isArray(record?.value) ? record?.value : record?.d?.results;
  return Array.isArray(list) ? list.filter((item): item is Row => typeof item === 'object' && item !== null) : [];
}

function str(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function useLoad<T>(load: () => Promise<T>): [Load<T>, () => void] {
  const [state, setState] = React.useState<Load<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  const loader = React.useRef(load);
  loader.current = load;
  React.useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    loader.current().then(
      (value) => live && setState({ kind: 'loaded', value }),
      (error: unknown) => live && setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}

function Panel<T>(props: {
  id: string;
  title: string;
  description: string;
  state: Load<T>;
  retry(): void;
  loadingLabel: string;
  isEmpty(value: T): boolean;
  emptyText: string;
  children(value: T): React.ReactNode;
  /** Spans the whole width (wide tables). */
  wide?: boolean;
}): React.ReactElement {
  const { state } = props;
  return (
    <section
      className={`${styles.dataPanel} ${props.wide ? styles.dataPanelWide : ''}`}
      aria-labelledby={props.id}
      aria-busy={state.kind === 'loading'}
    >
      <h2 id={props.id} className={styles.dataHeading}>
        {props.title}
      </h2>
      <p className={styles.dataDescription}>{props.description}</p>
      {state.kind === 'loading' && <Spinner label={props.loadingLabel} />}
      {state.kind === 'failed' && (
        <>
          <MessageBar messageBarType={MessageBarType.error}>{state.message}</MessageBar>
          <DefaultButton className={styles.touch} text="Try again" onClick={props.retry} />
        </>
      )}
      {state.kind === 'loaded' &&
        (props.isEmpty(state.value) ? <p role="status">{props.emptyText}</p> : props.children(state.value))}
    </section>
  );
}

interface Shift {
  readonly start: Date;
  readonly end: Date;
  readonly name: string;
  readonly team: string;
}

async function nextShifts(config: WorkbenchConfig, now: Date): Promise<Shift[]> {
  const until = new Date(now.getTime() + 14 * 24 * 3600 * 1000);
  const teams = rows(await getJson(`${config.graphUrl}/me/joinedTeams`));
  const filter = `sharedShift/startDateTime ge ${now.toISOString()} and sharedShift/endDateTime le ${until.toISOString()}`;
  const perTeam = await Promise.all(
    teams.map(async (team) => {
      const url = `${config.graphUrl}/teams/${encodeURIComponent(str(team.id))}/schedule/shifts?$filter=${encodeURIComponent(filter)}`;
      return rows(await getJson(url)).flatMap((shift): Shift[] => {
        const shared = (shift.sharedShift ?? {}) as Row;
        const start = new Date(str(shared.startDateTime));
        if (shift.userId !== config.user.id || Number.isNaN(start.getTime()) || start < now) {
          return [];
        }
        return [{ start, end: new Date(str(shared.endDateTime)), name: str(shared.displayName), team: str(team.displayName) }];
      });
    })
  );
  return perTeam.flat().sort((a, b) => a.start.getTime() - b.start.getTime()).slice(0, 10);
}

/** Graph returns department and employeeType only when selected. */
const USER_FIELDS = 'id,displayName,jobTitle,department,employeeType,userPrincipalName';

const WHEN = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

export function TenantData(props: { config: WorkbenchConfig }): React.ReactElement {
  const { config } = props;
  const [lists, retryLists] = useLoad(async () =>
    rows(
      await getJson(`${config.siteUrl}/_api/web/lists?$select=Title,ItemCount`, { accept: 'application/json;odata=nometadata' })
    ).sort((a, b) => str(a.Title).localeCompare(str(b.Title)))
  );
  const [people, retryPeople] = useLoad(async () =>
    rows(await getJson(`${config.graphUrl}/users?$top=50&$select=${USER_FIELDS}`, { ConsistencyLevel: 'eventual' }))
  );
  const [shifts, retryShifts] = useLoad(() => nextShifts(config, new Date()));
  const personaOf = (upn: string): PersonaOption | undefined =>
    config.personas.find((p) => p.userPrincipalName.toLowerCase() === upn.toLowerCase());

  return (
    <div className={styles.tenantData}>
      <Panel id="se-data-lists" title="SharePoint lists" description={`GET ${config.siteUrl}/_api/web/lists`}
        state={lists} retry={retryLists} loadingLabel="Loading the lists…" isEmpty={(v) => v.length === 0}
        emptyText="The site has no lists.">
        {(value) => (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <caption>{value.length} lists on the engagement site</caption>
              <thead><tr><th scope="col">List</th><th scope="col">Items</th></tr></thead>
              <tbody>
                {value.map((list) => (
                  <tr key={str(list.Title)}><th scope="row">{str(list.Title)}</th><td>{str(list.ItemCount)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
      <Panel id="se-data-shifts" title={`Next shifts of ${config.user.displayName}`}
        description="Microsoft Graph: /me/joinedTeams, then each team's schedule (next 14 days)."
        state={shifts} retry={retryShifts} loadingLabel="Loading the shifts…" isEmpty={(v) => v.length === 0}
        emptyText="No shifts in the next 14 days.">
        {(value) => (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <caption>Next {value.length} shifts</caption>
              <thead><tr><th scope="col">When</th><th scope="col">Shift</th><th scope="col">Team</th></tr></thead>
              <tbody>
                {value.map((shift) => (
                  <tr key={`${shift.team}-${shift.start.toISOString()}`}>
                    <td>{WHEN.format(shift.start)}–{TIME.format(shift.end)}</td><td>{shift.name}</td><td>{shift.team}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
      <Panel id="se-data-people" title="People" description={`Microsoft Graph: GET /users?$top=50&$select=${USER_FIELDS}`} wide
        state={people} retry={retryPeople} loadingLabel="Loading the people…" isEmpty={(v) => v.length === 0}
        emptyText="The directory has no people.">
        {(value) => (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <caption>First {value.length} people in the directory</caption>
              <thead>
                <tr><th scope="col">Name</th><th scope="col">Job title</th><th scope="col">Department</th>
                  <th scope="col">Type</th><th scope="col">Persona</th></tr>
              </thead>
              <tbody>
                {value.map((person) => {
                  const upn = str(person.userPrincipalName);
                  const persona = personaOf(upn);
                  return (
                    <tr key={str(person.id) || upn}>
                      <th scope="row">{str(person.displayName)}</th><td>{str(person.jobTitle)}</td>
                      <td>{str(person.department)}</td><td>{str(person.employeeType)}</td>
                      <td>
                        {upn === config.user.userPrincipalName ? 'Signed in' : (
                          <DefaultButton className={styles.touch} text={persona ? `Sign in (${persona.label})` : 'Sign in'}
                            ariaLabel={`Sign in as ${str(person.displayName)}`} onClick={() => switchPersona(upn)} />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </div>
  );
}
