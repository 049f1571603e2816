// SharePoint's customizer base and the page's clients are not in jest: the base gives the
// customizer its context, and the host counts how often the line asks the roster.
jest.mock('@microsoft/sp-application-base', () => ({
  BaseApplicationCustomizer: class {
    public onInit(): Promise<void> {
      return Promise.resolve();
    }
  },
  PlaceholderName: { Top: 1, Bottom: 2 }
}));
jest.mock('./spfxPromptHost', () => ({ spfxPromptHost: jest.fn() }));

import { PROMPT_RECHECK_MS, type PromptHost } from './components/PulsePromptLine';
import PulsePromptApplicationCustomizer from './PulsePromptApplicationCustomizer';
import { spfxPromptHost } from './spfxPromptHost';

let checks = 0;
const host: PromptHost = {
  locale: 'en-us',
  theme: undefined,
  timeZone: 'UTC',
  sources: {
    mayPromptNow: () => {
      checks += 1;
      return Promise.resolve({ allowed: false, reason: 'notOnShift' });
    },
    openRounds: () => Promise.resolve([]),
    dismissedRoundIds: () => [],
    now: () => new Date('2026-12-07T10:00:00Z'),
    dismiss: () => undefined
  },
  answers: () => Promise.reject(new Error('not opened'))
};
jest.mocked(spfxPromptHost).mockResolvedValue(host);

/** SharePoint calls `onDispose` (protected) when it takes the customizer down. */
class PageCustomizer extends PulsePromptApplicationCustomizer {
  public takeDown(): void {
    this.onDispose();
  }
}

interface FakeContent {
  readonly domElement: HTMLElement;
  dispose(): void;
}

/** The page's placeholders: each `tryCreateContent` puts a new top element in the page; `changed` is SharePoint's event. */
function fakePage(): { context: unknown; changed: () => void; contents: FakeContent[] } {
  const contents: FakeContent[] = [];
  let handler: (() => void) | undefined;
  let owner: unknown;
  const context = {
    placeholderProvider: {
      changedEvent: {
        add: (o: unknown, h: () => void) => {
          owner = o;
          handler = h;
        },
        remove: () => {
          handler = undefined;
        }
      },
      tryCreateContent: (_name: unknown, options: { onDispose(content: FakeContent): void }) => {
        const domElement = document.body.appendChild(document.createElement('div'));
        const content: FakeContent = {
          domElement,
          dispose: () => {
            options.onDispose(content);
            domElement.remove();
          }
        };
        contents.push(content);
        return content;
      }
    }
  };
  return { context, changed: () => handler?.call(owner), contents };
}

async function started(page: ReturnType<typeof fakePage>): Promise<PageCustomizer> {
  const customizer = new PageCustomizer();
  Object.defineProperty(customizer, 'context', { value: page.context });
  await customizer.onInit();
  return customizer;
}

beforeEach(() => {
  jest.useFakeTimers();
  checks = 0;
});

afterEach(() => {
  jest.useRealTimers();
  document.body.textContent = '';
});

describe('the Pulse prompt customizer', () => {
  it('keeps one line looking when the page replaces its top placeholder without disposing it (an in-place navigation)', async () => {
    const page = fakePage();
    const customizer = await started(page);
    expect(checks).toBe(1);

    // SharePoint drops the old top element and announces new placeholders.
    page.contents[0].domElement.remove();
    page.changed();
    expect(page.contents.length).toBe(2);
    expect(page.contents[1].domElement.querySelector('[data-busy]')).not.toBeNull();
    expect(checks).toBe(2);

    // One line looks again every few minutes and when the device is back online, not two.
    jest.advanceTimersByTime(PROMPT_RECHECK_MS);
    expect(checks).toBe(3);
    window.dispatchEvent(new Event('online'));
    expect(checks).toBe(4);

    customizer.takeDown();
    jest.advanceTimersByTime(PROMPT_RECHECK_MS);
    window.dispatchEvent(new Event('online'));
    expect(checks).toBe(4);
  });

  it('takes the old line down also when the page emptied its placeholder first', async () => {
    const page = fakePage();
    await started(page);
    const [first] = page.contents;
    first.domElement.textContent = '';
    first.domElement.remove();
    expect(() => page.changed()).not.toThrow();
    jest.advanceTimersByTime(PROMPT_RECHECK_MS);
    expect(checks).toBe(3);
  });

  it('a placeholder that is still in the page is kept: the line is not mounted twice', async () => {
    const page = fakePage();
    await started(page);
    page.changed();
    expect(page.contents.length).toBe(1);
    jest.advanceTimersByTime(PROMPT_RECHECK_MS);
    expect(checks).toBe(2);
  });
});
