import { createJestConfig } from '../../../jest.preset.js';

export default createJestConfig({
  displayName: 'mysql',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60_000,
  // One shared server; suites that restart it must not overlap with others.
  maxWorkers: 1,
});
