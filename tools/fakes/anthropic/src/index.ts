export type { FakeContent, FakeFailure, FakeTurn, TurnScript } from './fake-turn.js';
export { startFakeAnthropic, type FakeAnthropic } from './start-fake-anthropic.js';
export { validateMessagesRequest, type ContentBlock, type MessagesRequest } from './validate-messages-request.js';
