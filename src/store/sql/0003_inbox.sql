-- Version 3: the inbox (comments, replies, DMs, mentions, reviews) and saved replies.
CREATE TABLE inbox_items (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    platform    TEXT NOT NULL REFERENCES platforms (key),
    kind        TEXT NOT NULL CHECK (kind IN ('comment', 'reply', 'dm', 'mention', 'review')),
    author      TEXT NOT NULL,
    author_name TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    permalink   TEXT NOT NULL DEFAULT '',
    -- The platform's own id; NULL for items typed by hand.
    external_id TEXT,
    -- The calendar post the item answers, when known (posts arrive with the calendar).
    post_id     INTEGER,
    status      TEXT NOT NULL DEFAULT 'new'
                CHECK (status IN ('new', 'replied', 'ignored', 'follow_up')),
    priority    INTEGER NOT NULL DEFAULT 0,
    sentiment   TEXT CHECK (sentiment IN ('positive', 'neutral', 'negative')),
    suggested   TEXT NOT NULL CHECK (suggested IN ('positive', 'neutral', 'negative')),
    -- Space-separated, with a space before and after, so ' tag ' finds a whole tag.
    tags        TEXT NOT NULL DEFAULT ' ',
    reply       TEXT NOT NULL DEFAULT '',
    replied_at  INTEGER,
    created_at  INTEGER NOT NULL,
    deleted_at  INTEGER
) STRICT;
-- Importing the same item twice stores it once.
CREATE UNIQUE INDEX inbox_external ON inbox_items (platform, external_id);
CREATE INDEX inbox_status_received ON inbox_items (status, received_at);
CREATE INDEX inbox_client_status_received ON inbox_items (client_id, status, received_at);
CREATE INDEX inbox_replied ON inbox_items (replied_at) WHERE replied_at IS NOT NULL;

CREATE TABLE saved_replies (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    text       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    deleted_at INTEGER
) STRICT;
CREATE INDEX saved_replies_client ON saved_replies (client_id);
