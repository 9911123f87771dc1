// Entry point of `@connectormcp/connector-kit/http`, kept apart so that stdio servers never load Express.
export { isLoopbackHost, serveHttp, type HttpTransport } from './serve-http.js';
export {
  BoundedEventStore,
  defaultEventStoreLimits,
  type EventStoreLimits,
  type SessionEventStore,
} from './bounded-event-store.js';
