/**
 * Learning paths of small steps, assignments to people and crews, progress with sign-offs and
 * certificate expiry (some expiring soon), and a skills matrix (ILUO) for every crew.
 *
 * Written as the product writes them (docs/learning.md, "Integrity"): HR authors the paths and
 * steps; assignments, progress and skills are the relay's (site user 9, author and last writer),
 * with the person who assigned, signed off or assessed in their own columns. Quizzes carry their
 * questions and choices in `Quiz`; their answer key is sealed into `QuizKey` with the relay's own
 * function and the local relay's learning key, exactly as the relay's quiz-key route writes it when
 * HR saves a quiz, so the demo's quizzes are scored by the relay.
 */
import { learningKeyring, type LearningKeyring, sealQuizKey } from '../../../relay/src/learning/keys';
import { assignmentKey, progressKey, skillKey } from '../../../src/core/models/keys';
import type { QuizAnswerKey, SkillGrant, SkillLevel } from '../../../src/core/models/learning';
import { localLearningKeys } from '../../relay/learningKeys';
import { courseByTitle } from '../courses';
import type { Person } from '../directory';
import { personas } from '../personas';
import { LINES } from '../plantModel';
import { hashText } from '../random';
import { CrewPeople, DAY_MS, HistoryContext, spDate } from './common';

interface StepSeed {
  readonly title: string;
  readonly kind: 'read' | 'watch' | 'viva-course' | 'quiz' | 'practice';
  readonly sv: string;
  readonly nl: string;
  readonly minutes: number;
  readonly course?: string;
}

interface PathSeed {
  readonly title: string;
  readonly sv: string;
  readonly nl: string;
  readonly description: string;
  readonly category: 'onboarding' | 'machine-qualification' | 'safety' | 'other';
  readonly validityMonths: number;
  /** Use it or lose it: days without practice on a granted station before the level lapses (0: never). */
  readonly lapseDays: number;
  /** Paths (by title, seeded before this one) that must be finished first. */
  readonly requires: readonly string[];
  /** Levels on stations finishing the path grants; sign-offs name one of these stations. */
  readonly grants: readonly SkillGrant[];
  /** Crews whose team leaders are named trainers of the path (`TrainerIds`). */
  readonly trainerCrews: readonly string[];
  readonly steps: readonly StepSeed[];
}

