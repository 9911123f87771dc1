import { createJestConfig } from '../../jest.preset.js';

export default createJestConfig({ displayName: 'orchestrator', testTimeout: 60_000, maxWorkers: 1 });
