import { createJestConfig } from '../../jest.preset.js';

// No src/ of its own to cover, and the connectors' coverage is counted by their own projects' tests.
export default createJestConfig({ displayName: 'conformance', collectCoverage: false });
