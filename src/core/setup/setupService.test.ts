import { ListSecurityRule, ListState } from './listSecurity';
import { SetupError, SetupService, SiteListsGateway } from './setupService';

/** A site held in memory: the typed fake of the gateway. */
class InMemorySite implements SiteListsGateway {
  public readonly applied: string[] = [];
  public constructor(
    private readonly lists: Map<string, ListState>,
    private readonly denied: ReadonlySet<string> = new Set()
  ) {}

  public async readLists(titles: readonly string[]): Promise<ListState[]> {
    return titles.map((title) => this.lists.get(title) ?? { title, exists: false });
  }

  public async applySecurity(
    title: string,
    rule: Pick<ListSecurityRule, 'read' | 'write'>
  ): Promise<void> {
    if (this.denied.has(title)) {
      throw new SetupError('accessDenied', `Access denied to ${title}`);
    }
    const current = this.lists.get(title);
    if (!current) {
      throw new SetupError('notFound', `${title} does not exist`);
    }
    this.lists.set(title, { ...current, readSecurity: rule.read, writeSecurity: rule.write });
    this.applied.push(title);
  }
}

function siteWith(...states: ListState[]): Map<string, ListState> {
  return new Map(states.map((s) => [s.title, s]));
}

describe('SetupService', () => {
  it('checks every list it was given, in order', async () => {
    const site = new InMemorySite(
      siteWith({ title: 'SE_Values', exists: true, itemCount: 5, readSecurity: 1, writeSecurity: 4 })
    );
    const checks = await new SetupService(site, ['SE_Values', 'SE_Reactions']).check();
    expect(checks.map((c) => [c.title, c.status])).toEqual([
      ['SE_Values', 'ok'],
      ['SE_Reactions', 'missing']
    ]);
  });

  it('secures only the lists that need it and then reports them ready', async () => {
    const site = new InMemorySite(
      siteWith(
        { title: 'SE_Values', exists: true, readSecurity: 1, writeSecurity: 4 },
        { title: 'SE_Participation', exists: true, readSecurity: 1, writeSecurity: 1 }
      )
    );
    const service = new SetupService(site, ['SE_Values', 'SE_Participation']);
    const results = await service.secure(await service.check());
    expect(results).toEqual([{ title: 'SE_Participation', ok: true }]);
    expect(site.applied).toEqual(['SE_Participation']);
    expect((await service.check()).every((c) => c.status === 'ok')).toBe(true);
  });

  it('goes on after one list fails and says which one and why', async () => {
    const site = new InMemorySite(
      siteWith(
        { title: 'SE_Reports', exists: true, readSecurity: 1, writeSecurity: 1 },
        { title: 'SE_Reactions', exists: true, readSecurity: 1, writeSecurity: 1 }
      ),
      new Set(['SE_Reports'])
    );
    const service = new SetupService(site, ['SE_Reports', 'SE_Reactions']);
    const results = await service.secure(await service.check());
    expect(results).toEqual([
      { title: 'SE_Reports', ok: false, error: 'accessDenied' },
      { title: 'SE_Reactions', ok: true }
    ]);
  });

  it('reports an error it does not know as unexpected instead of hiding it', async () => {
    const broken: SiteListsGateway = {
      readLists: async (titles) =>
        titles.map((title) => ({ title, exists: true, readSecurity: 1, writeSecurity: 1 })),
      applySecurity: async () => {
        throw new TypeError('boom');
      }
    };
    const service = new SetupService(broken, ['SE_Reports']);
    expect(await service.secure(await service.check())).toEqual([
      { title: 'SE_Reports', ok: false, error: 'unexpected' }
    ]);
  });
});