const PATHS: readonly PathSeed[] = [
  {
    title: 'Onboarding – first two weeks on the floor',
    sv: 'Introduktion – dina första två veckor',
    nl: 'Inwerken – je eerste twee weken',
    description: 'Safety walk, your crew, your station and who to ask.',
    category: 'onboarding',
    validityMonths: 0,
    lapseDays: 0,
    requires: [],
    grants: [],
    trainerCrews: [],
    steps: [
      { title: 'Welcome to the plant', kind: 'read', sv: 'Välkommen till fabriken', nl: 'Welkom in de fabriek', minutes: 5 },
      { title: 'Safety walk video', kind: 'watch', sv: 'Säkerhetsrundan (film)', nl: 'Veiligheidsronde (video)', minutes: 8 },
      { title: 'Working safely next to robots', kind: 'viva-course', sv: 'Arbeta säkert nära robotar', nl: 'Veilig werken bij robots', minutes: 20, course: 'Working safely next to robots' },
      { title: 'Safety quiz', kind: 'quiz', sv: 'Säkerhetsquiz', nl: 'Veiligheidsquiz', minutes: 5 },
      { title: 'First shift with your buddy', kind: 'practice', sv: 'Första skiftet med din fadder', nl: 'Eerste dienst met je buddy', minutes: 480 }
    ]
  },
  {
    title: 'Forklift licence',
    sv: 'Truckkort',
    nl: 'Heftruckcertificaat',
    description: 'Theory, a short quiz and a practical test with a trainer.',
    category: 'machine-qualification',
    validityMonths: 24,
    lapseDays: 90,
    requires: ['Onboarding – first two weeks on the floor'],
    grants: [
      { station: 'GOT-WELD2-FLT', level: 'U' },
      { station: 'EIN-LOG-FLT', level: 'U' }
    ],
    trainerCrews: ['GOT-WELD2-A', 'EIN-LOG-A'],
    steps: [
      { title: 'Forklift safety basics', kind: 'viva-course', sv: 'Grundläggande trucksäkerhet', nl: 'Basis heftruckveiligheid', minutes: 30, course: 'Forklift safety basics' },
      { title: 'Daily truck check', kind: 'read', sv: 'Daglig kontroll av trucken', nl: 'Dagelijkse controle van de heftruck', minutes: 5 },
      { title: 'Forklift quiz', kind: 'quiz', sv: 'Truckquiz', nl: 'Heftruckquiz', minutes: 5 },
      { title: 'Practical test with a trainer', kind: 'practice', sv: 'Praktiskt prov med instruktör', nl: 'Praktijktoets met een trainer', minutes: 45 }
    ]
  },
  {
    title: 'Lockout/tagout',
    sv: 'Lockout/tagout (LOTO)',
    nl: 'Lockout/tagout (LOTO)',
    description: 'Isolate energy before you reach in. Renewed every year.',
    category: 'safety',
    validityMonths: 12,
    lapseDays: 0,
    requires: [],
    grants: [{ station: 'GOT-PRESS1-DIE', level: 'U' }],
    trainerCrews: ['GOT-PRESS1-A', 'GOT-PRESS1-B'],
    steps: [
      { title: 'Lockout/tagout essentials', kind: 'viva-course', sv: 'LOTO – grunderna', nl: 'LOTO – de basis', minutes: 15, course: 'Lockout/tagout essentials' },
      { title: 'LOTO at your machine (video)', kind: 'watch', sv: 'LOTO vid din maskin (film)', nl: 'LOTO bij jouw machine (video)', minutes: 6 },
      { title: 'Lock out the press with a trainer', kind: 'practice', sv: 'Lås ut pressen med instruktör', nl: 'Machine vergrendelen met een trainer', minutes: 20 }
    ]
  },
  {
    title: 'Injection moulding qualification',
    sv: 'Kvalificering formsprutning',
    nl: 'Kwalificatie spuitgieten',
    description: 'Start-up, mould change and first-part inspection on the moulding machines.',
    category: 'machine-qualification',
    validityMonths: 36,
    lapseDays: 60,
    requires: [],
    grants: [
      { station: 'EIN-MOULD-IMM', level: 'U' },
      { station: 'EIN-MOULD-TOOL', level: 'U' }
    ],
    trainerCrews: ['EIN-MOULD-A'],
    steps: [
      { title: 'Machine start-up', kind: 'read', sv: 'Uppstart av maskinen', nl: 'Opstarten van de machine', minutes: 10 },
      { title: 'Mould change (video)', kind: 'watch', sv: 'Formbyte (film)', nl: 'Matrijswissel (video)', minutes: 12 },
      { title: 'First-part inspection', kind: 'practice', sv: 'Första-detalj-kontroll', nl: 'Eerste-stukcontrole', minutes: 60 }
    ]
  },
  {
    title: '5S basics',
    sv: '5S – grunderna',
    nl: '5S – de basis',
    description: 'Sort, set in order, shine, standardise, sustain.',
    category: 'other',
    validityMonths: 0,
    lapseDays: 0,
    requires: [],
    grants: [],
    trainerCrews: [],
    steps: [
      { title: '5S in the workplace', kind: 'viva-course', sv: '5S på arbetsplatsen', nl: '5S op de werkplek', minutes: 25, course: '5S in the workplace' },
      { title: '5S quiz', kind: 'quiz', sv: '5S-quiz', nl: '5S-quiz', minutes: 4 }
    ]
  }
];

/**
 * The `Quiz` column: questions and choices, which every member reads. Which choices are right is
 * not in it (docs/learning.md, "Sealed columns").
 */
