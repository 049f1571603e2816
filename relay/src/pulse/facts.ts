/**
 * What the relay asks Microsoft Graph about the person answering, with its own identity
 * (`User.Read.All`, as `directory.ts`): their department, office location, employment type,
 * hire date and language, and their Teams teams (crews). Never from the page: a person could
 * otherwise claim another site's or crew's audience, or another group's attributes.
 */
import type { TokenProvider } from '../appIdentity';
import { GRAPH_RESOURCE, GraphCallError, type RelayDirectory } from '../directory';

export interface DirectoryFacts {
  readonly department?: string;
  readonly officeLocation?: string;
  /** Graph `employeeType`, e.g. `Employee`, `Agency`. */
  readonly employmentType?: string;
  /** Graph `employeeHireDate`. */
  readonly hireDate?: string;
  readonly preferredLanguage?: string;
  /** Teams team ids, as Graph lists them. */
  readonly teamIds: readonly string[];
}

export type PulseFactsSource = (userPrincipalName: string) => Promise<DirectoryFacts>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

export function graphPulseFacts(options: { readonly graphUrl?: string; readonly tokens: TokenProvider; readonly directory: RelayDirectory; readonly fetch?: typeof fetch }): PulseFactsSource {
  const root = (options.graphUrl ?? `${GRAPH_RESOURCE}/v1.0`).replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  return async (userPrincipalName) => {
    const token = await options.tokens(GRAPH_RESOURCE);
    const [response, teamIds] = await Promise.all([
      doFetch(`${root}/users/${encodeURIComponent(userPrincipalName)}?$select=id,department,officeLocation,employeeType,employeeHireDate,preferredLanguage`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' }
      }),
      options.directory.teamsOf(userPrincipalName)
    ]);
    if (response.status === 404) {
      return { teamIds };
    }
    if (!response.ok) {
      throw new GraphCallError(`Graph answered ${response.status} for the person's profile.`, response.status);
    }
    const body = (await response.json()) as Record<string, unknown>;
    return {
      department: text(body.department),
      officeLocation: text(body.officeLocation),
      employmentType: text(body.employeeType),
      hireDate: text(body.employeeHireDate),
      preferredLanguage: text(body.preferredLanguage),
      teamIds
    };
  };
}
