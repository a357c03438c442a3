-- Version 13: live connections (issue 21). A connection is one account of a client signed
-- in on its platform; its secrets live in the keyring or a 0600 file, never here: this
-- table holds only what is not secret (where the account lives, how far the last sync
-- read, how it went).
CREATE TABLE connections (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    -- One connection per account: the account row of `twohats account add`.
    account_id   INTEGER NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
    platform     TEXT NOT NULL REFERENCES platforms (key),
    -- The server's base URL (Mastodon instance, Bluesky PDS) and the handle as the net
    -- layer names it: together the name its secrets are kept under.
    server       TEXT NOT NULL,
    handle       TEXT NOT NULL,
    -- JSON of the net layer's Profile (server, or PDS and DID): nothing secret.
    profile      TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'expired', 'error')),
    -- The kind of the last failure (a key such as 'network'), while state is not active.
    last_error   TEXT,
    -- Nothing is sent to the server before this instant (it answered 429).
    retry_at     INTEGER,
    last_sync_at INTEGER,
    -- JSON of the net layer's Cursor: where the next inbox pull starts.
    cursor       TEXT,
    created_at   INTEGER NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1
) STRICT;
-- The secrets are stored under this name: one row for it, whichever client connects.
CREATE UNIQUE INDEX connections_key ON connections (platform, server, handle);
CREATE INDEX connections_client ON connections (client_id);
CREATE TRIGGER connections_version AFTER UPDATE ON connections WHEN NEW.version = OLD.version
BEGIN UPDATE connections SET version = OLD.version + 1 WHERE id = NEW.id; END;

-- How to answer an item a sync brought (or a file brought and a sync met again): the
-- account that saw it and the net layer's ReplyTarget as JSON. Apart from the item's
-- row so that a sync never changes the version of an item a form has open.
CREATE TABLE inbox_reply_targets (
    item_id     INTEGER PRIMARY KEY REFERENCES inbox_items (id) ON DELETE CASCADE,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    target      TEXT NOT NULL,
    -- The first attempt at sending a reply: its idempotency key and time, recorded
    -- before sending so that a retry of the same text is the same send.
    attempt_key TEXT,
    attempt_at  INTEGER,
    -- The reply's id and address once the platform took it.
    sent_id     TEXT,
    sent_url    TEXT
) STRICT;
CREATE INDEX inbox_reply_targets_account ON inbox_reply_targets (account_id);

-- Each send of a post to one of its accounts: 'sending' is written (and committed)
-- before the request goes out, so a crash between sending and recording leaves a trace
-- that is never sent again blindly; 'held' is a post the server keeps until its time
-- (Mastodon scheduled_at): remote_id is then the server's scheduled status id.
CREATE TABLE post_sends (
    post_id     INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    state       TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'held', 'failed')),
    attempt_key TEXT NOT NULL,
    attempt_at  INTEGER NOT NULL,
    remote_id   TEXT,
    remote_url  TEXT,
    held_at     INTEGER,
    error       TEXT,
    PRIMARY KEY (post_id, account_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX post_sends_state ON post_sends (state);

-- A post being sent is 'publishing'. SQLite cannot change a CHECK in place, and
-- rebuilding `posts` would cascade into the tables that reference it; widening the
-- allowed list is the change SQLite documents for writable_schema (existing rows all
-- pass the wider check). Last in this step: nothing after it reads `posts`' old schema.
PRAGMA writable_schema = ON;
UPDATE sqlite_master
   SET sql = replace(sql, '''failed'', ''cancelled'')', '''failed'', ''cancelled'', ''publishing'')')
 WHERE type = 'table' AND name = 'posts';
PRAGMA writable_schema = RESET;
-- Refuses to finish (and so rolls the whole step back) if the list was not widened.
CREATE TEMP TABLE m13_check (ok INTEGER NOT NULL CHECK (ok = 1));
INSERT INTO m13_check
    SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'posts'
       AND sql LIKE '%''cancelled'', ''publishing'')%';
DROP TABLE m13_check;