function quizFor(path: PathSeed): string {
  return JSON.stringify({
    questions: [
      {
        key: 'q1',
        translations: {
          'en-us': { prompt: `What do you do first in "${path.title}"?`, options: ['Check the area is safe', 'Start the machine', 'Ask for overtime'] },
          'sv-se': { prompt: 'Vad gör du först?', options: ['Kontrollerar att området är säkert', 'Startar maskinen', 'Ber om övertid'] },
          'nl-nl': { prompt: 'Wat doe je eerst?', options: ['Controleren of het gebied veilig is', 'De machine starten', 'Overwerk aanvragen'] }
        }
      },
      {
        key: 'q2',
        translations: {
          'en-us': { prompt: 'Who do you tell about a near miss?', options: ['Nobody', 'Your team leader', 'Only HR'] },
          'sv-se': { prompt: 'Vem berättar du för om ett tillbud?', options: ['Ingen', 'Din lagledare', 'Bara HR'] },
          'nl-nl': { prompt: 'Aan wie meld je een bijna-ongeval?', options: ['Niemand', 'Je ploegleider', 'Alleen HR'] }
        }
      }
    ],
    passMark: 2
  });
}

/** Which choices of {@link quizFor} are right: the relay seals it, members never read it. */
export const SEEDED_QUIZ_ANSWERS: QuizAnswerKey = { q1: [0], q2: [1] };

interface SeededPath {
  readonly id: number;
  readonly seed: PathSeed;
  readonly stepIds: readonly number[];
  /** Site user ids of the named trainers. */
  readonly trainerIds: readonly number[];
}

function addMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate(), date.getUTCHours()));
}

/** The stations of a person's line (none for staff without a line). */
function stationsOf(person: Person): readonly string[] {
  return LINES.find((line) => line.code === person.lineCode)?.stations.map((station) => station.code) ?? [];
}

/**
 * Who signs a learner's practice off, and where: a trainer named on the path at the learner's
 * site, else their crew's leader, their manager or HR, never the learner (nobody signs off their
 * own practice); at a station the path grants (the learner's site first), or, for a path that
 * grants none, a station of the learner's line.
 */
function signOffBy(context: HistoryContext, path: SeededPath, learner: Person, crew: CrewPeople | undefined): { trainer: Person; station: string } {
  const named = path.trainerIds
    .map((id) => context.directory.bySpUserId(id))
    .filter((person): person is Person => person !== undefined && person.id !== learner.id);
  const candidates = [named.find((p) => p.siteCode === learner.siteCode), crew?.leader, context.directory.byId(learner.managerId ?? ''), context.hrAt(learner.siteCode)];
  const trainer = candidates.find((person): person is Person => person !== undefined && person.id !== learner.id) ?? context.hrAt(learner.siteCode === 'GOT' ? 'EIN' : 'GOT');
  const granted = path.seed.grants.map((grant) => grant.station);
  const station =
    granted.find((code) => code.startsWith(`${learner.siteCode}-`)) ?? granted[0] ?? stationsOf(learner)[0] ?? stationsOf(trainer)[0] ?? `${learner.siteCode}-FLOOR`;
  return { trainer, station };
}

