-- Version 1: clients, their accounts, the platform catalogue, settings.
PRAGMA application_id = 1953984360;

CREATE TABLE platforms (
    key           TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    text_limit    INTEGER,
    title_limit   INTEGER,
    hashtag_limit INTEGER,
    count_rule    TEXT NOT NULL
) STRICT;

INSERT INTO platforms (key, name, text_limit, title_limit, hashtag_limit, count_rule) VALUES
    ('facebook',  'Facebook',  63206, NULL, NULL, 'characters'),
    ('instagram', 'Instagram', 2200,  NULL, 5,    'characters'),
    ('linkedin',  'LinkedIn',  3000,  NULL, NULL, 'characters'),
    ('x',         'X',         280,   NULL, NULL, 'weighted'),
    ('tiktok',    'TikTok',    2200,  NULL, NULL, 'characters'),
    ('youtube',   'YouTube',   5000,  100,  NULL, 'characters'),
    ('threads',   'Threads',   500,   NULL, 1,    'characters'),
    ('mastodon',  'Mastodon',  500,   NULL, NULL, 'characters_url23'),
    ('bluesky',   'Bluesky',   300,   NULL, NULL, 'graphemes'),
    ('pinterest', 'Pinterest', 500,   100,  NULL, 'characters'),
    ('blog',      'Blog',      NULL,  NULL, NULL, 'none'),
    ('forum',     'Forum',     NULL,  NULL, NULL, 'none');

CREATE TABLE clients (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL,
    -- Unicode lower case of the name, so names are unique in any case (NOCASE only
    -- folds ASCII).
    name_key           TEXT NOT NULL,
    currency           TEXT NOT NULL CHECK (length(currency) = 3),
    timezone           TEXT NOT NULL,
    reply_target_hours INTEGER NOT NULL DEFAULT 4 CHECK (reply_target_hours > 0),
    notes              TEXT NOT NULL DEFAULT '',
    is_demo            INTEGER NOT NULL DEFAULT 0,
    created_at         INTEGER NOT NULL,
    archived_at        INTEGER
) STRICT;
CREATE UNIQUE INDEX clients_name ON clients (name_key);

CREATE TABLE accounts (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    platform   TEXT NOT NULL REFERENCES platforms (key),
    handle     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    deleted_at INTEGER
) STRICT;
CREATE INDEX accounts_client ON accounts (client_id);
CREATE UNIQUE INDEX accounts_live ON accounts (client_id, platform, handle COLLATE NOCASE)
    WHERE deleted_at IS NULL;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
