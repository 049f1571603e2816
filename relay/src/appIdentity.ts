/**
 * The relay's own identity towards SharePoint: an Azure managed identity. The Functions host
 * sets IDENTITY_ENDPOINT and IDENTITY_HEADER; a token is asked for the SharePoint resource
 * (`https://contoso.sharepoint.com`, and Microsoft Graph) and kept until five minutes before it
 * expires. The managed identity is granted `Sites.Selected` with the `fullcontrol` role on the
 * engagement site only (item permissions of private posts take Manage Permissions), and the
 * Graph application permission `User.Read.All` (a recipient's manager).
 */

export interface ManagedIdentityOptions {
  /** IDENTITY_ENDPOINT */
  readonly endpoint: string;
  /** IDENTITY_HEADER */
  readonly secret: string;
  /** A user-assigned identity's client id; absent for the system-assigned identity. */
  readonly clientId?: string;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

export type TokenProvider = (resource: string) => Promise<string>;

const REFRESH_MARGIN_MS = 5 * 60 * 1000;

export function managedIdentityTokens(options: ManagedIdentityOptions): TokenProvider {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { token: string; expiresAt: number }>();
  const pending = new Map<string, Promise<string>>();

  async function ask(resource: string): Promise<string> {
    const url = new URL(options.endpoint);
    url.searchParams.set('resource', resource);
    url.searchParams.set('api-version', '2019-08-01');
    if (options.clientId) {
      url.searchParams.set('client_id', options.clientId);
    }
    const response = await doFetch(url.toString(), { headers: { 'X-IDENTITY-HEADER': options.secret } });
    if (!response.ok) {
      throw new Error(`The managed identity endpoint answered ${response.status} for ${resource}.`);
    }
    const body = (await response.json()) as { access_token?: unknown; expires_on?: unknown };
    const token = typeof body.access_token === 'string' ? body.access_token : '';
    const expiresOn = Number(body.expires_on);
    if (!token || !Number.isFinite(expiresOn)) {
      throw new Error('The managed identity endpoint sent no usable token.');
    }
    cache.set(resource, { token, expiresAt: expiresOn * 1000 });
    return token;
  }

  return (resource) => {
    const kept = cache.get(resource);
    if (kept && kept.expiresAt - REFRESH_MARGIN_MS > now()) {
      return Promise.resolve(kept.token);
    }
    let asking = pending.get(resource);
    if (!asking) {
      asking = ask(resource).finally(() => pending.delete(resource));
      pending.set(resource, asking);
    }
    return asking;
  };
}
