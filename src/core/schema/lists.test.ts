/**
 * One source of truth: `sharepoint/assets` (what the .sppkg provisions and the local tenant
 * creates) must agree with the list registry and the models. Every test collects all problems
 * and compares with `[]`, so a failure names each offending list and field.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ruleFor } from '../setup/listSecurity';
import {
  ACTION_PLAN_STATUSES,
  ASSIGNMENT_REASONS,
  COMMENT_AUTHOR_ROLES,
  COMMENT_STATUSES,
  DEFAULT_ANONYMITY_THRESHOLDS,
  DEFAULT_VALUE_KEYS,
  LEARNING_CATEGORIES,
  PARTICIPATION_STATUSES,
  PROGRESS_STATUSES,
  PULSE_DRIVERS,
  QUESTION_KINDS,
  REACTION_KINDS,
  RECOGNITION_KINDS,
  RECOGNITION_STATUSES,
  RECOGNITION_VISIBILITIES,
  REPORT_STATUSES,
  ROUND_STATUSES,
  SCHEMA_VERSION,
  SHIPPED_LANGUAGES,
  SKILL_LEVELS,
  STEP_KINDS,
  SURVEY_CADENCES,
  SURVEY_STATUSES
} from '../models';
import type { RecognitionValue } from '../models/values';
import { valueSuggestions } from '../recognition/suggestions';
import { LIST_KEYS, LISTS, ListDefinition, ListKey, ListModels } from './lists';
import {
  BUILT_IN_FIELD_NAMES,
  indexedFieldComments,
  ListInstance,
  ListInstanceRow,
  ListSchema,
  ListSchemaField,
  parseElements,
  parseListSchema,
  RESERVED_FIELD_NAMES
} from './listSchema';

const ASSETS = path.resolve(__dirname, '../../../sharepoint/assets');
const CUSTOM_LIST_FEATURE_ID = '00bfea71-de22-43b2-a848-c05709900100';
const MAX_INDEXES_PER_LIST = 20;

function readAsset(file: string): string {
  return fs.readFileSync(path.join(ASSETS, file), 'utf8');
}

const manifest = parseElements(readAsset('elements.xml'));
const schemaFilesOnDisk = fs.readdirSync(ASSETS).filter((file) => /^schema-.+\.xml$/.test(file));

interface LoadedSchema {
  readonly key: ListKey;
  readonly xml: string;
  readonly schema: ListSchema;
}

/** The schemas of registry lists whose file exists (a missing file is its own failure). */
const schemas: LoadedSchema[] = LIST_KEYS.filter((key) => fs.existsSync(path.join(ASSETS, LISTS[key].schemaFile))).map(
  (key) => {
    const xml = readAsset(LISTS[key].schemaFile);
    return { key, xml, schema: parseListSchema(xml) };
  }
);

function schemaOf(key: ListKey): ListSchema {
  const loaded = schemas.filter((s) => s.key === key)[0];
  if (loaded === undefined) {
    throw new Error(`No schema loaded for ${key} (${LISTS[key].schemaFile})`);
  }
  return loaded.schema;
}

function fieldOf(key: ListKey, name: string): ListSchemaField | undefined {
  return schemaOf(key).fields.filter((f) => f.name === name)[0];
}

function instanceOf(key: ListKey): ListInstance | undefined {
  return manifest.listInstances.filter((i) => i.title === LISTS[key].title)[0];
}

function rowsOf(key: ListKey): readonly ListInstanceRow[] {
  const instance = instanceOf(key);
  return instance === undefined ? [] : instance.rows;
}

function parseJson(text: string | undefined): unknown {
  return JSON.parse(text ?? 'null');
}

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

const builtIns: readonly string[] = BUILT_IN_FIELD_NAMES;

// Compile-time: each registry field map names exactly the properties of its model. A model
// property without a column (or a column without a property) makes this file fail to compile.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
const fieldMapsMatchModels: { readonly [K in ListKey]: SameKeys<ListModels[K], ListDefinition<K>['fields']> } = {
  settings: true,
  values: true,
  recognitions: true,
  reactions: true,
  reports: true,
  preferences: true,
  questions: true,
  surveys: true,
  surveyRounds: true,
  responses: true,
  participation: true,
  reminders: true,
  comments: true,
  actionPlans: true,
  learningPaths: true,
  learningSteps: true,
  assignments: true,
  progress: true,
  skills: true
};

