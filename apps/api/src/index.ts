export { apiConfigFromEnvironment, configFileSchema, type ApiConfig } from './api-config.js';
export { ApiError } from './api-error.js';
export { createApp, type ApiApp, type AppOptions } from './create-app.js';
export { createChatStore, type ChatStore } from './database/chat-store.js';
export { openDatabase, type Database } from './database/open-database.js';
export { createRunStore, type RunStatus, type RunStore } from './database/run-store.js';
