/**
 * SharePoint lists of the local tenant, created from `sharepoint/assets` and kept in SQLite.
 * The REST handler and the seed both use this interface.
 */
import type { ListSchemaField } from '../../src/core/schema/listSchema';

export interface ListInfo {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly description: string;
  readonly itemCount: number;
  readonly readSecurity: number;
  readonly writeSecurity: number;
  /** SharePoint's `NoCrawl`: search keeps out of the list (false when created, as in SharePoint). */
  readonly noCrawl: boolean;
  readonly fields: readonly ListSchemaField[];
  readonly created: string;
  readonly lastItemModified: string;
}

export interface AddItemOptions {
  /** Site user id of the author (and editor). */
  readonly authorId: number;
  /** Creation time; now when omitted. */
  readonly created?: Date;
}

/** One principal's role definitions on an item with its own permissions. */
export interface ItemRoleAssignment {
  readonly principalId: number;
  readonly roleDefIds: readonly number[];
}

/** One item as stored: field values by internal name; user fields as site user ids. */
export interface StoredItem {
  readonly id: number;
  readonly version: number;
  readonly authorId: number;
  readonly editorId: number;
  readonly created: string;
  readonly modified: string;
  readonly values: Readonly<Record<string, unknown>>;
  /**
   * The item's own role assignments (`breakroleinheritance`), by principal id; undefined while
   * it inherits the list's (the site's). Empty when it has its own permissions and nobody holds any.
   */
  readonly uniqueRoles?: readonly ItemRoleAssignment[];
}

export interface SharePointStore {
  lists(): ListInfo[];
  list(title: string): ListInfo | undefined;
  /**
   * Adds an item the way a REST POST would, without HTTP: values keyed as in a REST payload
   * (`Title`, `Message`, user fields as `RecipientId`). Unique columns are enforced.
   * Returns the new item's id.
   */
  addItem(listTitle: string, values: Readonly<Record<string, unknown>>, options: AddItemOptions): number;
  item(listTitle: string, id: number): StoredItem | undefined;
}
