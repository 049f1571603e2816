/**
 * Reads the provisioning XML in `sharepoint/assets` (elements.xml and the schema-*.xml files).
 *
 * The same files are deployed by the .sppkg and used by the local tenant to create its lists,
 * so this parser is the one place that knows their shape. It takes XML text and does no I/O.
 */
import { XMLParser } from 'fast-xml-parser';

/** Columns every SharePoint list has; models may map onto them without declaring them. */
export const BUILT_IN_FIELD_NAMES = ['ID', 'Title', 'Created', 'Modified', 'Author', 'Editor'] as const;
export type BuiltInFieldName = (typeof BUILT_IN_FIELD_NAMES)[number];

/** SharePoint's own internal names that a custom column must not take. */
export const RESERVED_FIELD_NAMES: readonly string[] = (BUILT_IN_FIELD_NAMES as readonly string[]).concat([
  'Attachments',
  'ContentType',
  'ContentTypeId',
  'Order',
  'Path',
  'Name',
  'FileRef',
  'FileDirRef',
  'FileLeafRef',
  'FSObjType',
  'GUID',
  'UniqueId',
  'Version',
  'LinkTitle',
  'LinkTitleNoMenu',
  'Edit',
  'SelectTitle',
  'DocIcon',
  'ItemChildCount',
  'FolderChildCount',
  'AppAuthor',
  'AppEditor',
  'ComplianceAssetId'
]);

export interface ListSchemaField {
  /** The field's fixed GUID, lower case, without braces. */
  readonly id: string;
  /** Internal name. */
  readonly name: string;
  readonly staticName: string;
  readonly displayName: string;
  /** SharePoint field type: Text, Note, Number, Boolean, DateTime, Choice, User… */
  readonly type: string;
  readonly indexed: boolean;
  /** `EnforceUniqueValues="TRUE"`. */
  readonly unique: boolean;
  readonly required: boolean;
  /** The CHOICE values of a Choice field, in order; empty for other types. */
  readonly choices: readonly string[];
  readonly defaultValue?: string;
  readonly maxLength?: number;
  /** DateTime: `DateTime` or `DateOnly`; Choice: `Dropdown`… */
  readonly format?: string;
  readonly min?: number;
  readonly max?: number;
  readonly numLines?: number;
  readonly richText?: boolean;
  /** User fields: `UserInfo`. */
  readonly lookupList?: string;
}

export interface ListSchemaOrderBy {
  readonly name: string;
  readonly ascending: boolean;
}

export interface ListSchemaView {
  readonly url: string;
  readonly displayName: string;
  readonly baseViewId: string;
  readonly defaultView: boolean;
  readonly rowLimit?: number;
  readonly paged: boolean;
  readonly fields: readonly string[];
  readonly orderBy: readonly ListSchemaOrderBy[];
}

export interface ListSchema {
  readonly title: string;
  readonly url: string;
  readonly baseType: string;
  /** IDs of the content types the list uses (`ContentTypeRef`). */
  readonly contentTypes: readonly string[];
  readonly fields: readonly ListSchemaField[];
  readonly views: readonly ListSchemaView[];
  /** Form types declared: DisplayForm, EditForm, NewForm. */
  readonly forms: readonly string[];
}

/** A provisioned row: internal field name → value as written in the XML. */
export interface ListInstanceRow {
  readonly [fieldName: string]: string;
}

export interface ListInstance {
  readonly title: string;
  readonly url: string;
  readonly description: string;
  readonly templateType: number;
  readonly featureId: string;
  /** The schema file name, relative to the elements manifest. */
  readonly customSchema?: string;
  readonly rows: readonly ListInstanceRow[];
}

export interface ElementsManifest {
  readonly listInstances: readonly ListInstance[];
}

/** An indexed field and the XML comment just above it (absent when there is none). */
export interface IndexedFieldNote {
  readonly name: string;
  readonly comment?: string;
}

export class ListSchemaError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'ListSchemaError';
    // The SPFx build targets ES5, where `instanceof` fails for Error subclasses without this.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

interface XmlNode {
  readonly [key: string]: unknown;
}

const ATTR = '@_';
const TEXT = '#text';
const ARRAY_TAGS: readonly string[] = ['Field', 'CHOICE', 'ListInstance', 'Row', 'View', 'FieldRef', 'Form', 'ContentTypeRef'];

function createParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: ATTR,
    textNodeName: TEXT,
    ignoreDeclaration: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (tagName: string): boolean => ARRAY_TAGS.indexOf(tagName) >= 0
  });
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toNode(value: unknown): XmlNode {
  if (isNode(value)) {
    return value;
  }
  // An element with text only (or nothing) comes back as a string.
  return { [TEXT]: typeof value === 'string' ? value : '' };
}

/** The child elements named `tag`, whatever shape the parser gave them. */
function children(node: XmlNode | undefined, tag: string): XmlNode[] {
  const value = node === undefined ? undefined : node[tag];
  if (value === undefined) {
    return [];
  }
  return Array.isArray(value) ? value.map(toNode) : [toNode(value)];
}

function child(node: XmlNode | undefined, tag: string): XmlNode | undefined {
  return children(node, tag)[0];
}

function attr(node: XmlNode, name: string): string | undefined {
  const value = node[ATTR + name];
  return typeof value === 'string' ? value : undefined;
}

function requiredAttr(node: XmlNode, name: string, where: string): string {
  const value = attr(node, name);
  if (value === undefined || value === '') {
    throw new ListSchemaError(`${where}: attribute ${name} is missing`);
  }
  return value;
}

function text(node: XmlNode | undefined): string {
  if (node === undefined) {
    return '';
  }
  const value = node[TEXT];
  return typeof value === 'string' ? value : '';
}

function flag(value: string | undefined): boolean {
  return value !== undefined && value.toUpperCase() === 'TRUE';
}

function numberOrUndefined(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') {
    return undefined;
  }
  const parsed = Number(value);
  return isNaN(parsed) ? undefined : parsed;
}

/** A GUID as written (`{A1B2…}` or `a1b2…`) in one canonical form: lower case, no braces. */
export function normaliseGuid(value: string): string {
  return value.replace(/^\{/, '').replace(/\}$/, '').toLowerCase();
}

function parseRoot(xml: string, rootTag: string): XmlNode {
  const document: unknown = createParser().parse(xml);
  const root = isNode(document) ? document[rootTag] : undefined;
  if (!isNode(root)) {
    throw new ListSchemaError(`The XML has no <${rootTag}> root element`);
  }
  return root;
}

function parseField(node: XmlNode, listTitle: string): ListSchemaField {
  const name = requiredAttr(node, 'Name', `${listTitle}: a Field`);
  const where = `${listTitle}.${name}`;
  const defaultNode = child(node, 'Default');
  const field: ListSchemaField = {
    id: normaliseGuid(requiredAttr(node, 'ID', where)),
    name,
    staticName: attr(node, 'StaticName') ?? name,
    displayName: attr(node, 'DisplayName') ?? name,
    type: requiredAttr(node, 'Type', where),
    indexed: flag(attr(node, 'Indexed')),
    unique: flag(attr(node, 'EnforceUniqueValues')),
    required: flag(attr(node, 'Required')),
    choices: children(child(node, 'CHOICES'), 'CHOICE').map((choice) => text(choice)),
    defaultValue: defaultNode === undefined ? undefined : text(defaultNode),
    maxLength: numberOrUndefined(attr(node, 'MaxLength')),
    format: attr(node, 'Format'),
    min: numberOrUndefined(attr(node, 'Min')),
    max: numberOrUndefined(attr(node, 'Max')),
    numLines: numberOrUndefined(attr(node, 'NumLines')),
    richText: attr(node, 'RichText') === undefined ? undefined : flag(attr(node, 'RichText')),
    lookupList: attr(node, 'List')
  };
  return field;
}

function parseView(node: XmlNode): ListSchemaView {
  const rowLimit = child(node, 'RowLimit');
  return {
    url: attr(node, 'Url') ?? '',
    displayName: attr(node, 'DisplayName') ?? '',
    baseViewId: attr(node, 'BaseViewID') ?? '',
    defaultView: flag(attr(node, 'DefaultView')),
    rowLimit: rowLimit === undefined ? undefined : numberOrUndefined(text(rowLimit)),
    paged: rowLimit !== undefined && flag(attr(rowLimit, 'Paged')),
    fields: children(child(node, 'ViewFields'), 'FieldRef').map((ref) => requiredAttr(ref, 'Name', 'ViewFields')),
    orderBy: children(child(child(node, 'Query'), 'OrderBy'), 'FieldRef').map((ref) => ({
      name: requiredAttr(ref, 'Name', 'OrderBy'),
      // SharePoint sorts ascending unless told otherwise.
      ascending: attr(ref, 'Ascending') === undefined ? true : flag(attr(ref, 'Ascending'))
    }))
  };
}