export function seedLearning(context: HistoryContext): void {
  const { rng, today } = context;
  const author = context.hrAt('GOT');
  const authoredAt = new Date(today.getTime() - 120 * DAY_MS);
  const keys: LearningKeyring = learningKeyring(localLearningKeys());
  const paths: SeededPath[] = [];
  // The answer key is bound to its step's id, known before the step is written: the seed is the
  // only writer of a new SE_LearningSteps, whose ids run from 1.
  let lastStepId = 0;
  for (const path of PATHS) {
    const requires = path.requires.map((title) => {
      const required = paths.find((p) => p.seed.title === title);
      if (!required) {
        throw new Error(`The seeded path "${path.title}" requires "${title}", which is not seeded before it.`);
      }
      return required.id;
    });
    const trainerIds = path.trainerCrews
      .map((key) => context.crewByKey.get(key)?.leader.spUserId)
      .filter((id): id is number => id !== undefined);
    const values: Record<string, unknown> = {
      Title: path.title,
      Description: path.description,
      Translations: JSON.stringify({
        'en-us': { name: path.title, description: path.description },
        'sv-se': { name: path.sv },
        'nl-nl': { name: path.nl }
      }),
      Category: path.category,
      ValidityMonths: path.validityMonths,
      LapseDays: path.lapseDays,
      IsActive: true
    };
    if (requires.length > 0) {
      values.RequiresPathIds = JSON.stringify(requires);
    }
    if (path.grants.length > 0) {
      values.Grants = JSON.stringify(path.grants);
    }
    if (trainerIds.length > 0) {
      values.TrainerIds = JSON.stringify(trainerIds);
    }
    const id = context.add('SE_LearningPaths', values, author.spUserId, authoredAt);
    const stepIds = path.steps.map((step, index) => {
      const values: Record<string, unknown> = {
        Title: step.title,
        PathId: id,
        SortOrder: (index + 1) * 10,
        Kind: step.kind,
        Translations: JSON.stringify({
          'en-us': { title: step.title },
          'sv-se': { title: step.sv },
          'nl-nl': { title: step.nl }
        }),
        RequiresSignOff: step.kind === 'practice',
        EstimatedMinutes: step.minutes
      };
      if (step.kind === 'read' || step.kind === 'watch') {
        values.ContentUrl = `${context.siteUrlPath}/SitePages/learning/${path.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${index + 1}.aspx`;
      }
      if (step.course) {
        values.VivaCourseId = courseByTitle(step.course).learningContentId;
      }
      if (step.kind === 'quiz') {
        values.Quiz = quizFor(path);
        values.QuizKey = sealQuizKey(keys, lastStepId + 1, SEEDED_QUIZ_ANSWERS);
      }
      const stepId = context.add('SE_LearningSteps', values, author.spUserId, authoredAt);
      if (stepId !== lastStepId + 1) {
        throw new Error(`The seeded step "${step.title}" got id ${stepId}, not ${lastStepId + 1}: SE_LearningSteps was not empty, and its sealed answer key would not open.`);
      }
      lastStepId = stepId;
      return stepId;
    });
    paths.push({ id, seed: path, stepIds, trainerIds });
  }
  const byTitle = (title: string): SeededPath => paths.find((p) => p.seed.title === title) ?? paths[0];
  const onboarding = byTitle('Onboarding – first two weeks on the floor');
  // Trainer sign-off in the workbench: the operator persona has done the forklift licence's
  // practical test and asked for the sign-off (their team leader, a named trainer of the path, sees
  // it waiting), and the agency operator has every step but the practical test done, so they can
  // ask for it themselves.
  const demo = new Map<string, SignOffDemo>();
  for (const choice of personas(context.directory)) {
    if (choice.key === 'operator' || choice.key === 'agencyOperator') {
      demo.set(`${byTitle('Forklift licence').id}:${choice.person.id}`, choice.key === 'operator' ? 'asked' : 'practiceNext');
    }
  }
  const onboarded = new Set<string>();

  // The relay writes every assignment (HR or the leader assigned through it: `AssignedBy`).
  const assign = (path: SeededPath, learner: Person, crew: CrewPeople | undefined, reason: string, assignedBy: Person, via: string): void => {
    const assignedAt = new Date(today.getTime() - rng.int(5, 200) * DAY_MS);
    const key = assignmentKey(path.id, learner.spUserId);
    const values: Record<string, unknown> = {
      Title: key,
      LearnerId: learner.spUserId,
      PathId: path.id,
      AssignedById: assignedBy.spUserId,
      Reason: reason,
      AssignmentKey: key,
      AssignedVia: via,
      DueDate: spDate(new Date(assignedAt.getTime() + rng.pick([14, 30, 60]) * DAY_MS))
    };
    if (crew) {
      values.CrewKey = crew.teamId;
    }
    context.add('SE_Assignments', values, context.relaySpUserId, assignedAt);
    if (path === onboarding) {
      onboarded.add(learner.id);
    }
    seedProgress(context, path, learner, crew, assignedAt, demo.get(`${path.id}:${learner.id}`));
  };

  const newSince = new Date(today.getTime() - 60 * DAY_MS);
  const hires = context.people.filter((p) => Date.parse(`${p.employeeHireDate}T00:00:00Z`) > newSince.getTime());
  for (const person of hires) {
    const crew = person.crewKey ? context.crewByKey.get(person.crewKey) : undefined;
    assign(onboarding, person, undefined, 'onboarding', crew?.leader ?? author, `newSince:${spDate(newSince).slice(0, 10)}`);
  }
  const forkliftCrews = context.crews.filter((c) => ['GOT-WELD2-A', 'GOT-FINAL-B', 'EIN-LOG-A', 'EIN-LOG-B'].includes(c.crew.key));
  const lotoCrews = context.crews.filter((c) => c.crew.line.code === 'GOT-PRESS1' || c.crew.key === 'GOT-WELD2-A');
  const mouldCrews = context.crews.filter((c) => c.crew.line.code === 'EIN-MOULD');
  const forklift = byTitle('Forklift licence');
  for (const crew of forkliftCrews) {
    for (const person of crew.operators) {
      // The forklift licence requires onboarding: people who started before Engage came finished
      // it then (HR's import, written by the relay), so their licence path is open.
      if (!onboarded.has(person.id)) {
        seedFinishedPath(context, onboarding, person, crew);
      }
      assign(forklift, person, crew, rng.chance(0.2) ? 'renewal' : 'qualification', crew.leader, `crew:${crew.teamId}`);
    }
  }
  for (const crew of lotoCrews) {
    for (const person of crew.everyone) {
      assign(byTitle('Lockout/tagout'), person, crew, rng.chance(0.5) ? 'renewal' : 'qualification', crew.leader, `crew:${crew.teamId}`);
    }
  }
  for (const crew of mouldCrews) {
    for (const person of crew.operators) {
      assign(byTitle('Injection moulding qualification'), person, crew, 'qualification', crew.leader, `crew:${crew.teamId}`);
    }
  }
  for (const person of rng.shuffle(context.people.filter((p) => p.role === 'operator')).slice(0, 20)) {
    const crew = person.crewKey ? context.crewByKey.get(person.crewKey) : undefined;
    assign(byTitle('5S basics'), person, undefined, 'development', crew?.leader ?? author, 'person');
  }

  seedSkills(context, paths);
}

