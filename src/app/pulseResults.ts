/**
 * Pulse results for the page's parts (the Pulse results web part): the relay's results route on
 * the page's one relay client (`GET /api/pulse/results`; the relay decides from the token whom the
 * figures are for, and nothing on the page computes one), and the questions' wording from the
 * question bank (SE_Questions, which members read).
 *
 * The wording is read only when a screen shows it (the answers per question, the comments), in a
 * chunk of its own: the first render asks the relay alone (and SharePoint for the relay's
 * address), two round trips.
 */
import { RelayPulseResults } from '../connectors/relay/relayPulseResults';
import type { PulseResultsSource } from '../core/pulse/results/wire';
import { LISTS } from '../core/schema/lists';
import type { QuestionWordings, QuestionWordingSource } from '../ui/pulseResults/resultsView';
import { relayOf } from './relay';
import type { EngageServices } from './services';

export interface PulseResultsServices {
  readonly source: PulseResultsSource;
  readonly wordings: QuestionWordingSource;
}

/** The bank holds a few hundred questions at most. */
const QUESTIONS_READ = 500;

function translationsOf(text: string | undefined): { [languageTag: string]: string } {
  const texts: { [languageTag: string]: string } = {};
  let raw: unknown;
  try {
    raw = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    raw = undefined;
  }
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    Object.keys(raw).forEach((tag) => {
      const entry = (raw as { [tag: string]: unknown })[tag];
      const wording = typeof entry === 'object' && entry !== null ? (entry as { text?: unknown }).text : undefined;
      if (typeof wording === 'string') {
        texts[tag.toLowerCase()] = wording;
      }
    });
  }
  return texts;
}

async function readWordings(services: EngageServices): Promise<QuestionWordings> {
  const { listOf } = await import(/* webpackChunkName: 'pulse-question-wording' */ '../connectors/sharepoint/listClient');
  const rows = await listOf(services.connections.sp, LISTS.questions).read({ select: ['questionKey', 'title', 'translations'], top: QUESTIONS_READ });
  const wordings: { [questionKey: string]: { title: string; translations: { [languageTag: string]: string } } } = {};
  rows.forEach((row) => {
    const key = row.text('questionKey');
    if (key) {
      wordings[key] = { title: row.text('title') ?? '', translations: translationsOf(row.text('translations')) };
    }
  });
  return wordings;
}

/** The results services of this web and person (built on first use). */
export function pulseResultsOf(services: EngageServices): PulseResultsServices {
  return services.capability('pulseResults', (all) => ({
    source: new RelayPulseResults(relayOf(all)),
    wordings: { wordings: () => readWordings(all) }
  }));
}
