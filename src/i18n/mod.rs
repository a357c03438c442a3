//! Every user-visible string, in one place. A catalogue is a `Strings` value: a new
//! language is one more file, and the compiler refuses a catalogue with a string missing.
//!
//! Templates name their blanks, `{name}`, so a translation may reorder them; `fill`
//! puts the values in.

pub mod cli;
mod en;
pub mod format;
mod fr;
mod names;

pub use names::*;

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

use crate::tui::action::Command;

pub use en::EN;
pub use fr::FR;

/// The interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// `en`, `fr`: what `--lang` and the `lang` setting hold.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_lowercase().as_str() {
            "en" | "english" | "anglais" => Some(Lang::En),
            "fr" | "french" | "français" | "francais" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The language a locale variable asks for: French for `fr`, `fr_FR.UTF-8`,
    /// `fr-CA`…, English for any other; `None` when unset or empty.
    pub fn from_locale(value: &str) -> Option<Lang> {
        let v = value.trim();
        if v.is_empty() {
            None
        } else if v.to_lowercase().starts_with("fr") {
            Some(Lang::Fr)
        } else {
            Some(Lang::En)
        }
    }

    /// The language to use: `--lang`, else the `lang` setting, else the first set of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` (the POSIX order), else English.
    pub fn choose(
        flag: Option<Lang>,
        setting: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Lang {
        flag.or_else(|| setting.and_then(Lang::parse))
            .or_else(|| {
                ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .iter()
                    .find_map(|k| env(k).as_deref().and_then(Lang::from_locale))
            })
            .unwrap_or(Lang::En)
    }

    fn catalogue(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Fr => &FR,
        }
    }
}

/// The process's language, chosen at start-up (0 English, 1 French).
static LANG: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A test's language, for this thread only: tests run side by side.
    static THREAD_LANG: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Chooses the language of the whole process.
pub fn set_lang(lang: Lang) {
    LANG.store(
        match lang {
            Lang::En => 0,
            Lang::Fr => 1,
        },
        Ordering::Relaxed,
    );
}

/// The language in use.
pub fn lang() -> Lang {
    THREAD_LANG.with(Cell::get).unwrap_or_else(|| {
        if LANG.load(Ordering::Relaxed) == 1 {
            Lang::Fr
        } else {
            Lang::En
        }
    })
}

/// Runs `f` with `lang` as this thread's language (tests and snapshots).
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = THREAD_LANG.with(|l| l.replace(Some(lang)));
    let out = f();
    THREAD_LANG.with(|l| l.set(before));
    out
}

/// The catalogue of the language in use.
pub fn t() -> &'static Strings {
    lang().catalogue()
}

/// Fills `{key}` blanks in a template.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// Declares the catalogue's struct and the list of its entries, from one list of fields:
/// the compiler refuses a catalogue that misses a field, and `entries` lets a test compare
/// what the catalogues say.
macro_rules! catalogue {
    ($($name:ident : $ty:ty,)*) => {
        pub struct Strings {
            $(pub $name: $ty,)*
        }

        impl Strings {
            /// Every entry by name, with its text(s).
            pub fn entries(&self) -> Vec<(&'static str, Vec<&'static str>)> {
                vec![$((stringify!($name), Texts::texts(&self.$name)),)*]
            }
        }
    };
}

/// The texts of one catalogue entry: a string or a list of them.
trait Texts {
    fn texts(&self) -> Vec<&'static str>;
}

impl Texts for &'static str {
    fn texts(&self) -> Vec<&'static str> {
        vec![*self]
    }
}

impl<const N: usize> Texts for [&'static str; N] {
    fn texts(&self) -> Vec<&'static str> {
        self.to_vec()
    }
}