/** Every Choice column and the model's const array its CHOICE values must equal. */
const CHOICE_FIELDS: ReadonlyArray<{ readonly list: ListKey; readonly field: string; readonly values: readonly string[] }> = [
  { list: 'recognitions', field: 'Kind', values: RECOGNITION_KINDS },
  { list: 'recognitions', field: 'Visibility', values: RECOGNITION_VISIBILITIES },
  { list: 'recognitions', field: 'Status', values: RECOGNITION_STATUSES },
  { list: 'reactions', field: 'Kind', values: REACTION_KINDS },
  { list: 'reports', field: 'Status', values: REPORT_STATUSES },
  { list: 'questions', field: 'Driver', values: PULSE_DRIVERS },
  { list: 'questions', field: 'Kind', values: QUESTION_KINDS },
  { list: 'surveys', field: 'Status', values: SURVEY_STATUSES },
  { list: 'surveys', field: 'Cadence', values: SURVEY_CADENCES },
  { list: 'surveyRounds', field: 'Status', values: ROUND_STATUSES },
  { list: 'participation', field: 'Status', values: PARTICIPATION_STATUSES },
  { list: 'comments', field: 'AuthorRole', values: COMMENT_AUTHOR_ROLES },
  { list: 'comments', field: 'Status', values: COMMENT_STATUSES },
  { list: 'actionPlans', field: 'Driver', values: PULSE_DRIVERS },
  { list: 'actionPlans', field: 'Status', values: ACTION_PLAN_STATUSES },
  { list: 'learningPaths', field: 'Category', values: LEARNING_CATEGORIES },
  { list: 'learningSteps', field: 'Kind', values: STEP_KINDS },
  { list: 'assignments', field: 'Reason', values: ASSIGNMENT_REASONS },
  { list: 'progress', field: 'Status', values: PROGRESS_STATUSES },
  { list: 'skills', field: 'Level', values: SKILL_LEVELS }
];

describe('list registry and elements.xml', () => {
  it('has a ListInstance for every registry list, and a registry list for every ListInstance', () => {
    const problems: string[] = [];
    for (const key of LIST_KEYS) {
      const list = LISTS[key];
      const instances = manifest.listInstances.filter((i) => i.title === list.title);
      if (instances.length !== 1) {
        problems.push(`${list.title}: ${instances.length} ListInstance elements, expected 1`);
        continue;
      }
      const instance = instances[0];
      if (instance.url !== list.url) problems.push(`${list.title}: Url ${instance.url}, registry ${list.url}`);
      if (instance.customSchema !== list.schemaFile) {
        problems.push(`${list.title}: CustomSchema ${String(instance.customSchema)}, registry ${list.schemaFile}`);
      }
      if (instance.templateType !== 100) problems.push(`${list.title}: TemplateType ${instance.templateType}`);
      if (instance.featureId !== CUSTOM_LIST_FEATURE_ID) problems.push(`${list.title}: FeatureId ${instance.featureId}`);
      if (instance.description.trim() === '') problems.push(`${list.title}: no Description`);
    }
    const registryTitles: string[] = LIST_KEYS.map((key) => LISTS[key].title);
    for (const instance of manifest.listInstances) {
      if (registryTitles.indexOf(instance.title) < 0) problems.push(`${instance.title}: ListInstance not in the registry`);
    }
    expect(problems).toEqual([]);
  });

  it('finds every CustomSchema file, and every schema file is used', () => {
    const problems: string[] = [];
    for (const instance of manifest.listInstances) {
      if (instance.customSchema === undefined) {
        problems.push(`${instance.title}: no CustomSchema`);
      } else if (!fs.existsSync(path.join(ASSETS, instance.customSchema))) {
        problems.push(`${instance.title}: ${instance.customSchema} does not exist`);
      }
    }
    const used = manifest.listInstances.map((i) => i.customSchema);
    for (const file of schemaFilesOnDisk) {
      if (used.indexOf(file) < 0) problems.push(`${file}: not referenced by any ListInstance`);
    }
    expect(problems).toEqual([]);
  });

  it('uses each list title and url once', () => {
    const titles: string[] = LIST_KEYS.map((key) => LISTS[key].title);
    const urls: string[] = LIST_KEYS.map((key) => LISTS[key].url);
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
    expect(urls.filter((u, i) => urls.indexOf(u) !== i)).toEqual([]);
    expect(LIST_KEYS.filter((key) => LISTS[key].url !== `Lists/${LISTS[key].title}`)).toEqual([]);
  });
});

