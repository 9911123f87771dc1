import { createJestConfig } from '../../jest.preset.js';

// The sandbox is tested as `npm start` runs it: one process with its services and the API; runs do not
// overlap, each starts a MariaDB.
export default createJestConfig({ displayName: 'sandbox', testTimeout: 180_000, maxWorkers: 1 });