/** The columns every progress row has: the learner, the step, its key and the learner's crew. */
function progressRow(path: SeededPath, stepId: number, learner: Person, crew: CrewPeople | undefined): Record<string, unknown> {
  const key = progressKey(stepId, learner.spUserId);
  const values: Record<string, unknown> = { Title: key, LearnerId: learner.spUserId, PathId: path.id, StepId: stepId, ProgressKey: key };
  if (crew) {
    values.CrewKey = crew.teamId;
  }
  return values;
}

/** A path finished in the person's first weeks, every step done and the practice signed off. */
function seedFinishedPath(context: HistoryContext, path: SeededPath, learner: Person, crew: CrewPeople): void {
  const started = Date.parse(`${learner.employeeHireDate}T00:00:00Z`);
  const { trainer, station } = signOffBy(context, path, learner, crew);
  path.stepIds.forEach((stepId, index) => {
    const completedAt = new Date(Math.min(started + (index + 1) * 3 * DAY_MS, context.today.getTime() - DAY_MS));
    const values = progressRow(path, stepId, learner, crew);
    values.CompletedAt = spDate(completedAt);
    if (path.seed.steps[index].kind === 'practice') {
      values.Status = 'signed-off';
      values.SignedOffById = trainer.spUserId;
      values.SignedOffAt = spDate(completedAt);
      values.SignOffStation = station;
    } else {
      values.Status = 'completed';
    }
    context.add('SE_Progress', values, context.relaySpUserId, completedAt);
  });
}

