import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';

import type { PulseResultsErrorCode, PulseResultsSource } from '../../core/pulse/results/wire';
import { checkInRound9, employeeBody, FakeResultsSource, hrBody, leaderBody } from './__fakes__/resultsFakes';
import { PulseResults } from './PulseResults';
import type { CommentView } from './resultsView';
import { resultsWords } from './resultsWords';

const en = resultsWords('en-us');

async function shown(ui: React.ReactElement): Promise<ReturnType<typeof render>> {
  let result: ReturnType<typeof render> | undefined;
  await act(async () => {
    result = render(ui);
  });
  return result as ReturnType<typeof render>;
}

/** The texts of a table as rows of cells (header row first), as a person reads them. */
function tableTexts(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').trim()));
}

/** A CSV text as rows of cells (RFC 4180 quoting), without its byte-order mark. */
function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === delimiter) {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else {
      cell += char;
    }
  }
  return rows;
}

function exported(save: jest.Mock<void, [string, string]>): { name: string; text: string } {
  expect(save).toHaveBeenCalledTimes(1);
  const [name, text] = save.mock.calls[0];
  return { name, text };
}

describe('PulseResults: HR', () => {
  it('lists the rounds newest first, opens the newest with results, and says whose figures they are', async () => {
    await shown(<PulseResults source={new FakeResultsSource(hrBody())} locale="en-us" />);
    const picker = screen.getByRole('combobox', { name: en.round }) as HTMLSelectElement;
    expect(Array.from(picker.options).map((option) => option.textContent)).toEqual([
      expect.stringMatching(/^Pulse December \(/),
      expect.stringMatching(/^Pulse November \(/),
      expect.stringMatching(/^Pulse October \(/),
      expect.stringMatching(/^Pulse September \(/)
    ]);
    expect(picker.value).toBe('12');
    expect(screen.getByText(en.seeingHr, { selector: 'strong' })).toBeTruthy();
  });

  it('shows the plant overview: participation with its rate, scores with change and noise, withheld scores as their reason', async () => {
    await shown(<PulseResults source={new FakeResultsSource(hrBody())} locale="en-us" />);
    expect(screen.getByTestId('participation').textContent).toBe('Participation: 80% · 40 of 50');
    // Who "those asked" are, where a rate is shown.
    expect(screen.getByText(en.rateExplained)).toBeTruthy();
    const table = screen.getByRole('table', { name: en.figuresCaption });
    expect(tableTexts(table)).toEqual([
      [en.measure, en.score, en.change, en.noise],
      ['Engagement index', '70', '+10', 'Up, more than noise'],
      ['eNPS', '20', '+5', 'Within noise'],
      ['Belonging and team spirit', '75', 'Not shown in the last round', '–'],
      ['Leaders who listen and care about safety', 'Hidden to protect another group', '–', '–']
    ]);
  });

  it('shows the answers per question on request, in the words the relay sent with the round (one read: the results)', async () => {
    const source = new FakeResultsSource(hrBody());
    await shown(<PulseResults source={source} locale="en-us" />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: en.showAnswers }));
    });
    expect(source.calls).toBe(1);
    expect(screen.getByRole('button', { name: en.hideAnswers }).getAttribute('aria-expanded')).toBe('true');
    const crew = screen.getByRole('table', { name: 'I feel part of my crew' });
    expect(tableTexts(crew)[4]).toEqual(['Agree', '20']);
    // A question withheld in the group says why, with no count.
    expect(screen.getByText('My team leader listens to me:').parentElement?.textContent).toBe('My team leader listens to me: Hidden to protect another group');
    // A question the relay sent no words for is named by its driver and key.
    expect(screen.getByRole('table', { name: 'eNPS question (recommend)' })).toBeTruthy();
  });

  it('chooses a group: a withheld group shows the reason in place of every figure', async () => {
    await shown(<PulseResults source={new FakeResultsSource(hrBody())} locale="en-us" />);
    fireEvent.change(screen.getByRole('combobox', { name: en.group }), { target: { value: 'line=got-weld2' } });
    expect(screen.getByRole('heading', { name: 'Line got-weld2' })).toBeTruthy();
    expect(screen.getByTestId('participation').textContent).toBe('Participation: Hidden to protect another group');
    const rows = tableTexts(screen.getByRole('table', { name: en.figuresCaption })).slice(1);
    rows.forEach((row) => expect(row.slice(1)).toEqual(['Hidden to protect another group', '–', '–']));
  });

  it('shows the heatmap with withheld cells as their reason, known groups missing from the release as too few, never a blank', async () => {
    await shown(<PulseResults source={new FakeResultsSource(hrBody())} locale="en-us" />);
    fireEvent.click(screen.getByRole('tab', { name: en.tabs.heatmap }));
    const table = screen.getByRole('table', { name: en.heatmapCaption });
    const texts = tableTexts(table);
    expect(texts[0]).toEqual([en.group, en.participation, 'Engagement index', 'eNPS', 'Belonging and team spirit', 'Leaders who listen and care about safety']);
    const byGroup = new Map(texts.slice(1).map((row) => [row[0], row.slice(1)]));
    expect(Array.from(byGroup.keys())).toEqual([
      'Site got',
      'Line got-weld1',
      'Line got-weld2',
      'Other lines in Site got',
      'Crew b2',
      'Crew b3',
      'Crew b4',
      'Shift pattern nights',
      'Agency staff',
      '3 to 10 years'
    ]);
    // Participation: the relay's rate where it gave one, how many answered where not.
    expect(byGroup.get('Crew b2')).toEqual(['71% · 12 of 17', '65', '-10', '80', '55']);
    expect(byGroup.get('Site got')?.[0]).toBe('80% · 40 of 50');
    expect(byGroup.get('Shift pattern nights')?.[0]).toBe('14 people answered');
    expect(byGroup.get('Other lines in Site got')?.[0]).toBe('28 people answered');
    expect(byGroup.get('Crew b3')).toEqual(Array(5).fill('Hidden to protect another group'));
    // Known from the org tree, left out of the release: too few, whatever its size, its participation too.
    expect(byGroup.get('Crew b4')).toEqual(Array(5).fill('Too few to show'));
    expect(byGroup.get('Line got-weld1')).toEqual(Array(5).fill('Too few to show'));
    expect(byGroup.get('Agency staff')).toEqual(['9 people answered', '72', 'Too few answers', '70', '66']);
    texts.forEach((row) => row.forEach((cell) => expect(cell).not.toBe('')));
    // Row and column headers, and the table scrolls in a region named by its caption.
    expect(within(table).getByRole('rowheader', { name: 'Crew b4' })).toBeTruthy();
    expect(within(table).getAllByRole('columnheader')).toHaveLength(6);
    expect(screen.getByRole('region', { name: en.heatmapCaption })).toBeTruthy();
    // The reasons used are explained.
    expect(screen.getByText(en.withheldLong.tooFew)).toBeTruthy();
    expect(screen.getByText(en.withheldLong.fewAnswers)).toBeTruthy();
    expect(screen.queryByText(en.withheldLong.roundOpen)).toBeNull();
    expect(screen.getByText(en.rateExplained)).toBeTruthy();
  });

  it('exports the heatmap as CSV exactly as the screen shows it', async () => {
    const save = jest.fn<void, [string, string]>();
    await shown(<PulseResults source={new FakeResultsSource(hrBody())} locale="en-us" save={save} />);
    fireEvent.click(screen.getByRole('tab', { name: en.tabs.heatmap }));
    fireEvent.click(screen.getByRole('button', { name: en.exportCsv }));
    const { name, text } = exported(save);
    expect(name).toBe('pulse-results-12-heatmap.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text, ',');
    expect(rows[0]).toEqual([en.round, 'Pulse November']);
    expect(rows.slice(1)).toEqual(tableTexts(screen.getByRole('table', { name: en.heatmapCaption })));
    expect(text).not.toMatch(/,,|,\r\n/);
  });

  it('exports the overview as CSV exactly as shown, with the answers per question only once they are shown', async () => {
    const save = jest.fn<void, [string, string]>();
    await shown(<PulseResults source={new FakeResultsSource(hrBody())} locale="en-us" save={save} />);
    fireEvent.click(screen.getByRole('button', { name: en.exportCsv }));
    const before = parseCsv(exported(save).text, ',');
    expect(before.slice(0, 3)).toEqual([
      [en.round, 'Pulse November'],
      [en.group, en.plant],
      [en.participation, '80% · 40 of 50']
    ]);
    expect(before.slice(4)).toEqual(tableTexts(screen.getByRole('table', { name: en.figuresCaption })));

    save.mockClear();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: en.showAnswers }));
    });
    fireEvent.click(screen.getByRole('button', { name: en.exportCsv }));
    const after = parseCsv(exported(save).text, ',');
    const answers = after.slice(after.findIndex((row) => row[0] === en.questionLabel) + 1);
    const shownRows = tableTexts(screen.getByRole('table', { name: 'I feel part of my crew' }))
      .slice(1)
      .map((row) => ['I feel part of my crew', ...row]);
    expect(answers.slice(0, 5)).toEqual(shownRows);
    expect(answers).toContainEqual(['My team leader listens to me', 'Hidden to protect another group', '']);
  });

  it('shows the trend across rounds, oldest first, with a gap that says why', async () => {
    await shown(<PulseResults source={new FakeResultsSource(hrBody())} locale="en-us" />);
    fireEvent.click(screen.getByRole('tab', { name: en.tabs.trend }));
    const caption = 'Engagement index per round · Whole plant';
    expect(tableTexts(screen.getByRole('table', { name: caption })).slice(1)).toEqual([
      [expect.stringMatching(/^Pulse October/), '60'],
      [expect.stringMatching(/^Pulse November/), '70']
    ]);
    fireEvent.change(screen.getByRole('combobox', { name: en.trendMeasure }), { target: { value: 'belonging' } });
    expect(tableTexts(screen.getByRole('table', { name: 'Belonging and team spirit per round · Whole plant' })).slice(1)).toEqual([
      [expect.stringMatching(/^Pulse October/), 'Too few answers'],
      [expect.stringMatching(/^Pulse November/), '75']
    ]);
  });

  it('shows the trend of the chosen round\'s survey only: a crew check-in is no point of the monthly pulse\'s trend', async () => {
    const body = hrBody();
    await shown(<PulseResults source={new FakeResultsSource({ ...body, rounds: [...body.rounds, checkInRound9()] })} locale="en-us" />);
    fireEvent.click(screen.getByRole('tab', { name: en.tabs.trend }));
    expect(tableTexts(screen.getByRole('table', { name: 'Engagement index per round · Whole plant' })).slice(1)).toEqual([
      [expect.stringMatching(/^Pulse October/), '60'],
      [expect.stringMatching(/^Pulse November/), '70']
    ]);
    fireEvent.change(screen.getByRole('combobox', { name: en.round }), { target: { value: '9' } });
    fireEvent.click(screen.getByRole('tab', { name: en.tabs.trend }));
    expect(tableTexts(screen.getByRole('table', { name: 'Engagement index per round · Whole plant' })).slice(1)).toEqual([[expect.stringMatching(/^Weld A check-in/), '90']]);
  });

  it('shows the comment lists with each question’s wording, a withheld list with its reason, and room for actions', async () => {
    const actions = (comment: CommentView, role: 'hr' | 'leader'): React.ReactNode =>
      comment.threadId ? <button type="button">{`Reply to ${comment.threadId} as ${role}`}</button> : null;
    await shown(<PulseResults source={new FakeResultsSource(hrBody())} locale="en-us" commentActions={actions} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: en.tabs.comments }));
    });
    const plant = screen.getByRole('heading', { name: 'Comments: Whole plant' }).parentElement as HTMLElement;
    const items = within(plant).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Question: One thing that would make work betterBetter gloves for the welding cell, please.Reply to t-41 as hr',
      'Question: One thing that would make work betterTell us earlier when the schedule changes.Reply to t-07 as hr'
    ]);
    // A comment without a thread id has no actions.
    const crew = screen.getByRole('heading', { name: 'Comments: Crew b2' }).parentElement as HTMLElement;
    expect(within(crew).queryByRole('button')).toBeNull();
    const line = screen.getByRole('heading', { name: 'Comments: Line got-weld2' }).parentElement as HTMLElement;
    expect(within(line).getByText('Hidden to protect another group')).toBeTruthy();
    expect(within(line).queryByRole('listitem')).toBeNull();
  });

  it('says in plain words why a refused round shows nothing, and HR reads what the check found', async () => {
    await shown(<PulseResults source={new FakeResultsSource(hrBody())} locale="en-us" />);
    fireEvent.change(screen.getByRole('combobox', { name: en.round }), { target: { value: '10' } });
    expect(screen.getByText(`${en.refused.boxCheckFailed} ${en.checks.answersMissing}`)).toBeTruthy();
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows an open round’s participation only, and when results appear', async () => {
    const beforeClose = (): number => Date.parse('2026-12-07T12:00:00Z');
    await shown(<PulseResults source={new FakeResultsSource(hrBody())} locale="en-us" now={beforeClose} />);
    fireEvent.change(screen.getByRole('combobox', { name: en.round }), { target: { value: '13' } });
    expect(screen.getByTestId('participation').textContent).toBe('Participation: 25 people answered');
    expect(screen.queryByText(en.rateExplained)).toBeNull();
    expect(screen.getByText(en.roundOpen)).toBeTruthy();
    expect(screen.queryByText(en.awaitingPublication)).toBeNull();
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says a closed round whose results are not published yet has closed, and shows its participation only', async () => {
    const afterClose = (): number => Date.parse('2026-12-16T12:00:00Z');
    await shown(<PulseResults source={new FakeResultsSource(hrBody())} locale="en-us" now={afterClose} />);
    fireEvent.change(screen.getByRole('combobox', { name: en.round }), { target: { value: '13' } });
    expect(screen.getByTestId('participation').textContent).toBe('Participation: 25 people answered');
    expect(screen.getByText(en.awaitingPublication)).toBeTruthy();
    expect(screen.queryByText(en.roundOpen)).toBeNull();
    expect(screen.queryByRole('tablist')).toBeNull();
  });
});

