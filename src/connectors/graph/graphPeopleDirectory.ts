/**
 * The people directory over Microsoft Graph v1.0. Scopes: User.Read (me, my direct reports,
 * photos), User.ReadBasic.All (other people's basic profile, search), User.Read.All (a
 * manager: `/me/manager` has no smaller scope). Other people are read with the basic
 * profile properties only, which is all User.ReadBasic.All returns.
 */
import { type EmploymentType, type PeopleDirectory, type PersonProfile, type Photo, toEmploymentType } from '../../core/people/types';
import { replaceLoneSurrogates } from '../../core/text/unicode';
import { collectPages, DEFAULT_RETRY_POLICY, expectOk, GraphFailure, type RetryPolicy, sendBatch } from './graphBatch';
import { GraphCache } from './graphCache';
import type { GraphClientLike } from './graphClient';
import { GraphCoalescer } from './graphCoalescer';

/** Properties read for the signed-in person (all in User.Read). */
export const ME_SELECT = [
  'id',
  'displayName',
  'givenName',
  'surname',
  'jobTitle',
  'department',
  'officeLocation',
  'mail',
  'userPrincipalName',
  'employeeType',
  'preferredLanguage',
  'employeeHireDate'
].join(',');

/**
 * Properties read for anyone else: the basic profile (User.ReadBasic.All) plus department and
 * office location, which place a person on a line and a site (User.Read.All).
 */
export const BASIC_SELECT = ['id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'department', 'officeLocation'].join(',');

/** A leader's direct reports: the basic profile plus the hire date, for service anniversaries (User.Read.All). */
export const REPORT_SELECT = `${BASIC_SELECT},employeeHireDate`;

const PROFILE_TTL = 30 * 60_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optional(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function toProfile(value: unknown): PersonProfile | undefined {
  if (!isRecord(value) || typeof value.id !== 'string') {
    return undefined;
  }
  const employment: EmploymentType = toEmploymentType(optional(value.employeeType));
  const hire = optional(value.employeeHireDate);
  return {
    id: value.id,
    displayName: optional(value.displayName) ?? optional(value.userPrincipalName) ?? value.id,
    givenName: optional(value.givenName),
    surname: optional(value.surname),
    jobTitle: optional(value.jobTitle),
    department: optional(value.department),
    officeLocation: optional(value.officeLocation),
    mail: optional(value.mail),
    userPrincipalName: optional(value.userPrincipalName),
    employmentType: employment,
    preferredLanguage: optional(value.preferredLanguage),
    hireDate: hire ? hire.slice(0, 10) : undefined
  };
}

function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

export class GraphPeopleDirectory implements PeopleDirectory {
  private readonly cache: GraphCache;
  private readonly retry: RetryPolicy;
  private readonly batcher: GraphCoalescer;

  public constructor(
    private readonly graph: GraphClientLike,
    options: { cache?: GraphCache; retry?: RetryPolicy; batcher?: GraphCoalescer } = {}
  ) {
    this.cache = options.cache ?? new GraphCache('anonymous');
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.batcher = options.batcher ?? new GraphCoalescer(graph, this.retry);
  }

  /** One GET; GETs started together (me, manager, direct reports) share one `$batch`. */
  private async one(url: string, what: string): Promise<unknown> {
    return expectOk(await this.batcher.send({ url }), what);
  }

  private profile(url: string, what: string): Promise<PersonProfile> {
    return this.cache.get(`profile:${url}`, PROFILE_TTL, async () => {
      const profile = toProfile(await this.one(url, what));
      if (!profile) {
        throw new GraphFailure(500, 'InvalidResponse', `${what}: Graph returned no user.`);
      }
      return profile;
    });
  }

  public me(): Promise<PersonProfile> {
    return this.profile(`/me?$select=${ME_SELECT}`, 'Reading your profile');
  }

  public person(id: string): Promise<PersonProfile> {
    return this.profile(`/users/${encodeURIComponent(id)}?$select=${BASIC_SELECT}`, 'Reading a profile');
  }

  public async search(text: string, top = 10): Promise<PersonProfile[]> {
    // Half an emoji (a lone surrogate: typed while an emoji is being composed, or pasted) cannot
    // be encoded (`encodeURIComponent` throws "URI malformed") and matches no name: left out.
    const words = replaceLoneSurrogates(text).replace(/["\\]/g, ' ').trim();
    if (words.length === 0) {
      return [];
    }
    const [response] = await sendBatch(
      this.graph,
      [
        {
          url: `/users?$search=${encodeURIComponent(`"displayName:${words}"`)}&$select=${BASIC_SELECT}&$top=${top}`,
          headers: { ConsistencyLevel: 'eventual' }
        }
      ],
      this.retry
    );
    const body = expectOk(response, 'Searching people');
    const values = isRecord(body) && Array.isArray(body.value) ? body.value : [];
    return values.map(toProfile).filter((p): p is PersonProfile => p !== undefined);
  }

  public async manager(id?: string): Promise<PersonProfile | undefined> {
    const base = id ? `/users/${encodeURIComponent(id)}` : '/me';
    try {
      return await this.profile(`${base}/manager?$select=${BASIC_SELECT}`, 'Reading the manager');
    } catch (error) {
      if (error instanceof GraphFailure && error.status === 404) {
        return undefined;
      }
      throw error;
    }
  }

  public directReports(id?: string): Promise<PersonProfile[]> {
    const base = id ? `/users/${encodeURIComponent(id)}` : '/me';
    return this.cache.get(`reports:${base}`, PROFILE_TTL, async () => {
      const first = await this.one(`${base}/directReports?$select=${REPORT_SELECT}`, 'Reading direct reports');
      const values = await collectPages(this.graph, first, 20, this.retry);
      return values.map(toProfile).filter((p): p is PersonProfile => p !== undefined);
    });
  }

  public async photo(id: string): Promise<Photo | undefined> {
    const [response] = await sendBatch(this.graph, [{ url: `/users/${encodeURIComponent(id)}/photo/$value` }], this.retry);
    if (response.status === 404) {
      return undefined;
    }
    const body = expectOk(response, 'Reading a photo');
    if (typeof body !== 'string') {
      return undefined;
    }
    // Graph returns binary bodies inside a batch base64-encoded.
    return { contentType: response.headers['content-type'] ?? 'image/jpeg', bytes: base64ToBytes(body) };
  }
}
