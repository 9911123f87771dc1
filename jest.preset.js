// One Jest setup for every project: TypeScript through SWC, kept as ES modules so that tests run the
// same module graph as the published packages (run with --experimental-vm-modules, see package scripts).
const summaryReporter = new URL('./tools/scripts/jest-summary-reporter.js', import.meta.url).pathname;

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
    reporters: ['default', summaryReporter],
    ...overrides,
  };
}
