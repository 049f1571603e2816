/**
 * `GET /users/{id | upn}/ownedObjects` (and `/me/ownedObjects`): the directory objects a person
 * owns, as Graph lists them (`#microsoft.graph.directoryObject` collection, each with its
 * `@odata.type`). In the local tenant a person owns the Microsoft 365 groups of the Teams teams
 * they are an owner of (a crew's leader and its line manager); a team's id is its group's id.
 * `$select` takes directoryObject's properties (`id`, `deletedDateTime`) and the group's
 * `displayName` and `description`; `$top` 1–999, default 100, with `@odata.nextLink`.
 */
import type { Person } from '../tenant/directory';
import { GraphCall, graphJson } from './http';
import { paginate, parseSelect, project } from './query';
import type { LocalResponse } from '../server/types';

const GROUP_PROPERTIES: readonly string[] = ['id', 'deletedDateTime', 'displayName', 'description', 'groupTypes', 'mailEnabled', 'securityEnabled', 'visibility'];
const DEFAULT_GROUP_PROPERTIES: readonly string[] = GROUP_PROPERTIES;
const OWNED_PAGE = { defaultSize: 100, maxSize: 999 };

export function listOwnedObjects(call: GraphCall, person: Person): LocalResponse {
  const select = parseSelect(call, GROUP_PROPERTIES, 'microsoft.graph.directoryObject');
  const owned = call.plant.teamsOf(person.id).filter((team) => call.plant.members(team.id).some((member) => member.personId === person.id && member.role === 'owner'));
  const page = paginate(call, owned, OWNED_PAGE);
  const body: Record<string, unknown> = { '@odata.context': `${call.root}/$metadata#directoryObjects` };
  if (page.nextLink) {
    body['@odata.nextLink'] = page.nextLink;
  }
  body.value = page.items.map((team) => ({
    '@odata.type': '#microsoft.graph.group',
    ...project(
      {
        id: team.id,
        deletedDateTime: null,
        displayName: team.displayName,
        description: team.description,
        groupTypes: ['Unified'],
        mailEnabled: true,
        securityEnabled: false,
        visibility: 'Private'
      },
      select,
      DEFAULT_GROUP_PROPERTIES
    )
  }));
  return graphJson(call, 200, body);
}
