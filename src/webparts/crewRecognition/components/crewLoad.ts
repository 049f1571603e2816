/**
 * What the crew part reads first: the leader's direct reports (the directory), each as a site
 * user with when they were last recognised, the values and the leader's own site user id
 * (SharePoint). A directory that cannot be read fails as `directory` (or `timeout`), so the
 * part says that it is the directory, not SharePoint, that is down.
 */
import type { RecognitionValue } from '../../../core/models/values';
import type { RecipientRef } from '../../../core/recognition/compose';
import type { CrewEntry } from '../../../core/recognition/crew';
import { directoryFailure } from '../../../core/recognition/ports';
import { activeValues } from '../../../core/recognition/values';
import type { ICrewRecognitionProps } from './ICrewRecognitionProps';

export interface LoadedCrew {
  readonly crew: CrewEntry[];
  readonly values: RecognitionValue[];
  readonly giverId: number;
}

export async function readCrew(directory: ICrewRecognitionProps['directory'], store: ICrewRecognitionProps['store']): Promise<LoadedCrew> {
  const profiles = await directory.directReports().catch((error: unknown) => {
    throw directoryFailure(error);
  });
  const [recipients, values, giverId] = await Promise.all([
    // A person SharePoint cannot ensure is still listed (no recognise button).
    Promise.all(profiles.map((p) => store.resolveRecipient(p).then((r): RecipientRef | undefined => r, () => undefined))),
    store.values(),
    store.currentUserId()
  ]);
  const ids = recipients.filter((r): r is RecipientRef => r !== undefined).map((r) => r.siteUserId);
  const last = ids.length > 0 ? await store.lastRecognised(ids) : new Map<number, string>();
  const crew = profiles.map((profile, i): CrewEntry => {
    const recipient = recipients[i];
    return { profile, recipient, lastRecognised: recipient ? last.get(recipient.siteUserId) : undefined };
  });
  return { crew, values: activeValues(values), giverId };
}