describe('PulseResults: a team leader', () => {
  it('sees their crews named, their crew and the groups above it, and a led crew without answers as too few', async () => {
    await shown(<PulseResults source={new FakeResultsSource(leaderBody())} locale="en-us" />);
    expect(screen.getByText('Your crews: b2, b5', { selector: 'strong' })).toBeTruthy();
    const choices = Array.from((screen.getByRole('combobox', { name: en.group }) as HTMLSelectElement).options).map((option) => option.textContent);
    expect(choices).toEqual(['Whole plant', 'Site got', 'Line got-weld2', 'Crew b2']);
    fireEvent.click(screen.getByRole('tab', { name: en.tabs.heatmap }));
    const rows = tableTexts(screen.getByRole('table', { name: en.heatmapCaption })).map((row) => row[0]);
    expect(rows).toEqual([en.group, 'Site got', 'Line got-weld2', 'Crew b2', 'Crew b5']);
    expect(screen.getByRole('rowheader', { name: 'Crew b5' }).parentElement?.textContent).toBe(`Crew b5${en.withheld.tooFew.repeat(5)}`);
    // Their own crew's participation as the relay gave it.
    expect(screen.getByRole('rowheader', { name: 'Crew b2' }).parentElement?.textContent).toMatch(/^Crew b271% · 12 of 17/);
  });

  it('reads a refused round’s reason without what the check found', async () => {
    await shown(<PulseResults source={new FakeResultsSource(leaderBody())} locale="en-us" />);
    fireEvent.change(screen.getByRole('combobox', { name: en.round }), { target: { value: '10' } });
    expect(screen.getByText(en.refused.boxCheckFailed)).toBeTruthy();
    expect(screen.queryByText(en.checks.answersMissing, { exact: false })).toBeNull();
  });
});

