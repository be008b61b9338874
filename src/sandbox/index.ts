export { startSandbox, SANDBOX_CREDENTIALS, type Sandbox, type StartSandboxOptions } from './startSandbox.js';
export type { FakeServer, FaultRule, FaultSpec, RequestLogEntry } from './fakeTypes.js';
