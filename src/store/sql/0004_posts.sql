-- Version 4: the editorial calendar.
CREATE TABLE posts (
    id            INTEGER PRIMARY KEY,
    client_id     INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    -- Wall-clock time in the client's zone ('YYYY-MM-DD HH:MM'); NULL: no date yet.
    local_time    TEXT,
    -- The instant of local_time in the client's zone, kept for sorting and ranges.
    scheduled_at  INTEGER,
    status        TEXT NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('idea', 'draft', 'ready', 'scheduled', 'published', 'failed', 'cancelled')),
    title         TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL DEFAULT '',
    first_comment TEXT NOT NULL DEFAULT '',
    media         TEXT NOT NULL DEFAULT '',
    pillar_id     INTEGER REFERENCES pillars (id) ON DELETE SET NULL,
    campaign_id   INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
    target_id     INTEGER REFERENCES targets (id) ON DELETE SET NULL,
    objective_id  INTEGER REFERENCES objectives (id) ON DELETE SET NULL,
    link          TEXT NOT NULL DEFAULT '',
    utm_medium    TEXT NOT NULL DEFAULT 'social',
    utm_campaign  TEXT NOT NULL DEFAULT '',
    permalink     TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    deleted_at    INTEGER,
    CHECK ((local_time IS NULL) = (scheduled_at IS NULL))
) STRICT;
-- Calendar views read days by the client's wall clock.
CREATE INDEX posts_client_local ON posts (client_id, local_time);
CREATE INDEX posts_local ON posts (local_time);

CREATE TABLE post_accounts (
    post_id    INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, account_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX post_accounts_account ON post_accounts (account_id);
