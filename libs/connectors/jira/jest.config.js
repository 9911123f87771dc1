import { createJestConfig } from '../../../jest.preset.js';

export default createJestConfig({ displayName: 'jira', testTimeout: 60_000 });
