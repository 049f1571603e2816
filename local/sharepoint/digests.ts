/**
 * Form digests, as SharePoint issues them: from `POST _api/contextinfo`, and inside every
 * page it serves (SPFx reads `legacyPageContext.formDigestValue`, so a part's first write needs
 * no extra request). The value ends with the time it was issued, which PnPjs reads to know
 * when it expires.
 */
import { randomBytes } from 'crypto';

export const DIGEST_TIMEOUT_SECONDS = 1800;

export class FormDigests {
  private readonly issued = new Set<string>();

  public constructor(private readonly now: () => Date = () => new Date()) {}

  public issue(): string {
    const digest = `0x${randomBytes(32).toString('hex').toUpperCase()},${this.now().toUTCString()}`;
    this.issued.add(digest);
    return digest;
  }

  public isValid(digest: string | undefined): boolean {
    return digest !== undefined && this.issued.has(digest);
  }
}
