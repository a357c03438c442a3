//! The store's refusals and the app's own failures.

use crate::i18n::Plural;

catalogue! {
    Data {
        // Store
        store_newer_schema: &'static str,
        store_not_twohats: &'static str,
        store_database: &'static str,
        store_migration: &'static str,
        store_not_found: &'static str,
        store_unexpected: &'static str,
        nf_post: &'static str,
        nf_client: &'static str,
        nf_client_named: &'static str,
        nf_inbox_item: &'static str,
        nf_saved_reply: &'static str,
        nf_account: &'static str,
        nf_trash_kind: &'static str,
        nf_trash_row: &'static str,
        conflict_client_name: &'static str,
        conflict_account: &'static str,
        conflict_account_since: &'static str,
        conflict_file_exists: &'static str,
        conflict_trash: &'static str,
        money_empty: &'static str,
        money_not_number: &'static str,
        money_decimals: Plural,
        money_too_large: &'static str,
        file_disk_full: &'static str,
        file_busy: &'static str,
        file_busy_work: &'static str,
        file_works: [&'static str; 4],
        file_read_only_fs: &'static str,
        file_read_only_folder: &'static str,
        file_read_only_file: &'static str,
        file_needs_upgrade: &'static str,
        file_not_a_path: &'static str,
        file_onto_database: &'static str,
        file_exists: &'static str,
        store_stale: &'static str,
        nf_tone: &'static str,
        // The app's own failures
        app_cannot_open: &'static str,
        app_temp_create: &'static str,
        app_temp_write: &'static str,
        app_cannot_run: &'static str,
        app_editor_failed: &'static str,
        app_read_edited: &'static str,
    }
}
