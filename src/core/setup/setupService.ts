import { type RecognitionStoreErrorCode, storeErrorCode } from '../recognition/ports';
import { checkLists, ListCheck, ListSecurityRule, ListState } from './listSecurity';

/** The part of a SharePoint site the setup needs. Implemented with PnPjs in connectors. */
export interface SiteListsGateway {
  /** One state per title, in the same order; a list that does not exist has `exists: false`. */
  readLists(titles: readonly string[]): Promise<ListState[]>;
  /**
   * Sets "Read access" and "Create and edit access" of one list, after turning off unique
   * values in the rule's `notUnique` columns (a no-op where they are not unique).
   */
  applySecurity(title: string, rule: Pick<ListSecurityRule, 'read' | 'write' | 'notUnique' | 'versioning'>): Promise<void>;
}

/**
 * Why an action failed, as a code the UI turns into words: the store error code every part uses,
 * so a SharePoint that is busy (429, 503) or does not answer in time reads the same here as on
 * the wall (`storeErrorText`).
 */
export type SetupErrorCode = RecognitionStoreErrorCode;

export class SetupError extends Error {
  public constructor(public readonly code: SetupErrorCode, message: string) {
    super(message);
    this.name = 'SetupError';
    // The SPFx build targets ES5, where `instanceof` fails for Error subclasses without this.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export interface SecureResult {
  readonly title: string;
  readonly ok: boolean;
  readonly error?: SetupErrorCode;
}

/**
 * Classifies an error: a gateway names its failures (a `SetupError`'s code) and a deadline that
 * passed carries `timeout`, both read by shape as `storeErrorCode` reads every failure. Anything
 * else (a TypeError from the code itself included) stays visible as `unexpected`.
 */
export function toSetupErrorCode(error: unknown): SetupErrorCode {
  return error instanceof TypeError ? 'unexpected' : storeErrorCode(error);
}

export class SetupService {
  public constructor(
    private readonly gateway: SiteListsGateway,
    private readonly listTitles: readonly string[]
  ) {}

  public async check(): Promise<ListCheck[]> {
    const states = await this.gateway.readLists(this.listTitles);
    return checkLists(states);
  }

  /**
   * Applies the security rule to every list that needs it. Lists are handled one after the
   * other so one failure (say, access denied on one list) does not hide the others' results.
   */
  public async secure(checks: readonly ListCheck[]): Promise<SecureResult[]> {
    const results: SecureResult[] = [];
    for (const check of checks) {
      if (check.status !== 'needsSecurity') {
        continue;
      }
      try {
        await this.gateway.applySecurity(check.title, check.rule);
        results.push({ title: check.title, ok: true });
      } catch (error) {
        results.push({ title: check.title, ok: false, error: toSetupErrorCode(error) });
      }
    }
    return results;
  }
}

/** What the part shows: the lists' checks, and who may act on them. */
export interface SetupOverview {
  readonly checks: ListCheck[];
  /**
   * Manage Lists on the site: `true` or `false`; `undefined` when SharePoint did not answer that
   * part of the batch (the part then offers the action, and SharePoint still decides).
   */
  readonly canManageLists: boolean | undefined;
  /**
   * Override List Behaviors on the site (SharePoint's `CancelCheckout` permission), which alone
   * exempts a person from lists set to own items only: HR needs it to see every report. `true`,
   * `false`, or `undefined` when SharePoint did not answer.
   */
  readonly canOverrideListBehaviors: boolean | undefined;
}

/** What the setup part does: read the lists and the person's rights (one round trip), and apply the access settings. */
export interface SetupActions {
  check(): Promise<SetupOverview>;
  secure(checks: readonly ListCheck[]): Promise<SecureResult[]>;
}
