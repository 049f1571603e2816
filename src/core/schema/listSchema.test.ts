import { indexedFieldComments, normaliseGuid, parseElements, parseListSchema } from './listSchema';

const SCHEMA = `<?xml version="1.0" encoding="utf-8"?>
<List xmlns:ows="Microsoft SharePoint" Title="SE_Test" Url="Lists/SE_Test" BaseType="0" xmlns="http://schemas.microsoft.com/sharepoint/">
  <MetaData>
    <ContentTypes><ContentTypeRef ID="0x01"><Folder TargetName="Item" /></ContentTypeRef></ContentTypes>
    <Fields>
      <!-- Indexed: items of one owner. -->
      <Field ID="{AAAAAAAA-0000-4000-8000-000000000001}" Name="Owner" StaticName="Owner" DisplayName="Owner" Type="User" List="UserInfo" Indexed="TRUE" Required="TRUE" />
      <Field ID="{aaaaaaaa-0000-4000-8000-000000000002}" Name="Kind" StaticName="Kind" DisplayName="Kind &amp; type" Type="Choice">
        <!-- a comment inside a field belongs to that field -->
        <Default>b</Default>
        <CHOICES><CHOICE>a</CHOICE><CHOICE>b</CHOICE></CHOICES>
      </Field>
      <Field ID="{aaaaaaaa-0000-4000-8000-000000000003}" Name="Code" StaticName="Code" DisplayName="a > b" Type="Text" MaxLength="64" Indexed="true" EnforceUniqueValues="TRUE" />
      <Field ID="{aaaaaaaa-0000-4000-8000-000000000004}" Name="Day" StaticName="Day" DisplayName="Day" Type="DateTime" Format="DateOnly" />
    </Fields>
    <Views>
      <View BaseViewID="1" DefaultView="TRUE" Url="AllItems.aspx">
        <RowLimit Paged="TRUE">30</RowLimit>
        <ViewFields><FieldRef Name="LinkTitle" /></ViewFields>
        <Query><OrderBy><FieldRef Name="ID" Ascending="FALSE" /></OrderBy></Query>
      </View>
    </Views>
    <Forms><Form Type="DisplayForm" /></Forms>
  </MetaData>
</List>`;

describe('parseListSchema', () => {
  const schema = parseListSchema(SCHEMA);

  it('reads the list and its fields with their flags', () => {
    expect(schema.title).toBe('SE_Test');
    expect(schema.contentTypes).toEqual(['0x01']);
    expect(schema.fields.map((f) => f.name)).toEqual(['Owner', 'Kind', 'Code', 'Day']);
    expect(schema.fields[0]).toMatchObject({
      id: 'aaaaaaaa-0000-4000-8000-000000000001',
      type: 'User',
      indexed: true,
      unique: false,
      required: true,
      lookupList: 'UserInfo',
      choices: []
    });
    expect(schema.fields[1]).toMatchObject({ displayName: 'Kind & type', choices: ['a', 'b'], defaultValue: 'b', required: false });
    expect(schema.fields[2]).toMatchObject({ indexed: true, unique: true, maxLength: 64 });
    expect(schema.fields[3].format).toBe('DateOnly');
  });

  it('reads the default view and forms', () => {
    expect(schema.views).toEqual([
      {
        url: 'AllItems.aspx',
        displayName: '',
        baseViewId: '1',
        defaultView: true,
        rowLimit: 30,
        paged: true,
        fields: ['LinkTitle'],
        orderBy: [{ name: 'ID', ascending: false }]
      }
    ]);
    expect(schema.forms).toEqual(['DisplayForm']);
  });

  it('rejects XML that is not a list schema', () => {
    expect(() => parseListSchema('<Elements />')).toThrow('<List>');
  });
});

describe('indexedFieldComments', () => {
  it('pairs each indexed field with the comment between it and the previous field', () => {
    expect(indexedFieldComments(SCHEMA)).toEqual([
      { name: 'Owner', comment: 'Indexed: items of one owner.' },
      // The comment inside Kind does not count for Code.
      { name: 'Code' }
    ]);
  });
});

describe('parseElements', () => {
  it('reads list instances and their rows, decoding entities', () => {
    const manifest = parseElements(`<Elements xmlns="http://schemas.microsoft.com/sharepoint/">
      <ListInstance FeatureId="{00BFEA71-DE22-43B2-A848-C05709900100}" TemplateType="100" Title="SE_Test" Url="Lists/SE_Test" CustomSchema="schema-test.xml">
        <Data><Rows>
          <Row><Field Name="Title">A &amp; B</Field><Field Name="Json">{"a":"&lt;b&gt;"}</Field><Field Name="Empty"></Field></Row>
        </Rows></Data>
      </ListInstance>
      <ListInstance TemplateType="100" Title="SE_Other" Url="Lists/SE_Other" />
    </Elements>`);
    expect(manifest.listInstances).toEqual([
      {
        title: 'SE_Test',
        url: 'Lists/SE_Test',
        description: '',
        templateType: 100,
        featureId: '00bfea71-de22-43b2-a848-c05709900100',
        customSchema: 'schema-test.xml',
        rows: [{ Title: 'A & B', Json: '{"a":"<b>"}', Empty: '' }]
      },
      { title: 'SE_Other', url: 'Lists/SE_Other', description: '', templateType: 100, featureId: '', customSchema: undefined, rows: [] }
    ]);
  });
});

describe('normaliseGuid', () => {
  it('drops braces and lower-cases', () => {
    expect(normaliseGuid('{ABCDEF01-0000-4000-8000-000000000000}')).toBe('abcdef01-0000-4000-8000-000000000000');
  });
});