/**
 * A workbench persona's progress on a path with practice, written without the random history:
 * every step before the practice done; the practice done and a trainer asked (`asked`, the row
 * `completed` as the relay's signoff-request route writes it), or not started (`practiceNext`).
 */
type SignOffDemo = 'asked' | 'practiceNext';

function seedSignOffDemo(context: HistoryContext, path: SeededPath, learner: Person, crew: CrewPeople | undefined, assignedAt: Date, demo: SignOffDemo): void {
  const { today } = context;
  path.stepIds.forEach((stepId, index) => {
    const practice = path.seed.steps[index].kind === 'practice';
    if (practice && demo === 'practiceNext') {
      return;
    }
    // Spread over the days since assignment; the practice (asked for) yesterday.
    const completedAt = practice ? new Date(today.getTime() - DAY_MS) : new Date(Math.min(assignedAt.getTime() + (index + 1) * DAY_MS, today.getTime() - 2 * DAY_MS));
    const values = progressRow(path, stepId, learner, crew);
    values.Status = 'completed';
    values.CompletedAt = spDate(completedAt);
    context.add('SE_Progress', values, context.relaySpUserId, completedAt);
  });
}

function seedProgress(context: HistoryContext, path: SeededPath, learner: Person, crew: CrewPeople | undefined, assignedAt: Date, demo?: SignOffDemo): void {
  if (demo) {
    // The random history is drawn all the same, so every other row of the demo stays as it was.
    seedProgressRows(context, path, learner, crew, assignedAt, () => undefined);
    seedSignOffDemo(context, path, learner, crew, assignedAt, demo);
    return;
  }
  seedProgressRows(context, path, learner, crew, assignedAt, (values, created) => context.add('SE_Progress', values, context.relaySpUserId, created));
}

function seedProgressRows(
  context: HistoryContext,
  path: SeededPath,
  learner: Person,
  crew: CrewPeople | undefined,
  assignedAt: Date,
  write: (values: Record<string, unknown>, created: Date) => void
): void {
  const { rng, today } = context;
  const stepsDone = rng.int(0, path.stepIds.length);
  const { trainer, station } = signOffBy(context, path, learner, crew);
  path.stepIds.forEach((stepId, index) => {
    const step = path.seed.steps[index];
    if (index > stepsDone) {
      return;
    }
    const values = progressRow(path, stepId, learner, crew);
    const span = Math.max(1, (today.getTime() - assignedAt.getTime()) / DAY_MS - 1);
    const completedAt = new Date(assignedAt.getTime() + Math.min(span, (index + 1) * rng.int(1, 4)) * DAY_MS);
    if (index === stepsDone) {
      values.Status = 'in-progress';
    } else if (step.kind === 'practice') {
      values.Status = 'signed-off';
      values.CompletedAt = spDate(completedAt);
      values.SignedOffById = trainer.spUserId;
      values.SignOffStation = station;
      let signedOff = completedAt;
      if (path.seed.validityMonths > 0) {
        // About one in four qualifications expires within the next 30 days: signed off long ago.
        if (rng.chance(0.25)) {
          signedOff = addMonths(new Date(today.getTime() + rng.int(3, 30) * DAY_MS), -path.seed.validityMonths);
        }
        values.ExpiresAt = spDate(addMonths(signedOff, path.seed.validityMonths));
      }
      values.SignedOffAt = spDate(signedOff);
    } else {
      values.Status = 'completed';
      values.CompletedAt = spDate(completedAt);
    }
    // The relay records every step: the person's own (read, watch, course, quiz) and the trainer's sign-off.
    write(values, completedAt.getTime() < today.getTime() ? completedAt : assignedAt);
  });
}

/**
 * The station of a crew's line that only its leader runs alone: the last one no path grants (an
 * inspection or test station), so the skills matrix of every crew shows a single point of failure,
 * and every shift without the leader a station nobody on it covers.
 */
