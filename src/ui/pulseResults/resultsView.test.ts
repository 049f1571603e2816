import { checkText, crewsOfRounds, firstRound, groupLabel, heatmapRows, heatmapView, participationText, percentText, questionText, roundsNewestFirst, scoreText, changeText, trendMeasures, trendView, viewerText } from './resultsView';
import { checkInRound9, hrBody, hrRound11, hrRound12, openRound13, refusedRound10 } from './__fakes__/resultsFakes';
import { resultsWords } from './resultsWords';

const en = resultsWords('en-us');
const nl = resultsWords('nl-nl');

describe('groupLabel', () => {
  it('names the plant, one filter, a pair and an "other" group in words', () => {
    expect(groupLabel('plant', en)).toBe('Whole plant');
    expect(groupLabel('crew=b%202', en)).toBe('Crew b 2');
    expect(groupLabel('site=got&employmentType=agency', en)).toBe('Site got · Agency staff');
    expect(groupLabel('shiftPattern=unknown&tenureBand=10-plus', nl)).toBe('Ploegenrooster Onbekend · 10 jaar of langer');
    expect(groupLabel('other:crew:line=got-weld2', nl)).toBe('Overige ploegen in Lijn got-weld2');
  });

  it('names a crew by its Teams name where the rosters gave one, and by its key where not', () => {
    expect(groupLabel('crew=b%202', en, { 'b 2': { name: 'Weld B2 nights' } })).toBe('Crew Weld B2 nights');
    expect(groupLabel('crew=b5', en, { 'b 2': { name: 'Weld B2 nights' } })).toBe('Crew b5');
    expect(viewerText({ role: 'leader', leads: [{ dimension: 'crew', value: 'b2' }] }, en, { b2: { name: 'Weld B2' } })).toContain('Weld B2');
  });

  it('shows a key it cannot read as it is, rather than guessing', () => {
    expect(groupLabel('line=a&crew=b', en)).toBe('line=a&crew=b');
  });
});

describe('rounds', () => {
  it('orders the rounds newest first and starts at the newest with results', () => {
    const body = { ...hrBody(), rounds: [refusedRound10(), hrRound11(), openRound13(), hrRound12()] };
    const rounds = roundsNewestFirst(body);
    expect(rounds.map((round) => round.roundId)).toEqual([13, 12, 11, 10]);
    expect(firstRound(rounds)?.roundId).toBe(12);
    expect(firstRound([openRound13(), refusedRound10()])?.roundId).toBe(13);
    expect(firstRound([])).toBeUndefined();
  });
});

describe('words for figures', () => {
  it('shows whole numbers, a sign on a rise, and the language’s minus', () => {
    expect(scoreText(69.6, 'en-us')).toBe('70');
    expect(scoreText(-0.4, 'en-us')).toBe('0');
    expect(changeText(4.4, 'en-us')).toBe('+4');
    expect(changeText(-3.2, 'en-us')).toBe('-3');
    expect(changeText(0.2, 'en-us')).toBe('0');
    expect(changeText(-12, 'sv-se')).toBe('\u221212');
  });

  it('writes a share as a whole percentage the language’s way, 100% only for everyone and 0% only for nobody', () => {
    expect(percentText(31 / 43, 'en-us')).toBe('72%');
    expect(percentText(31 / 43, 'nl-nl')).toBe('72%');
    expect(percentText(31 / 43, 'sv-se')).toBe('72\u00a0%');
    expect(percentText(199 / 200, 'en-us')).toBe('99%');
    expect(percentText(1, 'en-us')).toBe('100%');
    expect(percentText(1 / 400, 'en-us')).toBe('1%');
    expect(percentText(0, 'en-us')).toBe('0%');
  });

  it('says participation as the relay gave it: a rate with how many of how many, else how many answered, else why not', () => {
    const release = {
      ...hrRound12().release,
      participation: [
        { key: 'plant', respondents: 1234, audience: 1500, rate: 1234 / 1500 },
        { key: 'crew=b2', respondents: 12 },
        { key: 'line=got-weld2', withheld: 'protectsAnother' as const }
      ]
    };
    expect(participationText(release, 'plant', en, 'en-us').text).toBe('82% · 1,234 of 1,500');
    expect(participationText(release, 'plant', nl, 'nl-nl').text).toBe('82% · 1.234 van 1.500');
    expect(participationText(release, 'plant', resultsWords('sv-se'), 'sv-se').text).toBe('82\u00a0% · 1\u00a0234 av 1\u00a0500');
    expect(participationText(release, 'crew=b2', en, 'en-us').text).toBe('12 people answered');
    expect(participationText(release, 'line=got-weld2', en, 'en-us')).toEqual({ text: en.withheld.protectsAnother, withheld: 'protectsAnother' });
    // A group the release does not list is too few to show: nothing of its audience is known.
    expect(participationText(release, 'crew=b4', en, 'en-us')).toEqual({ text: en.withheld.tooFew, withheld: 'tooFew' });
  });

  it('puts a check HR may read into words, and nothing for one it does not know', () => {
    expect(checkText('thresholdsRemoved', en)).toBe(en.checks.thresholdsRemoved);
    expect(checkText('somethingNew', en)).toBeUndefined();
    expect(checkText(undefined, en)).toBeUndefined();
  });

  it('says whose figures they are', () => {
    expect(viewerText({ role: 'hr', leads: [] }, en)).toBe('Whole plant');
    expect(viewerText({ role: 'leader', leads: [{ dimension: 'crew', value: 'b2' }] }, nl)).toBe('Jouw ploegen: b2');
    expect(viewerText({ role: 'employee', leads: [] }, en)).toBe(en.seeingEmployee);
  });
});

