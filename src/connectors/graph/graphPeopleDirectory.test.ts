import type { RetryPolicy } from './graphBatch';
import type { GraphClientLike, GraphRequestLike } from './graphClient';
import { GraphPeopleDirectory } from './graphPeopleDirectory';

interface InnerRequest {
  readonly id: string;
  readonly url: string;
}

const noWait: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => undefined, random: () => 0 };

/** Answers every search with one person, recording the URLs asked for in `$batch`. */
class FakeGraph implements GraphClientLike {
  public readonly urls: string[] = [];

  public api(): GraphRequestLike {
    return {
      get: async () => undefined,
      post: async (content: unknown) => {
        const requests = (content as { requests: InnerRequest[] }).requests;
        this.urls.push(...requests.map((r) => r.url));
        return {
          responses: requests.map((r) => ({ id: r.id, status: 200, headers: {}, body: { value: [{ id: 'u1', displayName: 'Leyla Ünal' }] } }))
        };
      }
    };
  }
}

function searchedFor(url: string): string {
  const match = /\$search=([^&]*)/.exec(url);
  return match ? decodeURIComponent(match[1]) : '';
}

describe('GraphPeopleDirectory.search', () => {
  it('searches by display name, quoting what was typed', async () => {
    const graph = new FakeGraph();
    const people = await new GraphPeopleDirectory(graph, { retry: noWait }).search('Leyla Ü');
    expect(people.map((p) => p.displayName)).toEqual(['Leyla Ünal']);
    expect(searchedFor(graph.urls[0])).toBe('"displayName:Leyla Ü"');
  });

  it('does not throw "URI malformed" on half an emoji (a lone surrogate): it is left out', async () => {
    const graph = new FakeGraph();
    const directory = new GraphPeopleDirectory(graph, { retry: noWait });
    await expect(directory.search('Le\uD83D')).resolves.toHaveLength(1);
    expect(searchedFor(graph.urls[0])).toBe('"displayName:Le"');
    await expect(directory.search('Ann \uDC4D👍')).resolves.toHaveLength(1);
    expect(searchedFor(graph.urls[1])).toBe('"displayName:Ann 👍"');
  });

  it('asks nothing when only a lone surrogate or quotes were typed', async () => {
    const graph = new FakeGraph();
    const directory = new GraphPeopleDirectory(graph, { retry: noWait });
    expect(await directory.search('\uD83D')).toEqual([]);
    expect(await directory.search(' "\\ ')).toEqual([]);
    expect(graph.urls).toEqual([]);
  });
});