describe('PulseResults: an employee', () => {
  it('sees the plant’s overview and trend only: no heatmap, no comments, no group to choose', async () => {
    await shown(<PulseResults source={new FakeResultsSource(employeeBody())} locale="en-us" />);
    expect(screen.getByText(en.seeingEmployee, { selector: 'strong' })).toBeTruthy();
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([en.tabs.overview, en.tabs.trend]);
    expect(screen.queryByRole('combobox', { name: en.group })).toBeNull();
    expect(screen.getByRole('heading', { name: en.plant })).toBeTruthy();
  });
});

describe('PulseResults: loading and failures', () => {
  const codes: PulseResultsErrorCode[] = ['noRelay', 'notSetUp', 'relayFault', 'unavailable', 'rateLimited', 'accessDenied', 'unexpected'];

  it.each(codes)('says why it failed (%s) with Try again, which loads the results', async (code) => {
    const source = new FakeResultsSource(code, hrBody());
    await shown(<PulseResults source={source} locale="en-us" />);
    expect(screen.getByText(en.errors[code])).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: en.tryAgain }));
    });
    expect(source.calls).toBe(2);
    expect(screen.queryByText(en.errors[code])).toBeNull();
    expect(screen.getByRole('table', { name: en.figuresCaption })).toBeTruthy();
  });

  it('says so when no round has opened', async () => {
    await shown(<PulseResults source={new FakeResultsSource({ viewer: { role: 'hr', leads: [] }, rounds: [] })} locale="en-us" />);
    expect(screen.getByText(en.noRounds)).toBeTruthy();
  });

  it('shows Loading until the relay answers', async () => {
    let answer: (body: ReturnType<typeof hrBody>) => void = () => undefined;
    const source: PulseResultsSource = { results: () => new Promise<ReturnType<typeof hrBody>>((resolve) => {
          answer = resolve;
        }) };
    await shown(<PulseResults source={source} locale="en-us" />);
    expect(screen.getByText(en.loading)).toBeTruthy();
    await act(async () => answer(hrBody()));
    expect(screen.queryByText(en.loading)).toBeNull();
  });
});

