import {
  composerPick,
  composerReducer,
  type ComposerEvent,
  type ComposerState,
  composerStepNumber,
  editedField,
  offersBackToSuggestions,
  offersSuggestions,
  pickProblems,
  showsMessageBox,
  startComposer
} from './composer';

interface Person {
  readonly id: string;
  readonly name: string;
}

const SEAN: Person = { id: 'sean', name: 'Seán' };
const MIRA: Person = { id: 'mira', name: 'Mira' };
const LINES = ['Caught a defect before it left the line', 'Stopped the batch when the label was wrong'];

function run(state: ComposerState<Person>, ...events: Array<ComposerEvent<Person>>): ComposerState<Person> {
  return events.reduce(composerReducer, state);
}

describe('one composer: three taps', () => {
  it('starts at the person with everyone seeing it, impact and visibility folded', () => {
    const start = startComposer<Person>();
    expect(start).toMatchObject({ step: 'person', people: [], valueKey: '', message: '', visibility: 'everyone', writing: false, moreOpen: false });
    expect(composerStepNumber(start.step)).toBe(1);
  });

  it('tap 1 a person moves on to the value, tap 2 a value moves on to the suggested lines; a line is sent as it is', () => {
    const afterPerson = run(startComposer<Person>(), { type: 'pickPerson', person: SEAN });
    expect(afterPerson).toMatchObject({ step: 'value', people: [SEAN] });
    const afterValue = run(afterPerson, { type: 'pickValue', valueKey: 'quality' });
    expect(afterValue).toMatchObject({ step: 'message', valueKey: 'quality', writing: false });
    expect(composerStepNumber(afterValue.step)).toBe(3);
    expect(offersSuggestions(afterValue, LINES)).toBe(true);
    expect(composerPick(afterValue, LINES[0])).toEqual({ valueKey: 'quality', message: LINES[0], impact: '', visibility: 'everyone' });
    // The line is not kept as the person's own words.
    expect(afterValue.message).toBe('');
  });

  it('a value without suggested lines opens the message box at once', () => {
    const state = run(startComposer<Person>(), { type: 'pickPerson', person: SEAN }, { type: 'pickValue', valueKey: 'custom' });
    expect(offersSuggestions(state, [])).toBe(false);
    expect(showsMessageBox(state, [])).toBe(true);
    expect(showsMessageBox(state, LINES)).toBe(false);
    expect(offersBackToSuggestions(state, [])).toBe(false);
  });

  it('"Write your own" opens the message box; back to the lines only while it is empty', () => {
    const writing = run(startComposer<Person>({ people: [SEAN], valueKey: 'quality' }), { type: 'writeOwn' });
    expect(offersSuggestions(writing, LINES)).toBe(false);
    expect(showsMessageBox(writing, LINES)).toBe(true);
    expect(offersBackToSuggestions(writing, LINES)).toBe(true);
    const typed = run(writing, { type: 'setMessage', text: 'Checked every weld twice' });
    expect(offersBackToSuggestions(typed, LINES)).toBe(false);
    // What was typed is never thrown away by going back to the lines.
    expect(run(typed, { type: 'useSuggestions' })).toBe(typed);
    expect(composerPick(typed)).toMatchObject({ message: 'Checked every weld twice' });
    expect(run(writing, { type: 'useSuggestions' }).writing).toBe(false);
  });

  it('impact and who sees it are one tap away, and kept with the pick', () => {
    const state = run(
      startComposer<Person>({ people: [SEAN], valueKey: 'safety' }),
      { type: 'toggleMore' },
      { type: 'setImpact', text: 'Line back in 10 minutes' },
      { type: 'setVisibility', visibility: 'crew' }
    );
    expect(state.moreOpen).toBe(true);
    expect(composerPick(state, LINES[1])).toEqual({ valueKey: 'safety', message: LINES[1], impact: 'Line back in 10 minutes', visibility: 'crew' });
    expect(run(state, { type: 'toggleMore' }).moreOpen).toBe(false);
  });

  it('says which field an edit makes a shown problem out of date', () => {
    expect(editedField({ type: 'setMessage', text: 'x' })).toBe('message');
    expect(editedField({ type: 'setImpact', text: 'x' })).toBe('impact');
    expect(editedField({ type: 'setVisibility', visibility: 'crew' })).toBe('visibility');
    expect(editedField({ type: 'toggleMore' })).toBeUndefined();
  });

  it('a start with known people begins at the value; one with words begins with the message box open', () => {
    expect(startComposer<Person>({ people: [SEAN] }).step).toBe('value');
    const anniversary = startComposer<Person>({ people: [SEAN], valueKey: 'team-spirit', message: 'Congratulations on 10 years!' });
    expect(anniversary).toMatchObject({ step: 'message', writing: true });
  });
});