export function singleCoverStation(line: { readonly stations: ReadonlyArray<{ readonly code: string }> }): string | undefined {
  const granted = new Set(PATHS.flatMap((path) => path.grants.map((grant) => grant.station)));
  return line.stations
    .map((station) => station.code)
    .filter((code) => !granted.has(code))
    .pop();
}

/**
 * ILUO levels per station for about 70% of each crew's person × station cells, written by the
 * relay (the leader who assessed in `AssessedBy`). A level on a station a path grants names the
 * path, and, when the path lapses without practice, when the person last practised there. On the
 * crew's single-cover station (`singleCoverStation`) everyone but the leader is at I or L.
 *
 * In the workbench personas' crew the forklift, which the agency operator's forklift licence
 * grants (`seedSignOffDemo`), also has only the leader at U or O: every shift of the crew shows it
 * as a single point of failure until the trainer signs the agency operator off, and then the
 * shifts they work have two.
 *
 * Certificates that expire (forklift, die change, mould tools): about one in four of those held by
 * someone other than a leader ends within the next four weeks (chosen by a hash of the level's
 * key, not by a draw, so every other cell stays as it was), so the relay's learning timer has
 * renewals to assign and announce.
 */
function seedSkills(context: HistoryContext, paths: readonly SeededPath[]): void {
  const { rng, today } = context;
  const demo = personas(context.directory).find((choice) => choice.key === 'agencyOperator')?.person;
  const forklift = paths.find((p) => p.seed.title === 'Forklift licence');
  for (const crew of context.crews) {
    const demoCrew = demo !== undefined && crew.everyone.some((person) => person.id === demo.id);
    const leaderOnly = new Set([singleCoverStation(crew.crew.line), ...(demoCrew ? (forklift?.seed.grants ?? []).map((grant) => grant.station) : [])]);
    for (const station of crew.crew.line.stations) {
      const path = paths.find((p) => p.seed.grants.some((grant) => grant.station === station.code));
      for (const person of crew.everyone) {
        if (person !== crew.leader && !rng.chance(0.7)) {
          continue;
        }
        const roll = rng.next();
        const drawn: SkillLevel = person === crew.leader ? 'O' : roll < 0.15 ? 'I' : roll < 0.4 ? 'L' : roll < 0.82 ? 'U' : 'O';
        // The same draws either way, so every other cell of the demo stays as it was.
        const level: SkillLevel = leaderOnly.has(station.code) && person !== crew.leader && (drawn === 'U' || drawn === 'O') ? 'L' : drawn;
        const assessedAt = new Date(today.getTime() - rng.int(5, 400) * DAY_MS);
        const key = skillKey(station.code, person.spUserId);
        const values: Record<string, unknown> = {
          Title: station.name,
          PersonId: person.spUserId,
          Station: station.code,
          Level: level,
          CrewKey: crew.teamId,
          AssessedById: crew.leader.spUserId,
          AssessedAt: spDate(assessedAt),
          SkillKey: key
        };
        if (/FLT|DIE|TOOL/.test(station.code)) {
          const hash = hashText(key);
          values.ExpiresAt = spDate(person !== crew.leader && hash % 4 === 0 ? new Date(today.getTime() + (3 + (hash % 25)) * DAY_MS) : addMonths(assessedAt, 24));
        }
        if (path) {
          values.PathId = path.id;
          if (path.seed.lapseDays > 0) {
            // Mostly practised lately; about one in ten close to lapsing (or lapsed): last practice
            // up to a week either side of the lapse day.
            const back = rng.chance(0.1) ? path.seed.lapseDays + rng.int(-7, 7) : rng.int(1, Math.floor(path.seed.lapseDays / 2));
            values.LastPractisedAt = spDate(new Date(Math.max(assessedAt.getTime(), today.getTime() - back * DAY_MS)));
          }
        }
        context.add('SE_Skills', values, context.relaySpUserId, assessedAt);
      }
    }
  }
}
