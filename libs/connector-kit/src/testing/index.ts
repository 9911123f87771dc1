export { connectInMemory, type ConnectedClient } from './connect-in-memory.js';
export { spawnStdioClient, type SpawnedClient } from './spawn-stdio-client.js';
