import { createJestConfig } from '../../jest.preset.js';

// Components run in jsdom; the end-to-end tests (e2e/) and the bundle budget (test/) say `@jest-environment
// node` in their docblock and drive the built app in Debian's Chromium.
export default createJestConfig({
  displayName: 'web',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)', '<rootDir>/test/**/*.test.ts?(x)', '<rootDir>/e2e/**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1', '\\.css$': '<rootDir>/test/style-stub.js' },
  setupFilesAfterEnv: ['<rootDir>/test/setup-tests.ts'],
  testTimeout: 60_000,
  maxWorkers: 1,
});
