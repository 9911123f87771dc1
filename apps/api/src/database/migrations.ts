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
  {
    id: 5,
    // A team: users from the OpenID provider (or the local user, or an API_KEYS key), their browser sessions
    // (only a hash of the cookie is stored), sign-ins in progress (PKCE verifier and nonce, bound to the
    // browser by a cookie) and personal API keys (hashed, shown once).
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        issuer TEXT,
        subject TEXT,
        email TEXT,
        name TEXT NOT NULL,
        groups JSONB NOT NULL DEFAULT '[]',
        role TEXT NOT NULL DEFAULT 'member',
        role_override TEXT,
        disabled BOOLEAN NOT NULL DEFAULT false,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_identity ON users (issuer, subject);
      CREATE TABLE auth_sessions (
        id_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        refresh_token TEXT,
        id_token TEXT,
        tokens_expire_at TIMESTAMPTZ,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        expires_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX auth_sessions_user ON auth_sessions (user_id);
      CREATE TABLE login_attempts (
        id_hash TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        nonce TEXT NOT NULL,
        code_verifier TEXT NOT NULL,
        return_to TEXT,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        key_hash TEXT NOT NULL UNIQUE,
        prefix TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        last_used_at TIMESTAMPTZ,
        revoked_at TIMESTAMPTZ
      );
      CREATE INDEX api_keys_user ON api_keys (user_id, created_at);`,
  },
  {
    id: 6,
    // Datasources managed in the app. Secret variables and header values are stored encrypted (AES-256-GCM,
    // see secret-box.ts), never in clear. The revision row lets every instance notice a change cheaply.
    sql: `
      CREATE TABLE datasources (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT,
        command TEXT,
        args JSONB NOT NULL DEFAULT '[]',
        url TEXT,
        settings JSONB NOT NULL DEFAULT '{}',
        secrets JSONB NOT NULL DEFAULT '{}',
        headers JSONB NOT NULL DEFAULT '{}',
        system_prompt TEXT,
        examples JSONB,
        enabled BOOLEAN NOT NULL DEFAULT true,
        call_timeout_ms INTEGER NOT NULL DEFAULT 60000,
        use_groups JSONB,
        approve_groups JSONB,
        created_by TEXT,
        updated_by TEXT,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE datasource_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision BIGINT NOT NULL);
      INSERT INTO datasource_revision (id, revision) VALUES (1, 0);`,
  },
  {
    id: 7,
    // The audit trail of a team: who asked what, which tools ran, who approved or denied, who changed a
    // datasource, a user or an API key. Approvals remember who answered them.
    sql: `
      ALTER TABLE audit_log ADD COLUMN action TEXT NOT NULL DEFAULT 'tool_call';
      ALTER TABLE audit_log ADD COLUMN actor_name TEXT;
      ALTER TABLE audit_log ADD COLUMN session_id TEXT;
      ALTER TABLE audit_log ADD COLUMN run_id TEXT;
      ALTER TABLE audit_log ADD COLUMN detail JSONB;
      ALTER TABLE audit_log ALTER COLUMN datasource DROP NOT NULL;
      ALTER TABLE audit_log ALTER COLUMN tool DROP NOT NULL;
      CREATE INDEX audit_log_created ON audit_log (created_at DESC, id DESC);
      ALTER TABLE pending_approvals ADD COLUMN decided_by TEXT;
      CREATE TABLE app_settings (
        name TEXT PRIMARY KEY,
        value JSONB NOT NULL,
        updated_by TEXT,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );`,
  },
  {
    id: 8,
    // Saved questions and tool calls, their schedules, each run's bounded result and its difference from
    // the run before, alert rules and their firings. A run is unique per schedule and due time, so a due
    // run happens once whichever instance (or retry) picks it up; a firing is unique per alert and run, so
    // each firing notifies once.
    sql: `
      CREATE TABLE saved_items (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('tool_call', 'question')),
        datasource TEXT,
        tool TEXT,
        arguments JSONB,
        question TEXT,
        datasources JSONB,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX saved_items_owner ON saved_items (owner, created_at DESC);
      CREATE TABLE schedules (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        saved_id TEXT NOT NULL REFERENCES saved_items (id) ON DELETE CASCADE,
        cron TEXT NOT NULL,
        timezone TEXT NOT NULL,
        paused BOOLEAN NOT NULL DEFAULT false,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX schedules_owner ON schedules (owner, created_at DESC);
      CREATE INDEX schedules_saved ON schedules (saved_id);
      CREATE TABLE schedule_runs (
        id TEXT PRIMARY KEY,
        schedule_id TEXT NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
        due_at TIMESTAMPTZ NOT NULL,
        trigger TEXT NOT NULL DEFAULT 'schedule' CHECK (trigger IN ('schedule', 'manual')),
        status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'error')),
        attempt INTEGER NOT NULL DEFAULT 1,
        started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        finished_at TIMESTAMPTZ,
        result JSONB,
        diff JSONB,
        metrics JSONB,
        error JSONB,
        usage JSONB,
        UNIQUE (schedule_id, due_at)
      );
      CREATE INDEX schedule_runs_schedule ON schedule_runs (schedule_id, started_at DESC);
      CREATE INDEX schedule_runs_started ON schedule_runs (started_at);
      CREATE TABLE alert_rules (
        id TEXT PRIMARY KEY,
        schedule_id TEXT NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        condition JSONB NOT NULL,
        webhook_url TEXT,
        webhook_secret TEXT,
        email_to JSONB,
        quiet_hours JSONB,
        enabled BOOLEAN NOT NULL DEFAULT true,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX alert_rules_schedule ON alert_rules (schedule_id);
      CREATE TABLE alert_firings (
        id TEXT PRIMARY KEY,
        alert_id TEXT NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
        run_id TEXT REFERENCES schedule_runs (id) ON DELETE SET NULL,
        test BOOLEAN NOT NULL DEFAULT false,
        fingerprint TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'deferred', 'sent', 'failed', 'suppressed')),
        message TEXT NOT NULL,
        deliveries JSONB NOT NULL DEFAULT '[]',
        fired_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        deliver_after TIMESTAMPTZ,
        delivered_at TIMESTAMPTZ
      );
      CREATE UNIQUE INDEX alert_firings_once ON alert_firings (alert_id, run_id) WHERE run_id IS NOT NULL;
      CREATE INDEX alert_firings_alert ON alert_firings (alert_id, fired_at DESC);`,
  },
];
