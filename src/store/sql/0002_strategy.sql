-- Version 2: the strategy of each client.
CREATE TABLE targets (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    age_min     INTEGER,
    age_max     INTEGER,
    locations   TEXT NOT NULL DEFAULT '',
    interests   TEXT NOT NULL DEFAULT '',
    pains       TEXT NOT NULL DEFAULT '',
    platforms   TEXT NOT NULL DEFAULT '',
    priority    TEXT NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
    created_at  INTEGER NOT NULL,
    deleted_at  INTEGER
) STRICT;
CREATE INDEX targets_client ON targets (client_id);

CREATE TABLE objectives (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    platform   TEXT REFERENCES platforms (key),
    metric     TEXT NOT NULL,
    baseline   INTEGER NOT NULL,
    target     INTEGER NOT NULL,
    start_date TEXT NOT NULL,
    deadline   TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    deleted_at INTEGER,
    CHECK (deadline > start_date)
) STRICT;
CREATE INDEX objectives_client ON objectives (client_id);

CREATE TABLE campaigns (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    platforms    TEXT NOT NULL DEFAULT '',
    start_date   TEXT NOT NULL,
    end_date     TEXT NOT NULL,
    budget       INTEGER CHECK (budget >= 0),
    objective_id INTEGER REFERENCES objectives (id) ON DELETE SET NULL,
    status       TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    deleted_at   INTEGER,
    CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX campaigns_client ON campaigns (client_id);

CREATE TABLE budget_lines (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    month      TEXT NOT NULL,
    platform   TEXT REFERENCES platforms (key),
    kind       TEXT NOT NULL,
    amount     INTEGER NOT NULL CHECK (amount >= 0),
    note       TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    deleted_at INTEGER
) STRICT;
CREATE INDEX budget_lines_client_month ON budget_lines (client_id, month);

CREATE TABLE expenses (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    amount      INTEGER NOT NULL CHECK (amount >= 0),
    kind        TEXT NOT NULL,
    platform    TEXT REFERENCES platforms (key),
    campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    deleted_at  INTEGER
) STRICT;
CREATE INDEX expenses_client_date ON expenses (client_id, date);

CREATE TABLE editorial (
    client_id INTEGER PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
    tone      TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE pillars (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    share       INTEGER NOT NULL CHECK (share BETWEEN 0 AND 100),
    description TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    deleted_at  INTEGER
) STRICT;
CREATE INDEX pillars_client ON pillars (client_id);

CREATE TABLE hashtag_sets (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    tags       TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    deleted_at INTEGER
) STRICT;
CREATE INDEX hashtag_sets_client ON hashtag_sets (client_id);

CREATE TABLE competitors (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    handles    TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    deleted_at INTEGER
) STRICT;
CREATE INDEX competitors_client ON competitors (client_id);

CREATE TABLE competitor_notes (
    id            INTEGER PRIMARY KEY,
    competitor_id INTEGER NOT NULL REFERENCES competitors (id) ON DELETE CASCADE,
    date          TEXT NOT NULL,
    text          TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    deleted_at    INTEGER
) STRICT;
CREATE INDEX competitor_notes_competitor ON competitor_notes (competitor_id);
