import { checkText, crewsOfRounds, firstRound, groupLabel, heatmapView, questionText, roundsNewestFirst, scoreText, changeText, viewerText } from './resultsView';
import { hrBody, hrRound11, hrRound12, openRound13, refusedRound10 } from './__fakes__/resultsFakes';
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
    const older = { ...hrRound11(), crews: { quiet: { name: 'Old name' } } };
    expect(crewsOfRounds([round, older]).quiet?.name).toBe('Paint C nights');
  });
});