describe('PulseResults in Dutch and Swedish', () => {
  it('speaks Dutch, with the questions in Dutch and a CSV Excel splits at semicolons', async () => {
    const nl = resultsWords('nl-nl');
    const save = jest.fn<void, [string, string]>();
    await shown(<PulseResults source={new FakeResultsSource(hrBody())} locale="nl-nl" save={save} />);
    expect(screen.getByText('Hele fabriek', { selector: 'strong' })).toBeTruthy();
    expect(screen.getByTestId('participation').textContent).toBe('Deelname: 80% · 40 van 50');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: nl.showAnswers }));
    });
    expect(screen.getByRole('table', { name: 'Ik hoor echt bij mijn ploeg' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: nl.tabs.heatmap }));
    fireEvent.click(screen.getByRole('button', { name: nl.exportCsv }));
    const { name, text } = exported(save);
    expect(name).toBe('resultaten-pulsmeting-12-heatmap.csv');
    const rows = parseCsv(text, ';');
    expect(rows.slice(1)).toEqual(tableTexts(screen.getByRole('table', { name: nl.heatmapCaption })));
    expect(rows).toContainEqual(['Ploeg b4', ...Array(5).fill('Te weinig om te tonen')]);
    expect(rows).toContainEqual(['Ploeg b2', '71% · 12 van 17', '65', '-10', '80', '55']);
  });

  it('speaks Swedish', async () => {
    const sv = resultsWords('sv-se');
    await shown(<PulseResults source={new FakeResultsSource(leaderBody())} locale="sv-se" />);
    expect(screen.getByText('Dina arbetslag: b2, b5', { selector: 'strong' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: sv.tabs.heatmap }));
    expect(screen.getByRole('rowheader', { name: 'Arbetslag b5' }).parentElement?.textContent).toBe(`Arbetslag b5${'För få för att visas'.repeat(5)}`);
    // The percentage as Swedish writes it.
    expect(screen.getByRole('rowheader', { name: 'Arbetslag b2' }).parentElement?.textContent).toMatch(/^Arbetslag b271\u00a0% · 12 av 17/);
    expect(screen.getByText(sv.rateExplained)).toBeTruthy();
  });
});