describe('questionText', () => {
  const question = {
    key: 'crew-spirit',
    driver: 'belonging' as const,
    kind: 'likert5' as const,
    texts: { 'en-us': 'I feel part of my crew', 'nl-nl': 'Ik hoor bij mijn ploeg', 'sv-se': '' }
  };

  it('uses the page’s language, then the same language of another region, then English', () => {
    expect(questionText(question, nl, 'nl-nl')).toBe('Ik hoor bij mijn ploeg');
    expect(questionText(question, nl, 'nl-be')).toBe('Ik hoor bij mijn ploeg');
    expect(questionText(question, en, 'sv-se')).toBe('I feel part of my crew');
    expect(questionText({ ...question, texts: { 'EN-GB': 'I feel part of my crew' } }, nl, 'de-de')).toBe('I feel part of my crew');
  });

  it('names a question by its driver and key when the relay sent no words for it', () => {
    expect(questionText({ ...question, texts: undefined }, nl, 'nl-nl')).toBe('Vraag over Erbij horen en teamgeest (crew-spirit)');
  });
});

describe('crews the rosters knew', () => {
  it('lists a crew missing from the release as too few to show, by its name, and keeps the newest round\'s name', () => {
    const round = { ...hrRound12(), crews: { quiet: { name: 'Paint C nights', site: 'got', line: 'got-paint' } } };
    const view = heatmapView(round, hrBody().viewer, en, 'en-us');
    const row = view.rows.find((candidate) => candidate.key === 'crew=quiet');
    expect(row?.label).toBe('Crew Paint C nights');
    expect(row?.cells.every((cell) => cell.withheld === 'tooFew' && cell.text === en.withheld.tooFew)).toBe(true);
    expect(row?.participation).toEqual({ text: en.withheld.tooFew, withheld: 'tooFew' });
    // The CSV carries the same participation column as the screen.
    expect(heatmapRows(round, view, en).find((cells) => cells[0] === 'Crew Paint C nights')).toEqual(['Crew Paint C nights', ...Array(1 + view.columns.length).fill(en.withheld.tooFew)]);
    const older = { ...hrRound11(), crews: { quiet: { name: 'Old name' } } };
    expect(crewsOfRounds([round, older]).quiet?.name).toBe('Paint C nights');
  });
});

describe('trend', () => {
  it('follows the chosen round\'s survey: another survey\'s round is no point of it', () => {
    const monthly = hrRound12();
    const rounds = [openRound13(), monthly, hrRound11(), checkInRound9()];
    expect(trendView(rounds, monthly, 'plant', 'engagement', en, 'en-us').map((point) => [point.roundId, point.cell.text])).toEqual([
      [11, '60'],
      [12, '70']
    ]);
    expect(trendView(rounds, rounds[3], 'plant', 'engagement', en, 'en-us').map((point) => point.roundId)).toEqual([9]);
  });

  it('offers the measures of the chosen round\'s survey only', () => {
    const rounds = [hrRound12(), hrRound11(), checkInRound9()];
    expect(trendMeasures(rounds, rounds[0])).toEqual(['engagement', 'enps', 'belonging', 'leadership']);
    expect(trendMeasures(rounds, rounds[2])).toEqual(['engagement', 'schedule-influence']);
  });
});
