import { createJestConfig } from '../../jest.preset.js';

export default createJestConfig({
  displayName: 'orchestrator',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 1,
});
