export { startSandbox, type Sandbox, type SandboxDatasource, type SandboxSource } from './start-sandbox.js';
