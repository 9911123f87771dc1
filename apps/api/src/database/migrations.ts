/** Schema changes in order; each runs once, recorded in schema_migrations. Plain SQL for PGlite and PostgreSQL alike. */
export const migrations: Array<{ id: number; sql: string }> = [
  {
    id: 1,
    sql: `
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        title TEXT NOT NULL,
        datasources JSONB NOT NULL DEFAULT '[]',
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX sessions_owner ON sessions (owner, updated_at DESC);
      CREATE TABLE messages (
        id BIGSERIAL PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        content JSONB NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX messages_session ON messages (session_id, id);
      CREATE TABLE tool_calls (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        run_id TEXT NOT NULL,
        datasource TEXT NOT NULL,
        tool TEXT NOT NULL,
        arguments JSONB,
        status TEXT NOT NULL,
        duration_ms INTEGER,
        summary TEXT,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE audit_log (
        id BIGSERIAL PRIMARY KEY,
        actor TEXT NOT NULL,
        datasource TEXT NOT NULL,
        tool TEXT NOT NULL,
        arguments JSONB,
        status TEXT NOT NULL,
        duration_ms INTEGER,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );`,
  },
  {
    id: 2,
    // Runs and their pending approvals live in the database so that any instance behind a load balancer
    // can answer an approval or cancel a run that another instance is executing.
    sql: `
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        owner TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'running',
        cancel_requested BOOLEAN NOT NULL DEFAULT false,
        heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        finished_at TIMESTAMPTZ
      );
      CREATE INDEX runs_session ON runs (session_id, created_at);
      CREATE INDEX runs_running ON runs (status) WHERE status = 'running';
      CREATE TABLE pending_approvals (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        owner TEXT NOT NULL,
        datasource TEXT NOT NULL,
        tool TEXT NOT NULL,
        arguments JSONB,
        decision BOOLEAN,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        decided_at TIMESTAMPTZ
      );`,
  },
  {
    id: 3,
    // The structured result of a tool call, so reopened chats show tables and charts again (size-capped).
    sql: `ALTER TABLE tool_calls ADD COLUMN result JSONB;`,
  },
  {
    id: 4,
    // What a reopened chat shows as it was seen: each run's question, tokens and cost, and the error that
    // ended it (with whether a retry can help); each tool call's error code and the text the model read.
    sql: `
      ALTER TABLE runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'chat';
      ALTER TABLE runs ADD COLUMN question TEXT;
      ALTER TABLE runs ADD COLUMN usage JSONB;
      ALTER TABLE runs ADD COLUMN error JSONB;
      ALTER TABLE tool_calls ADD COLUMN error_code TEXT;
      ALTER TABLE tool_calls ADD COLUMN model_text TEXT;`,
  },
];
