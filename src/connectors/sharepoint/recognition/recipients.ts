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
import { failedForAnEarlierPart } from '../httpErrors';
import type { RecognitionContext, SignedInUser } from './context';

/**
 * How many times one person is asked again after SharePoint refused the part only because an
 * earlier part of the same `$batch` failed. Each new batch gives at least its first part a real
 * answer, so a crew of n resolves in at most n batches; this bounds a misbehaving server.
 */
const MAX_BATCH_RETRIES = 50;

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
    // Crew members resolved together share one `$batch` (see `tickBatcher`). In SharePoint a
    // person the directory lost fails their part and every later part of that batch: those
    // are asked again, together, in the next batch.
    for (let attempt = 0; ; attempt += 1) {
      try {
        const id = idOf(await this.context.reads().web.ensureUser(login));
        return id === undefined ? lost : { siteUserId: id, displayName: profile.displayName, exists: true, directoryId: profile.id };
      } catch (error) {
        if (!failedForAnEarlierPart(error) || attempt >= MAX_BATCH_RETRIES) {
          return lost;
        }
      }
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
