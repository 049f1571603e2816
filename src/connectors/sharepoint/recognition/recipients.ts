/**
 * Directory people as site users (SharePoint's ensureUser), the signed-in person as a site
 * user, and the plant map the recipients are placed with.
 */
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';

import type { PersonProfile } from '../../../core/people/types';
import type { PlantMap } from '../../../core/plant/types';
import type { RecipientRef } from '../../../core/recognition/compose';
import type { RecipientResolver } from '../../../core/recognition/ports';
import type { RecognitionContext, SignedInUser } from './context';

function idOf(answer: unknown): number | undefined {
  const user = (typeof answer === 'object' && answer !== null ? answer : {}) as { Id?: unknown; data?: { Id?: unknown } };
  const id = user.Id ?? user.data?.Id;
  return typeof id === 'number' ? id : undefined;
}

export class SharePointRecipients implements RecipientResolver {
  public constructor(private readonly context: RecognitionContext) {}

  /** Makes a directory person a site user to recognise them; `exists: false` when the directory lost them. */
  public async resolveRecipient(profile: PersonProfile): Promise<RecipientRef> {
    const login = profile.userPrincipalName ?? profile.mail;
    const lost: RecipientRef = { siteUserId: 0, displayName: profile.displayName, exists: false, directoryId: profile.id };
    if (!login) {
      return lost;
    }
    try {
      // Crew members resolved together share one `$batch` (see `tickBatcher`).
      const id = idOf(await this.context.reads().web.ensureUser(login));
      return id === undefined ? lost : { siteUserId: id, displayName: profile.displayName, exists: true, directoryId: profile.id };
    } catch {
      return lost;
    }
  }

  /** The signed-in person's site user id and login name (from the page, else read once). */
  public currentUser(): Promise<SignedInUser> {
    return this.context.currentUser();
  }

  public async currentUserId(): Promise<number> {
    return (await this.context.currentUser()).id;
  }

  /** The plant map (sites, lines, shifts), read once; empty when none is kept or it cannot be read. */
  public plantMap(): Promise<PlantMap> {
    return this.context.plantMap();
  }
}