describe('one composer: several people, going back, problems', () => {
  it('"Add someone" picks several: taps add and remove, "Next" moves on to what is still missing', () => {
    const adding = run(startComposer<Person>(), { type: 'pickPerson', person: SEAN }, { type: 'addPeople' });
    expect(adding).toMatchObject({ step: 'person', addingPeople: true });
    const two = run(adding, { type: 'pickPerson', person: MIRA });
    expect(two.people).toEqual([SEAN, MIRA]);
    expect(run(two, { type: 'pickPerson', person: MIRA }).people).toEqual([SEAN]);
    expect(run(two, { type: 'peopleDone' })).toMatchObject({ step: 'value', addingPeople: false });
    // With a value already picked, on to the words.
    expect(run(two, { type: 'pickValue', valueKey: 'quality' }, { type: 'peopleDone' }).step).toBe('message');
  });

  it('"Next" with nobody picked stays, and says why', () => {
    const adding = run(startComposer<Person>(), { type: 'addPeople' });
    expect(run(adding, { type: 'peopleDone' })).toBe(adding);
    expect(pickProblems(adding, 'value')).toEqual([{ code: 'noRecipient', field: 'recipients' }]);
  });

  it('removing the last person goes back to picking one', () => {
    const state = run(startComposer<Person>({ people: [SEAN] }), { type: 'removePerson', id: 'sean' });
    expect(state).toMatchObject({ step: 'person', people: [], addingPeople: false });
  });

  it('a tap on another person, after going back, replaces the one picked; with a value kept it goes on to the words', () => {
    const back = run(startComposer<Person>(), { type: 'pickPerson', person: SEAN }, { type: 'pickValue', valueKey: 'quality' }, { type: 'back' }, { type: 'back' });
    expect(back).toMatchObject({ step: 'person', addingPeople: false });
    expect(run(back, { type: 'pickPerson', person: MIRA })).toMatchObject({ step: 'message', people: [MIRA] });
  });

  it('going back with several picked keeps adding', () => {
    const state = run(startComposer<Person>({ people: [SEAN, MIRA] }), { type: 'back' });
    expect(state).toMatchObject({ step: 'person', addingPeople: true });
  });

  it('a value tapped before anybody is picked is kept, and the composer stays to say who is missing', () => {
    const state = run(startComposer<Person>(), { type: 'pickValue', valueKey: 'quality' });
    expect(state).toMatchObject({ step: 'person', valueKey: 'quality' });
    expect(pickProblems(state, 'message')).toEqual([{ code: 'noRecipient', field: 'recipients' }]);
    expect(pickProblems(startComposer<Person>({ people: [SEAN] }), 'message')).toEqual([{ code: 'valueUnknown', field: 'value' }]);
  });

  it('shows the first refused field in form order, unfolded', () => {
    const atMessage = startComposer<Person>({ people: [SEAN, MIRA], valueKey: 'quality' });
    expect(run(atMessage, { type: 'showProblems', fields: ['message', 'recipients'] })).toMatchObject({ step: 'person', addingPeople: true });
    expect(run(atMessage, { type: 'showProblems', fields: ['value'] }).step).toBe('value');
    expect(run(atMessage, { type: 'showProblems', fields: ['message'] })).toMatchObject({ step: 'message', writing: true, moreOpen: false });
    expect(run(atMessage, { type: 'showProblems', fields: ['visibility'] })).toMatchObject({ step: 'message', writing: false, moreOpen: true });
    expect(run(atMessage, { type: 'showProblems', fields: ['impact', 'message'] })).toMatchObject({ writing: true, moreOpen: true });
    expect(run(atMessage, { type: 'showProblems', fields: [] })).toBe(atMessage);
  });
});
