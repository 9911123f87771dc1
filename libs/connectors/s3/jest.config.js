import { createJestConfig } from '../../../jest.preset.js';

export default createJestConfig({
  displayName: 's3',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60_000,
});