catalogue! {
    // Tabs
    tab_today: &'static str,
    tab_strategy: &'static str,
    tab_calendar: &'static str,
    tab_inbox: &'static str,
    tab_report: &'static str,
    all_clients: &'static str,
    too_small: &'static str,
    // Welcome
    welcome_title: &'static str,
    welcome_body: &'static str,
    welcome_new: &'static str,
    welcome_demo: &'static str,
    welcome_help: &'static str,
    welcome_db: &'static str,
    // Today
    today_clients_title: &'static str,
    col_client: &'static str,
    col_local_time: &'static str,
    col_reply_target: &'static str,
    col_currency: &'static str,
    col_accounts: &'static str,
    hours_short: &'static str,
    no_clients: &'static str,
    no_accounts: &'static str,
    // Switcher
    switcher_title: &'static str,
    switcher_type_to_filter: &'static str,
    switcher_clients: &'static str,
    switcher_clients_with_archived: &'static str,
    switcher_no_match: &'static str,
    filter_label: &'static str,
    archived: &'static str,
    client_details: &'static str,
    accounts_title: &'static str,
    no_accounts_hint: &'static str,
    reply_target_line: &'static str,
    chars_limit: &'static str,
    // Forms
    form_new_client: &'static str,
    form_edit_client: &'static str,
    form_new_account: &'static str,
    form_edit_account: &'static str,
    field_name: &'static str,
    field_currency: &'static str,
    field_timezone: &'static str,
    field_reply_target: &'static str,
    field_notes: &'static str,
    field_platform: &'static str,
    field_handle: &'static str,
    hint_currency: &'static str,
    hint_timezone: &'static str,
    hint_reply_target: &'static str,
    hint_choice: &'static str,
    hint_handle: &'static str,
    save: &'static str,
    cancel: &'static str,
    yes: &'static str,
    no: &'static str,
    confirm_title: &'static str,
    discard_changes: &'static str,
    editor_only_long_text: &'static str,
    // Validation
    err_required: &'static str,
    err_integer: &'static str,
    err_range: &'static str,
    err_date: &'static str,
    err_datetime: &'static str,
    err_currency: &'static str,
    err_timezone: &'static str,
    err_name_too_long: &'static str,
    err_name_control: &'static str,
    err_handle_space: &'static str,
    // Status messages
    client_created: &'static str,
    client_saved: &'static str,
    client_archived: &'static str,
    client_restored: &'static str,
    client_is_archived: &'static str,
    account_created: &'static str,
    account_saved: &'static str,
    account_deleted: &'static str,
    account_restored: &'static str,
    demo_loaded: &'static str,
    nothing_to_undo: &'static str,
    now_working_on: &'static str,
    showing_all_clients: &'static str,
    showing_one_client: &'static str,
    // Help
    help_title: &'static str,
    help_global: &'static str,
    help_welcome: &'static str,
    help_list: &'static str,
    help_form: &'static str,
    help_switcher_filter: &'static str,
    help_switcher_clients: &'static str,
    help_switcher_accounts: &'static str,
    // Commands, as help lists them
    cmd_quit: &'static str,
    cmd_next_tab: &'static str,
    cmd_prev_tab: &'static str,
    cmd_go_today: &'static str,
    cmd_go_strategy: &'static str,
    cmd_go_calendar: &'static str,
    cmd_go_inbox: &'static str,
    cmd_go_report: &'static str,
    cmd_help: &'static str,
    cmd_switch_client: &'static str,
    cmd_toggle_all: &'static str,
    cmd_back: &'static str,
    cmd_up: &'static str,
    cmd_down: &'static str,
    cmd_top: &'static str,
    cmd_bottom: &'static str,
    cmd_page_up: &'static str,
    cmd_page_down: &'static str,
    cmd_open: &'static str,
    cmd_new: &'static str,
    cmd_edit: &'static str,
    cmd_delete: &'static str,
    cmd_archive: &'static str,
    cmd_undo: &'static str,
    cmd_filter: &'static str,
    cmd_focus_next: &'static str,
    cmd_focus_prev: &'static str,
    cmd_save: &'static str,
    cmd_external_editor: &'static str,
    cmd_toggle_archived: &'static str,
    cmd_new_account: &'static str,
    cmd_load_demo: &'static str,
    cmd_yes: &'static str,
    cmd_no: &'static str,
    // Strategy
    all_platforms: &'static str,
    no_platform: &'static str,
    none: &'static str,
    budget_by_kind: &'static str,
    budget_expenses: &'static str,
    budget_plan: &'static str,
    budget_total: &'static str,
    budget_near: &'static str,
    budget_over: &'static str,
    budget_unplanned: &'static str,
    col_ages: &'static str,
    col_amount: &'static str,
    col_baseline: &'static str,
    col_date: &'static str,
    col_dates: &'static str,
    col_deadline: &'static str,
    col_kind: &'static str,
    col_metric: &'static str,
    col_name: &'static str,
    col_note: &'static str,
    col_platform: &'static str,
    col_platforms: &'static str,
    col_priority: &'static str,
    col_scope: &'static str,
    col_share: &'static str,
    col_start: &'static str,
    col_status: &'static str,
    col_target: &'static str,
    empty_budget: &'static str,
    empty_campaigns: &'static str,
    empty_competitors: &'static str,
    empty_list: &'static str,
    empty_objectives: &'static str,
    empty_targets: &'static str,
    empty_tone: &'static str,
    err_ages: &'static str,
    err_handle_line: &'static str,
    err_hashtag: &'static str,
    err_metric_value: &'static str,
    err_month: &'static str,
    err_negative: &'static str,
    err_pillars_over: &'static str,
    err_deadline: &'static str,
    err_target_equal: &'static str,
    err_end_before_start: &'static str,
    field_age_max: &'static str,
    field_age_min: &'static str,
    field_amount: &'static str,
    field_baseline: &'static str,
    field_budget: &'static str,
    field_campaign: &'static str,
    field_date: &'static str,
    field_deadline: &'static str,
    field_description: &'static str,
    field_end: &'static str,
    field_handles: &'static str,
    field_interests: &'static str,
    field_kind: &'static str,
    field_locations: &'static str,
    field_metric: &'static str,
    field_month: &'static str,
    field_note: &'static str,
    field_objective: &'static str,
    field_pains: &'static str,
    field_platforms: &'static str,
    field_priority: &'static str,
    field_share: &'static str,
    field_start: &'static str,
    field_status: &'static str,
    field_tags: &'static str,
    field_target: &'static str,
    field_tone: &'static str,
    form_edit_part: &'static str,
    form_new_part: &'static str,
    form_tone: &'static str,
    hashtags_title: &'static str,
    help_budget: &'static str,
    help_editorial: &'static str,
    hint_handles: &'static str,
    hint_metric_value: &'static str,
    hint_metric: &'static str,
    hint_month: &'static str,
    hint_multi: &'static str,
    hint_share: &'static str,
    hint_tags: &'static str,
    need_competitor_first: &'static str,
    notes_title: &'static str,
    objective_line: &'static str,
    part_created: &'static str,
    part_saved: &'static str,
    part_trashed: &'static str,
    part_restored: &'static str,
    pillars_complete: &'static str,
    pillars_empty: &'static str,
    pillars_over: &'static str,
    pillars_short: &'static str,
    pillars_title: &'static str,
    planned: &'static str,
    remaining: &'static str,
    spent: &'static str,
    strategy_overview_hint: &'static str,
    tone_label: &'static str,
    tone_saved_name: &'static str,
    cmd_left: &'static str,
    cmd_right: &'static str,
    cmd_prev_month: &'static str,
    cmd_next_month: &'static str,
    cmd_edit_tone: &'static str,
    metric_names: [&'static str; 25],
    budget_kinds: [&'static str; 5],
    campaign_statuses: [&'static str; 5],
    priorities: [&'static str; 3],
    objective_statuses: [&'static str; 5],
    section_titles: [&'static str; 6],
    part_names: [&'static str; 9],
    unit_hints: [&'static str; 5],
    // Inbox
    all_kinds: &'static str,
    blank_reply: &'static str,
    col_author: &'static str,
    col_left: &'static str,
    col_message: &'static str,
    copied_reply: &'static str,
    copied_text: &'static str,
    err_no_such_time: &'static str,
    field_author_name: &'static str,
    field_author: &'static str,
    field_permalink: &'static str,
    field_received: &'static str,
    field_reply: &'static str,
    field_search: &'static str,
    field_sentiment: &'static str,
    field_tag: &'static str,
    field_tags_inbox: &'static str,
    field_text: &'static str,
    form_edit_saved_reply: &'static str,
    form_filter: &'static str,
    form_new_item: &'static str,
    form_new_saved_reply: &'static str,
    form_reply_many: &'static str,
    form_reply: &'static str,
    form_tags: &'static str,
    help_picker: &'static str,
    hint_local_time: &'static str,
    hint_placeholders: &'static str,
    hint_reply: &'static str,
    hint_tags_many: &'static str,
    hint_tags_one: &'static str,
    inbox_no_match: &'static str,
    inbox_zero: &'static str,
    item_added: &'static str,
    item_already_there: &'static str,
    item_saved: &'static str,
    items_restored: &'static str,
    items_trashed: &'static str,
    late_by: &'static str,
    marked_follow_up: &'static str,
    marked_ignored: &'static str,
    marked_replied: &'static str,
    median_30d: &'static str,
    median_7d: &'static str,
    n_selected: &'static str,
    no_link: &'static str,
    opening_link: &'static str,
    overdue: &'static str,
    p90_30d: &'static str,
    pending: &'static str,
    pick_saved_reply: &'static str,
    received_line: &'static str,
    reply_rate_30d: &'static str,
    reply_saved: &'static str,
    saved_replies_of: &'static str,
    saved_reply_saved: &'static str,
    suggested_mark: &'static str,
    cmd_reply: &'static str,
    cmd_mark_replied: &'static str,
    cmd_ignore: &'static str,
    cmd_follow_up: &'static str,
    cmd_toggle_priority: &'static str,
    cmd_cycle_sentiment: &'static str,
    cmd_edit_tags: &'static str,
    cmd_toggle_select: &'static str,
    cmd_select_all: &'static str,
    cmd_copy: &'static str,
    cmd_open_link: &'static str,
    cmd_saved_replies: &'static str,
    inbox_kinds: [&'static str; 5],
    inbox_statuses: [&'static str; 4],
    sentiments: [&'static str; 3],
    status_filters: [&'static str; 4],
    // Calendar
    all_campaigns: &'static str,
    all_pillars: &'static str,
    all_statuses: &'static str,
    confirm_over_limit: &'static str,
    err_needs_time: &'static str,
    err_no_account: &'static str,
    err_url: &'static str,
    field_accounts: &'static str,
    field_published_link: &'static str,
    field_body: &'static str,
    field_first_comment: &'static str,
    field_from: &'static str,
    field_link: &'static str,
    field_media: &'static str,
    field_persona: &'static str,
    field_pillar: &'static str,
    field_title: &'static str,
    field_utm_campaign: &'static str,
    field_utm_medium: &'static str,
    field_when: &'static str,
    form_duplicate: &'static str,
    form_edit_post: &'static str,
    form_new_post: &'static str,
    form_post_filter: &'static str,
    form_published: &'static str,
    hint_body: &'static str,
    hint_duplicate: &'static str,
    hint_link: &'static str,
    hint_permalink: &'static str,
    hint_utm_campaign: &'static str,
    hint_when: &'static str,
    no_other_accounts: &'static str,
    post_added: &'static str,
    post_copied: &'static str,
    post_has_no_date: &'static str,
    post_restored: &'static str,
    post_saved: &'static str,
    post_trashed: &'static str,
    view_month: &'static str,
    view_week: &'static str,
    view_list: &'static str,
    agenda_title: &'static str,
    calendar_hint: &'static str,
    week_short: &'static str,
    today_mark: &'static str,
    n_more: &'static str,
    n_posts: &'static str,
    day_empty: &'static str,
    agenda_empty: &'static str,
    no_date: &'static str,
    col_when: &'static str,
    col_pillar: &'static str,
    col_post: &'static str,
    cmd_today: &'static str,
    cmd_view_month: &'static str,
    cmd_view_week: &'static str,
    cmd_view_list: &'static str,
    cmd_move_back: &'static str,
    cmd_move_forward: &'static str,
    cmd_next_post: &'static str,
    cmd_prev_post: &'static str,
    cmd_mark_published: &'static str,
    cmd_duplicate: &'static str,
    post_statuses: [&'static str; 7],
    weekdays_short: [&'static str; 7],
    // Report
    report_period: &'static str,
    report_previous: &'static str,
    report_this_period: &'static str,
    report_change: &'static str,
    report_totals: &'static str,
    report_current: &'static str,
    report_received: &'static str,
    report_reply_rate: &'static str,
    report_median_reply: &'static str,
    report_p90_reply: &'static str,
    report_planned_posts: &'static str,
    report_published_posts: &'static str,
    report_target: &'static str,
    report_actual: &'static str,
    report_by_platform: &'static str,
    report_footer: &'static str,
    html_lang: &'static str,
    // Report tab
    err_no_figures: &'static str,
    field_file: &'static str,
    field_format: &'static str,
    field_to: &'static str,
    figures_saved: &'static str,
    form_export: &'static str,
    form_figures: &'static str,
    form_report_period: &'static str,
    hint_export_path: &'static str,
    hint_figures: &'static str,
    report_exported: &'static str,
    report_vs: &'static str,
    report_hint: &'static str,
    report_loading: &'static str,
    report_figures: &'static str,
    report_no_data: &'static str,
    report_trend: &'static str,
    report_inbox_line: &'static str,
    report_calendar_line: &'static str,
    cmd_prev_period: &'static str,
    cmd_next_period: &'static str,
    cmd_period_week: &'static str,
    cmd_period_month: &'static str,
    cmd_period_custom: &'static str,
    cmd_enter_figures: &'static str,
    cmd_export: &'static str,
    // Today
    today_calm: &'static str,
    today_posts_late: &'static str,
    today_posts_due: &'static str,
    today_objectives: &'static str,
    today_budgets: &'static str,
    today_campaigns: &'static str,
    today_reviews: &'static str,
    today_objective_line: &'static str,
    today_by: &'static str,
    today_starts: &'static str,
    today_ends: &'static str,
    today_inbox_line: &'static str,
    today_left: &'static str,
    today_oldest: &'static str,
    today_budget_near: &'static str,
    today_budget_over: &'static str,
    today_never: &'static str,
    today_review_line: &'static str,
    today_jump_hint: &'static str,
    today_post_only: &'static str,
    answers_post: &'static str,
    // Command line
    cli_client_added: &'static str,
    cli_no_clients: &'static str,
    cli_demo_refused: &'static str,
    cli_demo_loaded: &'static str,
    cli_demo_large: &'static str,
    cli_no_data_dir: &'static str,
    cli_unknown_platform: &'static str,
    cli_unknown_format: &'static str,
    cli_unknown_status: &'static str,
    cli_inbox_imported: &'static str,
    cli_inbox_empty: &'static str,
    cli_posts_imported: &'static str,
    cli_backup_done: &'static str,
    cli_restore_done: &'static str,
    cli_trash_empty: &'static str,
    cli_trash_restored: &'static str,
    cli_kpi_imported: &'static str,
    cli_kpi_ignored: &'static str,
    // Dates
    months: [&'static str; 12],
    months_short: [&'static str; 12],
    weekdays: [&'static str; 7],
    // Importers
    imp_unknown_format: &'static str,
    imp_bad_zip: &'static str,
    imp_no_table: &'static str,
    imp_bad_zip_name: &'static str,
    imp_bad_spreadsheet: &'static str,
    imp_bad_sheet: &'static str,
    imp_header_mismatch: &'static str,
    imp_platform_empty_give: &'static str,
    imp_platform_empty: &'static str,
    imp_unknown_platform: &'static str,
    imp_not_metric_key: &'static str,
    imp_no_platform_column: &'static str,
    imp_platform_unknown: &'static str,
    imp_empty_post_id: &'static str,
    imp_title_metric: &'static str,
    imp_title_platform: &'static str,
    imp_expected_date_primary: &'static str,
    imp_missing_columns: &'static str,
    imp_not_number: &'static str,
    imp_not_date: &'static str,
    imp_empty_date: &'static str,
    imp_utf8: &'static str,
    imp_utf16_odd: &'static str,
    imp_utf16: &'static str,
    imp_utf8_at: &'static str,
    imp_not_date_like: &'static str,
    imp_not_time_like: &'static str,
    imp_not_time: &'static str,
    imp_gap_time: &'static str,
    imp_no_account: &'static str,
    imp_platforms_empty: &'static str,
    imp_no_named: &'static str,
    imp_not_one_of: &'static str,
    imp_cannot_tell: &'static str,
    imp_empty: &'static str,
    imp_unknown_kind: &'static str,
    imp_mention_no_status: &'static str,
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
    nf_row: &'static str,
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
    money_decimals: &'static str,
    money_too_large: &'static str,
    // The app's own failures
    app_cannot_open: &'static str,
    app_temp_create: &'static str,
    app_temp_write: &'static str,
    app_cannot_run: &'static str,
    app_editor_failed: &'static str,
    app_read_edited: &'static str,
    app_clipboard: &'static str,
    // Command line, more
    cli_bad_date: &'static str,
    cli_bad_report_format: &'static str,
    cli_bad_week: &'static str,
    cli_bad_month: &'static str,
    cli_to_before_from: &'static str,
    cli_which_period: &'static str,
    cli_no_such_file: &'static str,
    cli_reply_within: &'static str,
    // Language
    lang_names: [&'static str; 2],
    cli_lang_current: &'static str,
    cli_lang_from_setting: &'static str,
    cli_lang_from_env: &'static str,
    cli_lang_default: &'static str,
    cli_lang_set: &'static str,
    cli_lang_auto: &'static str,
    cli_lang_bad: &'static str,
    week_label: &'static str,
    key_space: &'static str,
    key_enter: &'static str,
    key_backtab: &'static str,
}

impl Strings {
    /// What a command does, in a few words, for help and hints.
    pub fn command(&self, c: Command) -> &'static str {
        match c {
            Command::Quit => self.cmd_quit,
            Command::NextTab => self.cmd_next_tab,
            Command::PrevTab => self.cmd_prev_tab,
            Command::GoToday => self.cmd_go_today,
            Command::GoStrategy => self.cmd_go_strategy,
            Command::GoCalendar => self.cmd_go_calendar,
            Command::GoInbox => self.cmd_go_inbox,
            Command::GoReport => self.cmd_go_report,
            Command::Help => self.cmd_help,
            Command::SwitchClient => self.cmd_switch_client,
            Command::ToggleAllClients => self.cmd_toggle_all,
            Command::Back => self.cmd_back,
            Command::Up => self.cmd_up,
            Command::Down => self.cmd_down,
            Command::Top => self.cmd_top,
            Command::Bottom => self.cmd_bottom,
            Command::PageUp => self.cmd_page_up,
            Command::PageDown => self.cmd_page_down,
            Command::Open => self.cmd_open,
            Command::New => self.cmd_new,
            Command::Edit => self.cmd_edit,
            Command::Delete => self.cmd_delete,
            Command::Archive => self.cmd_archive,
            Command::Undo => self.cmd_undo,
            Command::Filter => self.cmd_filter,
            Command::FocusNext => self.cmd_focus_next,
            Command::FocusPrev => self.cmd_focus_prev,
            Command::Save => self.cmd_save,
            Command::ExternalEditor => self.cmd_external_editor,
            Command::ToggleArchived => self.cmd_toggle_archived,
            Command::NewAccount => self.cmd_new_account,
            Command::Left => self.cmd_left,
            Command::Right => self.cmd_right,
            Command::PrevMonth => self.cmd_prev_month,
            Command::NextMonth => self.cmd_next_month,
            Command::EditTone => self.cmd_edit_tone,
            Command::Reply => self.cmd_reply,
            Command::MarkReplied => self.cmd_mark_replied,
            Command::Ignore => self.cmd_ignore,
            Command::FollowUp => self.cmd_follow_up,
            Command::TogglePriority => self.cmd_toggle_priority,
            Command::CycleSentiment => self.cmd_cycle_sentiment,
            Command::EditTags => self.cmd_edit_tags,
            Command::ToggleSelect => self.cmd_toggle_select,
            Command::SelectAll => self.cmd_select_all,
            Command::Copy => self.cmd_copy,
            Command::OpenLink => self.cmd_open_link,
            Command::SavedReplies => self.cmd_saved_replies,
            Command::Today => self.cmd_today,
            Command::ViewMonth => self.cmd_view_month,
            Command::ViewWeek => self.cmd_view_week,
            Command::ViewList => self.cmd_view_list,
            Command::MovePostBack => self.cmd_move_back,
            Command::MovePostForward => self.cmd_move_forward,
            Command::NextPost => self.cmd_next_post,
            Command::PrevPost => self.cmd_prev_post,
            Command::MarkPublished => self.cmd_mark_published,
            Command::Duplicate => self.cmd_duplicate,
            Command::PrevPeriod => self.cmd_prev_period,
            Command::NextPeriod => self.cmd_next_period,
            Command::PeriodWeek => self.cmd_period_week,
            Command::PeriodMonth => self.cmd_period_month,
            Command::PeriodCustom => self.cmd_period_custom,
            Command::EnterFigures => self.cmd_enter_figures,
            Command::Export => self.cmd_export,
            Command::LoadDemo => self.cmd_load_demo,
            Command::Yes => self.cmd_yes,
            Command::No => self.cmd_no,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{name}` blanks of a template, sorted.
    fn blanks(s: &str) -> Vec<String> {
        let mut out: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
            .filter(|name| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn every_english_key_is_in_the_french_catalogue_with_the_same_blanks() {
        let fr: std::collections::HashMap<_, _> = FR.entries().into_iter().collect();
        let en = EN.entries();
        assert!(
            en.len() > 500,
            "the walk sees the whole catalogue: {}",
            en.len()
        );
        let mut problems = Vec::new();
        for (key, en_texts) in &en {
            let Some(fr_texts) = fr.get(key) else {
                problems.push(format!("{key}: missing in French"));
                continue;
            };
            if fr_texts.len() != en_texts.len() {
                problems.push(format!(
                    "{key}: {} texts, not {}",
                    fr_texts.len(),
                    en_texts.len()
                ));
                continue;
            }
            for (e, f) in en_texts.iter().zip(fr_texts) {
                if f.trim().is_empty() && !e.trim().is_empty() {
                    problems.push(format!("{key}: empty in French"));
                }
                if blanks(e) != blanks(f) {
                    problems.push(format!("{key}: blanks {:?} vs {:?}", blanks(e), blanks(f)));
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn the_french_catalogue_is_translated() {
        // Words that are the same in both languages, or names that stay as they are.
        let same = [
            "Client",
            "Clients",
            "Notes",
            "Date",
            "Dates",
            "Budget",
            "Description",
            "Note",
            "Message",
            "Hashtags",
            "Agenda",
            "agenda",
            "Format",
            "Impressions",
            "Conversions",
            "CTR",
            "CPM",
            "CPC",
            "CPA",
            "ROAS",
            "utm_campaign",
            "utm_medium",
            "—",
            "vs",
            "{n} h",
            "Clients ({n})",
            "mention",
            "active",
            "note",
            "{scope} {metric}",
            "Reste",
            "clients",
            "Budgets",
            "client {id}",
            "client \"{id}\"",
        ];
        let fr: std::collections::HashMap<_, _> = FR.entries().into_iter().collect();
        let untranslated: Vec<String> = EN
            .entries()
            .into_iter()
            .flat_map(|(key, texts)| {
                let fr = fr.get(key).cloned().unwrap_or_default();
                texts
                    .into_iter()
                    .zip(fr)
                    .filter(|(e, f)| e == f && !same.contains(e))
                    .map(move |(e, _)| format!("{key}: {e}"))
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(untranslated.is_empty(), "{untranslated:#?}");
    }

    #[test]
    fn the_thread_language_does_not_leak() {
        assert_eq!(t().tab_today, "Today");
        with_lang(Lang::Fr, || assert_eq!(t().tab_inbox, "Boîte de réception"));
        assert_eq!(t().tab_inbox, "Inbox");
    }

    #[test]
    fn fill_replaces_named_blanks() {
        assert_eq!(
            fill("{a} and {b}, {a}", &[("a", "x"), ("b", "y")]),
            "x and y, x"
        );
        assert_eq!(fill("no blanks", &[("a", "x")]), "no blanks");
    }
}
