import { createJestConfig } from '../../jest.preset.js';

export default createJestConfig({ displayName: 'api', testTimeout: 60_000, maxWorkers: 1 });
