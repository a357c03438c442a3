-- Version 11: where each imported post came from, so importing the same file again adds
-- nothing: the row's external_id, or a fingerprint of what the row says.
CREATE TABLE post_imports (
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    external_id TEXT NOT NULL,
    post_id     INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    PRIMARY KEY (client_id, external_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX post_imports_post ON post_imports (post_id);
