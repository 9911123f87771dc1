// One Jest setup for every project: TypeScript through SWC, kept as ES modules so that tests run the
// same module graph as the published packages (run with --experimental-vm-modules, see package scripts).
const script = (name) => new URL(`./tools/scripts/${name}`, import.meta.url).pathname;

export function createJestConfig({ displayName, testEnvironment = 'node', ...overrides }) {
  return {
    displayName,
    testEnvironment,
    extensionsToTreatAsEsm: ['.ts', '.tsx'],
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    transform: {
      '^.+\\.tsx?$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', tsx: true },
            target: 'es2023',
            transform: { react: { runtime: 'automatic' } },
          },
          module: { type: 'es6' },
        },
      ],
    },
    testMatch: ['<rootDir>/src/**/*.test.ts?(x)', '<rootDir>/test/**/*.test.ts?(x)'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    testTimeout: 30_000,
    // Coverage of src/ from the test processes (Jest's V8 coverage) and from the built bins that tests
    // start as child processes (see tools/scripts/coverage-results-processor.js), summed per project.
    collectCoverage: true,
    coverageProvider: 'v8',
    collectCoverageFrom: ['src/**/*.{ts,tsx}', '!src/**/*.test.{ts,tsx}', '!src/**/__fixtures__/**', '!src/**/*.d.ts'],
    coverageDirectory: '<rootDir>/test-results/coverage/jest',
    coverageReporters: ['none'],
    reporters: ['default', script('jest-summary-reporter.js'), script('jest-coverage-reporter.js')],
    testResultsProcessor: script('coverage-results-processor.js'),
    ...overrides,
  };
}