describe('list schemas', () => {
  it('loads a schema for every registry list', () => {
    expect(schemas.map((s) => s.key)).toEqual(LIST_KEYS);
  });

  it('declares the list title, url, item content type, a default paged view by ID and the three forms', () => {
    const problems: string[] = [];
    for (const { key, schema } of schemas) {
      const list = LISTS[key];
      if (schema.title !== list.title) problems.push(`${list.schemaFile}: Title ${schema.title}`);
      if (schema.url !== list.url) problems.push(`${list.schemaFile}: Url ${schema.url}`);
      if (schema.baseType !== '0') problems.push(`${list.schemaFile}: BaseType ${schema.baseType}`);
      if (schema.contentTypes.join() !== '0x01') problems.push(`${list.schemaFile}: content types ${schema.contentTypes.join()}`);
      const defaults = schema.views.filter((v) => v.defaultView);
      if (defaults.length !== 1) {
        problems.push(`${list.schemaFile}: ${defaults.length} default views`);
      } else {
        const view = defaults[0];
        if (view.url !== 'AllItems.aspx' || !view.paged || view.fields.length === 0) {
          problems.push(`${list.schemaFile}: default view must be AllItems.aspx, paged, with fields`);
        }
        if (view.orderBy.length !== 1 || view.orderBy[0].name !== 'ID' || view.orderBy[0].ascending) {
          problems.push(`${list.schemaFile}: default view must order by ID descending`);
        }
      }
      if (schema.forms.slice().sort().join() !== 'DisplayForm,EditForm,NewForm') {
        problems.push(`${list.schemaFile}: forms ${schema.forms.join()}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names fields in PascalCase, StaticName = Name, once per list, never a reserved name', () => {
    const problems: string[] = [];
    for (const { key, schema } of schemas) {
      const names = schema.fields.map((f) => f.name);
      for (const field of schema.fields) {
        const where = `${LISTS[key].title}.${field.name}`;
        if (!/^[A-Z][A-Za-z0-9]*$/.test(field.name)) problems.push(`${where}: not PascalCase`);
        if (field.staticName !== field.name) problems.push(`${where}: StaticName ${field.staticName}`);
        if (RESERVED_FIELD_NAMES.indexOf(field.name) >= 0) problems.push(`${where}: reserved internal name`);
        if (names.indexOf(field.name) !== names.lastIndexOf(field.name)) problems.push(`${where}: declared twice`);
        if (field.displayName.trim() === '') problems.push(`${where}: no DisplayName`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every field a well-formed GUID, unique across all schemas', () => {
    const seen: { [id: string]: string } = {};
    const problems: string[] = [];
    for (const { key, schema } of schemas) {
      for (const field of schema.fields) {
        const where = `${LISTS[key].title}.${field.name}`;
        if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(field.id)) {
          problems.push(`${where}: ID ${field.id} is not a GUID`);
        }
        if (seen[field.id] !== undefined) problems.push(`${where}: ID ${field.id} also used by ${seen[field.id]}`);
        seen[field.id] = where;
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps list-specific attributes valid (User fields on UserInfo, Notes plain text, Text with MaxLength)', () => {
    const problems: string[] = [];
    for (const { key, schema } of schemas) {
      for (const field of schema.fields) {
        const where = `${LISTS[key].title}.${field.name}`;
        if (field.type === 'User' && field.lookupList !== 'UserInfo') problems.push(`${where}: User field not on UserInfo`);
        if (field.type === 'Note' && field.richText !== false) problems.push(`${where}: Note must set RichText="FALSE"`);
        if (field.type === 'Note' && field.indexed) problems.push(`${where}: a Note column cannot be indexed`);
        if (field.type === 'Text' && (field.maxLength === undefined || field.maxLength > 255)) {
          problems.push(`${where}: Text needs MaxLength ≤ 255`);
        }
        if (field.type === 'DateTime' && field.format !== 'DateTime' && field.format !== 'DateOnly') {
          problems.push(`${where}: DateTime needs Format DateTime or DateOnly`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('lists only existing fields in views', () => {
    const viewOnly = ['LinkTitle', 'LinkTitleNoMenu', 'Attachments'];
    const problems: string[] = [];
    for (const { key, schema } of schemas) {
      const known = schema.fields.map((f) => f.name).concat(builtIns, viewOnly);
      for (const view of schema.views) {
        for (const name of view.fields) {
          if (known.indexOf(name) < 0) problems.push(`${LISTS[key].title} view ${view.url}: unknown field ${name}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('registry field maps', () => {
  it('cover every model property (checked when this file compiles)', () => {
    expect(Object.keys(fieldMapsMatchModels).sort()).toEqual(LIST_KEYS.slice().sort());
  });

  it('name only fields the list schema declares (or built-ins)', () => {
    const problems: string[] = [];
    for (const { key, schema } of schemas) {
      const declared = schema.fields.map((f) => f.name);
      const fields: { readonly [property: string]: string } = LISTS[key].fields;
      for (const property of Object.keys(fields)) {
        const name = fields[property];
        if (declared.indexOf(name) < 0 && builtIns.indexOf(name) < 0) {
          problems.push(`${LISTS[key].title}: ${property} → ${name}, not in ${LISTS[key].schemaFile}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('map every declared column, each to one property', () => {
    const problems: string[] = [];
    for (const { key, schema } of schemas) {
      const fields: { readonly [property: string]: string } = LISTS[key].fields;
      const mapped = Object.keys(fields).map((property) => fields[property]);
      for (const field of schema.fields) {
        if (mapped.indexOf(field.name) < 0) problems.push(`${LISTS[key].title}.${field.name}: no model property maps to it`);
      }
      mapped
        .filter((name, i) => mapped.indexOf(name) !== i)
        .forEach((name) => problems.push(`${LISTS[key].title}.${name}: mapped by two properties`));
      if (fields.id !== 'ID') problems.push(`${LISTS[key].title}: id must map to ID`);
    }
    expect(problems).toEqual([]);
  });
});

describe('choice fields', () => {
  it('have exactly the CHOICE values of the model const arrays, in order, with a valid default', () => {
    const problems: string[] = [];
    for (const { list, field: name, values } of CHOICE_FIELDS) {
      const field = fieldOf(list, name);
      const where = `${LISTS[list].title}.${name}`;
      if (field === undefined) {
        problems.push(`${where}: missing`);
        continue;
      }
      if (field.type !== 'Choice') problems.push(`${where}: type ${field.type}, expected Choice`);
      if (field.choices.join('|') !== values.join('|')) {
        problems.push(`${where}: CHOICES [${field.choices.join(', ')}], model [${values.join(', ')}]`);
      }
      if (field.defaultValue !== undefined && values.indexOf(field.defaultValue) < 0) {
        problems.push(`${where}: default ${field.defaultValue} is not a choice`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('are all mapped to a model const array in this test', () => {
    const unmapped: string[] = [];
    for (const { key, schema } of schemas) {
      schema.fields
        .filter((f) => f.type === 'Choice' || f.type === 'MultiChoice')
        .filter((f) => !CHOICE_FIELDS.some((c) => c.list === key && c.field === f.name))
        .forEach((f) => unmapped.push(`${LISTS[key].title}.${f.name}`));
    }
    expect(unmapped).toEqual([]);
  });
});

describe('unique columns and item-level security', () => {
  it('never put a unique column in a list whose readers see only their own items, or whose items get permissions of their own (SharePoint refuses both pairs)', () => {
    const problems: string[] = [];
    for (const { key, schema } of schemas) {
      const title = LISTS[key].title;
      const rule = ruleFor(title);
      if (rule.read === 2 || rule.itemPermissions === true) {
        schema.fields.filter((f) => f.unique).forEach((f) => problems.push(`${title}.${f.name}`));
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('indexes (list view threshold)', () => {
  it('index every unique column (SharePoint requires it)', () => {
    const problems: string[] = [];
    for (const { key, schema } of schemas) {
      schema.fields
        .filter((f) => f.unique && !f.indexed)
        .forEach((f) => problems.push(`${LISTS[key].title}.${f.name}: EnforceUniqueValues without Indexed`));
    }
    expect(problems).toEqual([]);
  });

  it(`stay within ${MAX_INDEXES_PER_LIST} indexed columns per list`, () => {
    const problems: string[] = [];
    for (const { key, schema } of schemas) {
      const count = schema.fields.filter((f) => f.indexed).length;
      if (count > MAX_INDEXES_PER_LIST) problems.push(`${LISTS[key].title}: ${count} indexes`);
    }
    expect(problems).toEqual([]);
  });

  it('explain each index in an XML comment just above the field', () => {
    const problems: string[] = [];
    for (const { key, xml, schema } of schemas) {
      const notes = indexedFieldComments(xml);
      const indexed = schema.fields.filter((f) => f.indexed).map((f) => f.name);
      if (notes.map((n) => n.name).join() !== indexed.join()) {
        problems.push(`${LISTS[key].title}: raw scan found [${notes.map((n) => n.name).join()}], parser [${indexed.join()}]`);
      }
      notes
        .filter((n) => n.comment === undefined || n.comment.length < 12)
        .forEach((n) => problems.push(`${LISTS[key].title}.${n.name}: indexed without a comment saying which query needs it`));
    }
    expect(problems).toEqual([]);
  });
});

describe('provisioned rows', () => {
  it('only set fields the list declares, with distinct values in unique columns', () => {
    const problems: string[] = [];
    for (const { key, schema } of schemas) {
      const rows = rowsOf(key);
      const declared = schema.fields.map((f) => f.name).concat(['Title']);
      rows.forEach((row, index) => {
        Object.keys(row)
          .filter((name) => declared.indexOf(name) < 0)
          .forEach((name) => problems.push(`${LISTS[key].title} row ${index + 1}: unknown field ${name}`));
        schema.fields
          .filter((f) => f.required && (row[f.name] === undefined || row[f.name].trim() === ''))
          .forEach((f) => problems.push(`${LISTS[key].title} row ${index + 1}: required ${f.name} is empty`));
        schema.fields
          .filter((f) => f.type === 'Choice' && row[f.name] !== undefined && f.choices.indexOf(row[f.name]) < 0)
          .forEach((f) => problems.push(`${LISTS[key].title} row ${index + 1}: ${f.name} ${row[f.name]} is not a choice`));
      });
      for (const field of schema.fields.filter((f) => f.unique)) {
        const values = rows.map((row) => row[field.name]);
        values
          .filter((v, i) => values.indexOf(v) !== i)
          .forEach((v) => problems.push(`${LISTS[key].title}.${field.name}: ${v} provisioned twice`));
      }
    }
    expect(problems).toEqual([]);
  });

  it('seed the schema version and the anonymity thresholds', () => {
    const settings = rowsOf('settings');
    const byKey = (k: string): ListInstanceRow | undefined => settings.filter((row) => row.Key === k)[0];
    expect(parseJson(byKey('SchemaVersion')?.Value)).toBe(SCHEMA_VERSION);
    expect(parseJson(byKey('AnonymityThresholds')?.Value)).toEqual(DEFAULT_ANONYMITY_THRESHOLDS);
  });

  it('provision the five default values with en-us, nl-nl and sv-se names and descriptions', () => {
    const rows = rowsOf('values');
    expect(rows.map((row) => row.ValueKey).sort()).toEqual(DEFAULT_VALUE_KEYS.slice().sort());
    const problems: string[] = [];
    for (const row of rows) {
      const translations = parseJson(row.Translations);
      if (!isRecord(translations)) {
        problems.push(`${row.ValueKey}: Translations is not a JSON object`);
        continue;
      }
      for (const language of SHIPPED_LANGUAGES) {
        const text = translations[language];
        if (!isRecord(text) || !nonEmptyString(text.name) || !nonEmptyString(text.description)) {
          problems.push(`${row.ValueKey}: no ${language} name and description`);
        }
      }
      const english = translations['en-us'];
      if (isRecord(english) && english.name !== row.Title) problems.push(`${row.ValueKey}: Title is not the en-us name`);
      if (!/^#[0-9A-Fa-f]{6}$/.test(row.Color ?? '')) problems.push(`${row.ValueKey}: Color ${String(row.Color)}`);
      if (!nonEmptyString(row.IconName)) problems.push(`${row.ValueKey}: no IconName`);
      if (row.IsActive !== '1') problems.push(`${row.ValueKey}: not active`);
    }
    expect(problems).toEqual([]);
  });

  it('provision suggested lines for each default value in en-us, nl-nl and sv-se, each one a line that can be sent', () => {
    const problems: string[] = [];
    for (const row of rowsOf('values')) {
      const translations = parseJson(row.Translations);
      for (const language of SHIPPED_LANGUAGES) {
        const text = isRecord(translations) ? translations[language] : undefined;
        const stored = isRecord(text) && Array.isArray(text.suggestions) ? text.suggestions : [];
        const offered = valueSuggestions({ translations: isRecord(translations) ? (translations as RecognitionValue['translations']) : {} }, language);
        if (stored.length < 3) problems.push(`${row.ValueKey}: fewer than 3 ${language} suggestions`);
        // Every stored line is offered as it is: none is dropped, cut or changed on the way.
        if (JSON.stringify(offered) !== JSON.stringify(stored)) problems.push(`${row.ValueKey}: ${language} suggestions not offered as stored`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('provision at least one active question per driver, each in en-us, nl-nl and sv-se', () => {
    const rows = rowsOf('questions');
    const problems: string[] = [];
    for (const driver of PULSE_DRIVERS) {
      if (!rows.some((row) => row.Driver === driver && row.IsActive === '1')) problems.push(`${driver}: no question`);
    }
    for (const row of rows) {
      const translations = parseJson(row.Translations);
      for (const language of SHIPPED_LANGUAGES) {
        const text = isRecord(translations) ? translations[language] : undefined;
        if (!isRecord(text) || !nonEmptyString(text.text)) problems.push(`${row.QuestionKey}: no ${language} text`);
      }
      if ((row.Driver === 'enps') !== (row.Kind === 'enps11')) problems.push(`${row.QuestionKey}: eNPS goes with enps11`);
    }
    expect(problems).toEqual([]);
  });
});

describe('confidentiality of pulse answers', () => {
  it('keeps person, time and plain answer columns out of SE_Responses and answers out of SE_Participation', () => {
    const responses = schemaOf('responses').fields;
    expect(responses.filter((f) => f.type === 'User' || f.type === 'UserMulti' || f.type === 'DateTime').map((f) => f.name)).toEqual([]);
    // Only the round, the survey, the box's place and the encrypted box.
    expect(responses.map((f) => f.name).sort()).toEqual(['BoxKey', 'Envelope', 'RoundId', 'SurveyId']);
    const participation = schemaOf('participation').fields.map((f) => f.name);
    expect(participation.filter((name) => ['Answers', 'GroupKey', 'Body', 'SubmissionKey', 'Envelope', 'BoxKey'].indexOf(name) >= 0)).toEqual([]);
  });

  it('keeps versioning off on SE_Responses and SE_Participation (an older version would keep a box or a token)', () => {
    const versioning = (title: string): string | undefined => {
      const xml = fs.readFileSync(path.join(ASSETS, 'elements.xml'), 'utf8');
      const instance = (xml.split('<ListInstance').find((part) => part.indexOf(`Title="${title}"`) >= 0) ?? '').split('>')[0];
      return /VersioningEnabled="([A-Z]+)"/.exec(instance)?.[1];
    };
    expect([versioning('SE_Responses'), versioning('SE_Participation')]).toEqual(['FALSE', 'FALSE']);
  });
});

describe('integrity of learning (docs/learning.md)', () => {
  it('keeps quiz answers and scores out of plain columns: only the sealed QuizKey and QuizResult hold them', () => {
    const plain = ['learningSteps', 'progress', 'skills', 'assignments'] as const;
    const problems: string[] = [];
    for (const key of plain) {
      schemaOf(key)
        .fields.filter((f) => /score|correct|answer|attempt/i.test(f.name))
        .forEach((f) => problems.push(`${LISTS[key].title}.${f.name}`));
    }
    expect(problems).toEqual([]);
    expect([fieldOf('learningSteps', 'QuizKey')?.type, fieldOf('progress', 'QuizResult')?.type]).toEqual(['Note', 'Note']);
  });

  it('records where a sign-off happened and its note, and which path granted a level', () => {
    expect(['SignOffStation', 'SignOffNote', 'SignedOffBy', 'SignedOffAt'].map((name) => fieldOf('progress', name)?.name)).toEqual([
      'SignOffStation',
      'SignOffNote',
      'SignedOffBy',
      'SignedOffAt'
    ]);
    expect(fieldOf('progress', 'SignOffStation')?.maxLength).toBe(64);
    expect(fieldOf('skills', 'PathId')?.type).toBe('Number');
  });
});
