import { createJestConfig } from '../../../jest.preset.js';

export default createJestConfig({ displayName: 'shopify', testTimeout: 60_000 });