/** Parses a list schema (`<List>` with `<MetaData>`): fields, views, forms. */
export function parseListSchema(xml: string): ListSchema {
  const list = parseRoot(xml, 'List');
  const title = attr(list, 'Title') ?? '';
  const metaData = child(list, 'MetaData');
  return {
    title,
    url: attr(list, 'Url') ?? '',
    baseType: attr(list, 'BaseType') ?? '',
    contentTypes: children(child(metaData, 'ContentTypes'), 'ContentTypeRef').map((ref) =>
      requiredAttr(ref, 'ID', `${title}: ContentTypeRef`)
    ),
    fields: children(child(metaData, 'Fields'), 'Field').map((field) => parseField(field, title)),
    views: children(child(metaData, 'Views'), 'View').map(parseView),
    forms: children(child(metaData, 'Forms'), 'Form').map((form) => attr(form, 'Type') ?? '')
  };
}

/** Parses an elements manifest: its list instances with their provisioned rows. */
export function parseElements(xml: string): ElementsManifest {
  const elements = parseRoot(xml, 'Elements');
  return {
    listInstances: children(elements, 'ListInstance').map((instance): ListInstance => {
      const title = requiredAttr(instance, 'Title', 'ListInstance');
      return {
        title,
        url: requiredAttr(instance, 'Url', title),
        description: attr(instance, 'Description') ?? '',
        templateType: numberOrUndefined(attr(instance, 'TemplateType')) ?? 0,
        featureId: normaliseGuid(attr(instance, 'FeatureId') ?? ''),
        customSchema: attr(instance, 'CustomSchema'),
        rows: children(child(child(instance, 'Data'), 'Rows'), 'Row').map((row) => {
          const values: { [fieldName: string]: string } = {};
          children(row, 'Field').forEach((field) => {
            values[requiredAttr(field, 'Name', `${title}: a Row Field`)] = text(field);
          });
          return values;
        })
      };
    })
  };
}

/** The attributes of a raw start tag, by name. */
function rawAttributes(attributes: string): { readonly [name: string]: string } {
  const found: { [name: string]: string } = {};
  const pattern = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let match = pattern.exec(attributes);
  while (match !== null) {
    found[match[1]] = match[2] !== undefined ? match[2] : match[3];
    match = pattern.exec(attributes);
  }
  return found;
}

/**
 * For each indexed field of a list schema, the XML comment between the previous field and this
 * one. Works on the raw text because parsers drop comments; the comment is where the schema
 * says which query needs the index to stay under the list view threshold.
 */
export function indexedFieldComments(xml: string): IndexedFieldNote[] {
  const start = /<Fields\b[^>]*>/.exec(xml);
  if (start === null) {
    return [];
  }
  const end = xml.indexOf('</Fields>', start.index);
  const section = xml.substring(start.index + start[0].length, end < 0 ? xml.length : end);
  const notes: IndexedFieldNote[] = [];
  let pendingComments: string[] = [];
  let insideField = false;
  // An XML comment, a <Field …> start tag (attribute values may hold '>'), or a </Field> end tag.
  const tokens = /<!--([\s\S]*?)-->|<Field\b((?:[^>"']|"[^"]*"|'[^']*')*)>|<\/Field\s*>/g;
  let token = tokens.exec(section);
  while (token !== null) {
    const commentText: string | undefined = token[1];
    const attributes: string | undefined = token[2];
    if (commentText !== undefined) {
      // Comments inside a field (between its child elements) belong to that field, not the next.
      if (!insideField) {
        pendingComments.push(commentText.trim());
      }
    } else if (attributes !== undefined) {
      if (!insideField) {
        const fieldAttributes = rawAttributes(attributes);
        const name = fieldAttributes.Name ?? '';
        if (flag(fieldAttributes.Indexed)) {
          const comment = pendingComments.join(' ').trim();
          notes.push(comment === '' ? { name } : { name, comment });
        }
        pendingComments = [];
        // `<Field … />` closes itself; `<Field …>` has children up to `</Field>`.
        insideField = !/\/\s*$/.test(attributes);
      }
    } else {
      insideField = false;
    }
    token = tokens.exec(section);
  }
  return notes;
}
