'use strict';

// One test stack (jest + Testing Library). gulp's own test task runs nothing, so `npm test`
// calls jest directly. Projects keep the environments apart:
//   unit      – framework-free rules, connectors and tooling tests (node)
//   component – React components with Testing Library (jsdom)
//   integration – connectors and the local tenant over real HTTP (node)
//   e2e       – `npm start` driven by Chromium through playwright-core (node; test/e2e/support/chromium.ts)
//   package   – builds the .sppkg with the real gulp toolchain and inspects it (node, slow)
// ts-jest only transpiles (tsconfig.jest.json sets `isolatedModules`): type-checking every test
// file's imports again in each worker cost about two thirds of the unit tests' time (measured on
// src/core: 52.7 s with checks, 15.9 s without). `npm test` type-checks the whole project once
// with `tsc` first (`npm run typecheck`, ~20 s), so a type error still fails the tests.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }];

// PnPjs v4 ships ES modules only; jest runs CommonJS, so its files are transpiled too.
const esmPackages = ['@pnp'];
const tsJestForEsm = [
  'ts-jest',
  { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2019', esModuleInterop: true, isolatedModules: true } }
];

const shared = {
  rootDir: __dirname,
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  transform: {
    '^.+\\.tsx?$': tsJest,
    [`/node_modules/(${esmPackages.join('|')})/.+\\.js$`]: tsJestForEsm,
    // SPFx localisation modules are AMD (`define([], function () { return {...}; })`).
    '^.+/loc/[a-z]{2}-[a-z]{2}\\.js$': '<rootDir>/test/support/amdLocTransform.js'
  },
  moduleNameMapper: {
    '\\.(css|scss)$': 'identity-obj-proxy',
    // Each strings module is resolved by SPFx from config.json; in tests it is English.
    '^EngageSetupWebPartStrings$': '<rootDir>/src/webparts/engageSetup/loc/en-us.js',
    '^RecognitionWallWebPartStrings$': '<rootDir>/src/webparts/recognitionWall/loc/en-us.js',
    '^MyNextShiftAdaptiveCardExtensionStrings$': '<rootDir>/src/adaptiveCardExtensions/myNextShift/loc/en-us.js',
    '^CrewRecognitionWebPartStrings$': '<rootDir>/src/webparts/crewRecognition/loc/en-us.js',
    '^RecognitionAdminWebPartStrings$': '<rootDir>/src/webparts/recognitionAdmin/loc/en-us.js',
    '^PulseAdminWebPartStrings$': '<rootDir>/src/webparts/pulseAdmin/loc/en-us.js',
    '^RecogniseAdaptiveCardExtensionStrings$': '<rootDir>/src/adaptiveCardExtensions/recognise/loc/en-us.js',
    '^PulseAdaptiveCardExtensionStrings$': '<rootDir>/src/adaptiveCardExtensions/pulse/loc/en-us.js',
    '^MyLearningAdaptiveCardExtensionStrings$': '<rootDir>/src/adaptiveCardExtensions/myLearning/loc/en-us.js',
    '^ShiftStatusApplicationCustomizerStrings$': '<rootDir>/src/extensions/shiftStatus/loc/en-us.js',
    '^RecognitionSharedStrings$': '<rootDir>/src/ui/recognition/loc/en-us.js',
    '^PulseWebPartStrings$': '<rootDir>/src/webparts/pulse/loc/en-us.js',
    '^PulseResultsWebPartStrings$': '<rootDir>/src/webparts/pulseResults/loc/en-us.js',
    '^SkillsMatrixWebPartStrings$': '<rootDir>/src/webparts/skillsMatrix/loc/en-us.js',
    '^MyLearningWebPartStrings$': '<rootDir>/src/webparts/myLearning/loc/en-us.js',
    // adaptivecards 3 ships ES modules in lib/; its UMD build is the same renderer, as CommonJS.
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js'
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json']
};

module.exports = {
  // Two test files at a time on CI's two cores: the end-to-end files wait on the browser and the
  // local tenant a good part of their time (measured: the test phase 1646 s with one, 1301 s with two).
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/unit/**/*.test.ts']
    },
    {
      ...shared,
      displayName: 'component',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.tsx']
    },
    {
      ...shared,
      displayName: 'integration',
      testEnvironment: 'node',
      // Real HTTP against the local tenant and relay: a test's time is the machine's load, not a
      // result (speed is measured by `npm run bench`); jest's 5 s default failed on a busy machine.
      setupFilesAfterEnv: ['<rootDir>/test/support/integrationTimeout.js'],
      testMatch: ['<rootDir>/test/integration/**/*.test.ts']
    },
    {
      ...shared,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts']
    },
    {
      ...shared,
      displayName: 'package',
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/package/buildPackage.js',
      testMatch: ['<rootDir>/test/package/**/*.test.ts']
    }
  ]
};
