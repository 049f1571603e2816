/**
 * The route table of SharePoint REST in the local tenant: every path below `_api/` it answers,
 * and, for a list, every path below the list. A new route is one entry here and its handler
 * in the module of its resource. Patterns are matched case-insensitively, as SharePoint does;
 * the first one that matches decides.
 */
import { Router, within } from '../router';
import { batch } from './batch';
import { contextInfo } from './contextinfo';
import {
  addItem,
  deleteItem,
  effectiveItemPermissions,
  getItem,
  itemMethodUnsupported,
  itemsMethodUnsupported,
  queryItems,
  updateItem,
  userEffectivePermissions,
  userEffectivePermissionsDenied
} from './items';
import { allLists, getField, getFields, getList, listById, listByTitle, updateField, updateList } from './lists';
import { type ListScope, type SiteScope, unsupported } from './scope';
import {
  addItemRoleAssignment,
  associatedMemberGroup,
  associatedOwnerGroup,
  breakItemInheritance,
  deleteItemRoleAssignment,
  itemRoleAssignment,
  itemRoleAssignments,
  removeItemRoleAssignment,
  resetItemInheritance,
  roleDefinition,
  roleDefinitions,
  siteGroup,
  siteGroups,
  siteGroupUsers,
  webRoleAssignments
} from './security';
import { currentUser, ensureUser, siteUserById, siteUsers } from './users';
import { effectiveBasePermissions, getWeb, storageEntity, storageEntityDenied } from './web';

/**
 * Paths below `web/lists/getByTitle('…')` or `web/lists(guid'…')`. An item is `items(n)` or
 * `items/getById(n)`: its id in the first or the second group.
 */
export const LIST_ROUTES = new Router<ListScope>(
  [
    { pattern: /^\/?$/i, methods: { GET: getList, MERGE: updateList, PATCH: updateList } },
    { pattern: /^\/fields\/getbyinternalnameortitle\('((?:[^']|'')+)'\)$/i, methods: { GET: getField, MERGE: updateField, PATCH: updateField } },
    { pattern: /^\/fields/i, methods: { GET: getFields } },
    { pattern: /^\/items\/?$/i, methods: { GET: queryItems, POST: addItem }, otherwise: itemsMethodUnsupported },
    { pattern: /^\/items(?:\((\d+)\)|\/getbyid\((\d+)\))$/i, methods: { GET: getItem, MERGE: updateItem, PATCH: updateItem, PUT: updateItem, DELETE: deleteItem }, otherwise: itemMethodUnsupported },
    { pattern: /^\/items(?:\((\d+)\)|\/getbyid\((\d+)\))\/breakroleinheritance\(([^)]*)\)$/i, methods: { POST: breakItemInheritance } },
    { pattern: /^\/items(?:\((\d+)\)|\/getbyid\((\d+)\))\/resetroleinheritance$/i, methods: { POST: resetItemInheritance } },
    { pattern: /^\/items(?:\((\d+)\)|\/getbyid\((\d+)\))\/effectivebasepermissions$/i, methods: { GET: effectiveItemPermissions } },
    { pattern: /^\/items(?:\((\d+)\)|\/getbyid\((\d+)\))\/roleassignments\/?$/i, methods: { GET: itemRoleAssignments } },
    { pattern: /^\/items(?:\((\d+)\)|\/getbyid\((\d+)\))\/roleassignments\/addroleassignment\(([^)]*)\)$/i, methods: { POST: addItemRoleAssignment } },
    { pattern: /^\/items(?:\((\d+)\)|\/getbyid\((\d+)\))\/roleassignments\/removeroleassignment\(([^)]*)\)$/i, methods: { POST: removeItemRoleAssignment } },
    {
      pattern: /^\/items(?:\((\d+)\)|\/getbyid\((\d+)\))\/roleassignments(?:\((\d+)\)|\/getbyprincipalid\((\d+)\))(?:\/(member|roledefinitionbindings))?$/i,
      methods: { GET: itemRoleAssignment, DELETE: deleteItemRoleAssignment }
    },
    {
      pattern: /^\/items(?:\((\d+)\)|\/getbyid\((\d+)\))\/getusereffectivepermissions\((?:@(\w+)|'((?:[^']|'')*)')\)$/i,
      methods: { GET: userEffectivePermissions },
      otherwise: userEffectivePermissionsDenied
    }
  ],
  unsupported
);

/** Paths below `_api/`. */
export const SITE_ROUTES = new Router<SiteScope>(
  [
    { pattern: /^contextinfo$/i, methods: { POST: contextInfo }, withoutDigest: true },
    { pattern: /^\$batch$/i, methods: { POST: batch } },
    { pattern: /^web\/?$/i, otherwise: getWeb },
    { pattern: /^web\/currentuser$/i, otherwise: currentUser },
    { pattern: /^web\/effectivebasepermissions$/i, methods: { GET: effectiveBasePermissions } },
    { pattern: /^web\/getstorageentity\('((?:[^']|'')*)'\)$/i, methods: { GET: storageEntity } },
    { pattern: /^web\/(?:setstorageentity|removestorageentity\('(?:[^']|'')*'\))$/i, methods: { POST: storageEntityDenied } },
    { pattern: /^web\/siteusers$/i, otherwise: siteUsers },
    { pattern: /^web\/(?:siteusers\/getbyid|getuserbyid)\((\d+)\)$/i, otherwise: siteUserById },
    { pattern: /^web\/ensureuser$/i, methods: { POST: ensureUser } },
    { pattern: /^web\/roledefinitions\/?$/i, methods: { GET: roleDefinitions } },
    {
      pattern: /^web\/roledefinitions(?:\((\d+)\)|\/getbyid\((\d+)\)|\/getbytype\((\d+)\)|\/getbyname\('((?:[^']|'')+)'\))$/i,
      methods: { GET: roleDefinition }
    },
    { pattern: /^web\/sitegroups\/?$/i, methods: { GET: siteGroups } },
    { pattern: /^web\/sitegroups(?:\((\d+)\)|\/getbyid\((\d+)\)|\/getbyname\('((?:[^']|'')+)'\))$/i, methods: { GET: siteGroup } },
    { pattern: /^web\/sitegroups(?:\((\d+)\)|\/getbyid\((\d+)\)|\/getbyname\('((?:[^']|'')+)'\))\/users\/?$/i, methods: { GET: siteGroupUsers } },
    { pattern: /^web\/associatedownergroup$/i, methods: { GET: associatedOwnerGroup } },
    { pattern: /^web\/associatedmembergroup$/i, methods: { GET: associatedMemberGroup } },
    { pattern: /^web\/roleassignments\/?$/i, methods: { GET: webRoleAssignments } },
    { pattern: /^web\/lists\/?$/i, otherwise: allLists },
    { pattern: /^web\/lists\/getbytitle\('((?:[^']|'')+)'\)(.*)$/i, otherwise: within(LIST_ROUTES, listByTitle) },
    { pattern: /^web\/lists\(guid'([0-9a-f-]+)'\)(.*)$/i, otherwise: within(LIST_ROUTES, listById) }
  ],
  unsupported
);
