export { connectInMemory, type ConnectedClient } from './connect-in-memory.js';
export { hostOriginCases, sendHostOriginCase, type HostOriginCase, type HostOriginRoute } from './host-origin-cases.js';
export { sendRawHttpRequest, type RawHttpResponse } from './send-raw-http-request.js';
export { spawnStdioClient, type SpawnedClient } from './spawn-stdio-client.js';
export {
  callToolWithinStructuredBudget,
  createStructuredBudgetCaller,
  type StructuredBudgetCaller,
  type StructuredBudgetReport,
} from './call-tool-within-structured-budget.js';
export { measureShutdown, stackTraceLine, type ShutdownReport } from './measure-shutdown.js';
export { startUnreachableEndpoints, type UnreachableEndpoints } from './start-unreachable-endpoints.js';
