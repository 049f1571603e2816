/**
 * What the relay asks Microsoft Graph with its own identity: a person's manager, the leader who
 * may read a "private" post about them, and the Teams teams (crews) they are in. Application
 * permission `User.Read.All` (the least that reads another person's manager; it also reads
 * their joined teams; see docs/relay.md). The page is never asked who someone's leader or crew
 * is: a giver could name anyone.
 */
import type { TokenProvider } from './appIdentity';

/** The resource the relay asks its managed identity a Graph token for. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

export interface RelayDirectory {
  /** The user principal name of the person's manager; undefined when they have none. */
  managerOf(userPrincipalName: string): Promise<string | undefined>;
  /** The ids of the Teams teams (crews) the person is in. */
  teamsOf(userPrincipalName: string): Promise<string[]>;
}

/** A failed Graph call, with its HTTP status (read like PnPjs errors: `status`). */
export class GraphCallError extends Error {
  public constructor(
    message: string,
    public readonly status: number
  ) {
    super(message);
    this.name = 'GraphCallError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export interface GraphDirectoryOptions {
  /** Graph's v1.0 root, `https://graph.microsoft.com/v1.0` unless given. */
  readonly graphUrl?: string;
  readonly tokens: TokenProvider;
  readonly fetch?: typeof fetch;
}

/**
 * Graph's root and a GET with the relay's identity: the answer's JSON, undefined for 404 (no such
 * person, no manager), a GraphCallError with the status for any other failure.
 */
export function graphReader(options: GraphDirectoryOptions): { readonly root: string; get(url: string, what: string): Promise<Record<string, unknown> | undefined> } {
  const root = (options.graphUrl ?? `${GRAPH_RESOURCE}/v1.0`).replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  return {
    root,
    async get(url, what) {
      const token = await options.tokens(GRAPH_RESOURCE);
      const response = await doFetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
      if (response.status === 404) {
        return undefined;
      }
      if (!response.ok) {
        throw new GraphCallError(`Graph answered ${response.status} for ${what}.`, response.status);
      }
      return (await response.json()) as Record<string, unknown>;
    }
  };
}

/** A Teams activity notification as the relay sends it: one template parameter, a text topic linking to `webUrl`. */
export interface ActivityNotice {
  readonly topic: string;
  readonly webUrl: string;
  readonly activityType: string;
  readonly preview: string;
  readonly parameter: { readonly name: string; readonly value: string };
}

/**
 * `POST /users/{id}/teamwork/sendActivityNotification` with the relay's identity (application
 * TeamsActivity.Send.User, through the pulse Teams app); a refusal is a GraphCallError with its status.
 */
export async function sendActivityNotification(options: GraphDirectoryOptions, recipientId: string, notice: ActivityNotice, what: string): Promise<void> {
  const { root } = graphReader(options);
  const token = await options.tokens(GRAPH_RESOURCE);
  const response = await (options.fetch ?? fetch)(`${root}/users/${encodeURIComponent(recipientId)}/teamwork/sendActivityNotification`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      topic: { source: 'text', value: notice.topic, webUrl: notice.webUrl },
      activityType: notice.activityType,
      previewText: { content: notice.preview },
      templateParameters: [notice.parameter]
    })
  });
  if (!response.ok) {
    throw new GraphCallError(`Graph answered ${response.status} for ${what}.`, response.status);
  }
}

export function graphDirectory(options: GraphDirectoryOptions): RelayDirectory {
  const root = (options.graphUrl ?? `${GRAPH_RESOURCE}/v1.0`).replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  return {
    async teamsOf(userPrincipalName) {
      const token = await options.tokens(GRAPH_RESOURCE);
      // joinedTeams takes no query options.
      const response = await doFetch(`${root}/users/${encodeURIComponent(userPrincipalName)}/joinedTeams`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' }
      });
      if (response.status === 404) {
        return [];
      }
      if (!response.ok) {
        throw new GraphCallError(`Graph answered ${response.status} for the joined teams.`, response.status);
      }
      const body = (await response.json()) as { value?: Array<{ id?: unknown }> };
      return (body.value ?? []).map((team) => team.id).filter((id): id is string => typeof id === 'string');
    },
    async managerOf(userPrincipalName) {
      const token = await options.tokens(GRAPH_RESOURCE);
      const response = await doFetch(`${root}/users/${encodeURIComponent(userPrincipalName)}/manager?$select=id,userPrincipalName`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' }
      });
      if (response.status === 404) {
        // No manager (Graph: Request_ResourceNotFound), or no such person.
        return undefined;
      }
      if (!response.ok) {
        throw new GraphCallError(`Graph answered ${response.status} for the manager.`, response.status);
      }
      const body = (await response.json()) as { userPrincipalName?: unknown };
      return typeof body.userPrincipalName === 'string' && body.userPrincipalName !== '' ? body.userPrincipalName : undefined;
    }
  };
}
