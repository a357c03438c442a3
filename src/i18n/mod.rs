//! Every user-visible string, in one place. A catalogue is a `Strings` value: a new
//! language is one more file, and the compiler refuses a catalogue with a string missing.
//!
//! Templates name their blanks, `{name}`, so a translation may reorder them; `fill`
//! puts the values in.

mod en;
pub mod format;

use std::sync::OnceLock;

use crate::domain::client::{AccountError, ClientError};
use crate::domain::inbox;
use crate::domain::metric::{Metric, Unit};
use crate::domain::objective::{ObjectiveError, Status};
use crate::domain::strategy::{BudgetKind, CampaignError, CampaignStatus, Part, Priority};
use crate::tui::action::Command;
use crate::tui::strategy::Section;

pub use en::EN;

/// The interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Chooses the language once, at start-up; later calls are ignored.
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The catalogue of the chosen language (English when none was chosen).
pub fn t() -> &'static Strings {
    match LANG.get().copied().unwrap_or(Lang::En) {
        Lang::En => &EN,
    }
}

/// Fills `{key}` blanks in a template.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

pub struct Strings {
    // Tabs
    pub tab_today: &'static str,
    pub tab_strategy: &'static str,
    pub tab_calendar: &'static str,
    pub tab_inbox: &'static str,
    pub tab_report: &'static str,
    pub all_clients: &'static str,
    pub too_small: &'static str,
    // Welcome
    pub welcome_title: &'static str,
    pub welcome_body: &'static str,
    pub welcome_new: &'static str,
    pub welcome_demo: &'static str,
    pub welcome_help: &'static str,
    pub welcome_db: &'static str,
    // Today
    pub today_clients_title: &'static str,
    pub col_client: &'static str,
    pub col_local_time: &'static str,
    pub col_reply_target: &'static str,
    pub col_currency: &'static str,
    pub col_accounts: &'static str,
    pub hours_short: &'static str,
    pub no_clients: &'static str,
    pub no_accounts: &'static str,
    // Switcher
    pub switcher_title: &'static str,
    pub switcher_type_to_filter: &'static str,
    pub switcher_clients: &'static str,
    pub switcher_clients_with_archived: &'static str,
    pub switcher_no_match: &'static str,
    pub filter_label: &'static str,
    pub archived: &'static str,
    pub client_details: &'static str,
    pub accounts_title: &'static str,
    pub no_accounts_hint: &'static str,
    pub reply_target_line: &'static str,
    pub chars_limit: &'static str,
    // Forms
    pub form_new_client: &'static str,
    pub form_edit_client: &'static str,
    pub form_new_account: &'static str,
    pub form_edit_account: &'static str,
    pub field_name: &'static str,
    pub field_currency: &'static str,
    pub field_timezone: &'static str,
    pub field_reply_target: &'static str,
    pub field_notes: &'static str,
    pub field_platform: &'static str,
    pub field_handle: &'static str,
    pub hint_currency: &'static str,
    pub hint_timezone: &'static str,
    pub hint_reply_target: &'static str,
    pub hint_choice: &'static str,
    pub hint_handle: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub confirm_title: &'static str,
    pub discard_changes: &'static str,
    pub editor_only_long_text: &'static str,
    // Validation
    pub err_required: &'static str,
    pub err_integer: &'static str,
    pub err_range: &'static str,
    pub err_date: &'static str,
    pub err_datetime: &'static str,
    pub err_currency: &'static str,
    pub err_timezone: &'static str,
    pub err_name_too_long: &'static str,
    pub err_name_control: &'static str,
    pub err_handle_space: &'static str,
    // Status messages
    pub client_created: &'static str,
    pub client_saved: &'static str,
    pub client_archived: &'static str,
    pub client_restored: &'static str,
    pub client_is_archived: &'static str,
    pub account_created: &'static str,
    pub account_saved: &'static str,
    pub account_deleted: &'static str,
    pub account_restored: &'static str,
    pub demo_loaded: &'static str,
    pub nothing_to_undo: &'static str,
    pub now_working_on: &'static str,
    pub showing_all_clients: &'static str,
    pub showing_one_client: &'static str,
    // Help
    pub help_title: &'static str,
    pub help_global: &'static str,
    pub help_welcome: &'static str,
    pub help_list: &'static str,
    pub help_form: &'static str,
    pub help_switcher_filter: &'static str,
    pub help_switcher_clients: &'static str,
    pub help_switcher_accounts: &'static str,
    // Commands, as help lists them
    pub cmd_quit: &'static str,
    pub cmd_next_tab: &'static str,
    pub cmd_prev_tab: &'static str,
    pub cmd_go_today: &'static str,
    pub cmd_go_strategy: &'static str,
    pub cmd_go_calendar: &'static str,
    pub cmd_go_inbox: &'static str,
    pub cmd_go_report: &'static str,
    pub cmd_help: &'static str,
    pub cmd_switch_client: &'static str,
    pub cmd_toggle_all: &'static str,
    pub cmd_back: &'static str,
    pub cmd_up: &'static str,
    pub cmd_down: &'static str,
    pub cmd_top: &'static str,
    pub cmd_bottom: &'static str,
    pub cmd_page_up: &'static str,
    pub cmd_page_down: &'static str,
    pub cmd_open: &'static str,
    pub cmd_new: &'static str,
    pub cmd_edit: &'static str,
    pub cmd_delete: &'static str,
    pub cmd_archive: &'static str,
    pub cmd_undo: &'static str,
    pub cmd_filter: &'static str,
    pub cmd_focus_next: &'static str,
    pub cmd_focus_prev: &'static str,
    pub cmd_save: &'static str,
    pub cmd_external_editor: &'static str,
    pub cmd_toggle_archived: &'static str,
    pub cmd_new_account: &'static str,
    pub cmd_load_demo: &'static str,
    pub cmd_yes: &'static str,
    pub cmd_no: &'static str,
    // Strategy
    pub all_platforms: &'static str,
    pub no_platform: &'static str,
    pub none: &'static str,
    pub budget_by_kind: &'static str,
    pub budget_expenses: &'static str,
    pub budget_plan: &'static str,
    pub budget_total: &'static str,
    pub budget_near: &'static str,
    pub budget_over: &'static str,
    pub budget_unplanned: &'static str,
    pub col_ages: &'static str,
    pub col_amount: &'static str,
    pub col_baseline: &'static str,
    pub col_date: &'static str,
    pub col_dates: &'static str,
    pub col_deadline: &'static str,
    pub col_kind: &'static str,
    pub col_metric: &'static str,
    pub col_name: &'static str,
    pub col_note: &'static str,
    pub col_platform: &'static str,
    pub col_platforms: &'static str,
    pub col_priority: &'static str,
    pub col_scope: &'static str,
    pub col_share: &'static str,
    pub col_start: &'static str,
    pub col_status: &'static str,
    pub col_target: &'static str,
    pub empty_budget: &'static str,
    pub empty_campaigns: &'static str,
    pub empty_competitors: &'static str,
    pub empty_list: &'static str,
    pub empty_objectives: &'static str,
    pub empty_targets: &'static str,
    pub empty_tone: &'static str,
    pub err_ages: &'static str,
    pub err_handle_line: &'static str,
    pub err_hashtag: &'static str,
    pub err_metric_value: &'static str,
    pub err_month: &'static str,
    pub err_negative: &'static str,
    pub err_pillars_over: &'static str,
    pub err_deadline: &'static str,
    pub err_target_equal: &'static str,
    pub err_end_before_start: &'static str,
    pub field_age_max: &'static str,
    pub field_age_min: &'static str,
    pub field_amount: &'static str,
    pub field_baseline: &'static str,
    pub field_budget: &'static str,
    pub field_campaign: &'static str,
    pub field_date: &'static str,
    pub field_deadline: &'static str,
    pub field_description: &'static str,
    pub field_end: &'static str,
    pub field_handles: &'static str,
    pub field_interests: &'static str,
    pub field_kind: &'static str,
    pub field_locations: &'static str,
    pub field_metric: &'static str,
    pub field_month: &'static str,
    pub field_note: &'static str,
    pub field_objective: &'static str,
    pub field_pains: &'static str,
    pub field_platforms: &'static str,
    pub field_priority: &'static str,
    pub field_share: &'static str,
    pub field_start: &'static str,
    pub field_status: &'static str,
    pub field_tags: &'static str,
    pub field_target: &'static str,
    pub field_tone: &'static str,
    pub form_edit_part: &'static str,
    pub form_new_part: &'static str,
    pub form_tone: &'static str,
    pub hashtags_title: &'static str,
    pub help_budget: &'static str,
    pub help_editorial: &'static str,
    pub hint_handles: &'static str,
    pub hint_metric_value: &'static str,
    pub hint_metric: &'static str,
    pub hint_month: &'static str,
    pub hint_multi: &'static str,
    pub hint_share: &'static str,
    pub hint_tags: &'static str,
    pub need_competitor_first: &'static str,
    pub notes_title: &'static str,
    pub objective_line: &'static str,
    pub part_created: &'static str,
    pub part_saved: &'static str,
    pub part_trashed: &'static str,
    pub part_restored: &'static str,
    pub pillars_complete: &'static str,
    pub pillars_empty: &'static str,
    pub pillars_over: &'static str,
    pub pillars_short: &'static str,
    pub pillars_title: &'static str,
    pub planned: &'static str,
    pub remaining: &'static str,
    pub spent: &'static str,
    pub strategy_overview_hint: &'static str,
    pub tone_label: &'static str,
    pub tone_saved_name: &'static str,
    pub cmd_left: &'static str,
    pub cmd_right: &'static str,
    pub cmd_prev_month: &'static str,
    pub cmd_next_month: &'static str,
    pub cmd_edit_tone: &'static str,
    pub metric_names: [&'static str; 25],
    pub budget_kinds: [&'static str; 5],
    pub campaign_statuses: [&'static str; 5],
    pub priorities: [&'static str; 3],
    pub objective_statuses: [&'static str; 5],
    pub section_titles: [&'static str; 6],
    pub part_names: [&'static str; 9],
    pub unit_hints: [&'static str; 5],
    // Inbox
    pub all_kinds: &'static str,
    pub blank_reply: &'static str,
    pub col_author: &'static str,
    pub col_left: &'static str,
    pub col_message: &'static str,
    pub copied_reply: &'static str,
    pub copied_text: &'static str,
    pub err_no_such_time: &'static str,
    pub field_author_name: &'static str,
    pub field_author: &'static str,
    pub field_permalink: &'static str,
    pub field_received: &'static str,
    pub field_reply: &'static str,
    pub field_search: &'static str,
    pub field_sentiment: &'static str,
    pub field_tag: &'static str,
    pub field_tags_inbox: &'static str,
    pub field_text: &'static str,
    pub form_edit_saved_reply: &'static str,
    pub form_filter: &'static str,
    pub form_new_item: &'static str,
    pub form_new_saved_reply: &'static str,
    pub form_reply_many: &'static str,
    pub form_reply: &'static str,
    pub form_tags: &'static str,
    pub help_picker: &'static str,
    pub hint_local_time: &'static str,
    pub hint_placeholders: &'static str,
    pub hint_reply: &'static str,
    pub hint_tags_many: &'static str,
    pub hint_tags_one: &'static str,
    pub inbox_no_match: &'static str,
    pub inbox_zero: &'static str,
    pub item_added: &'static str,
    pub item_already_there: &'static str,
    pub item_saved: &'static str,
    pub items_restored: &'static str,
    pub items_trashed: &'static str,
    pub late_by: &'static str,
    pub marked_follow_up: &'static str,
    pub marked_ignored: &'static str,
    pub marked_replied: &'static str,
    pub median_30d: &'static str,
    pub median_7d: &'static str,
    pub n_selected: &'static str,
    pub no_link: &'static str,
    pub opening_link: &'static str,
    pub overdue: &'static str,
    pub p90_30d: &'static str,
    pub pending: &'static str,
    pub pick_saved_reply: &'static str,
    pub received_line: &'static str,
    pub reply_rate_30d: &'static str,
    pub reply_saved: &'static str,
    pub saved_replies_of: &'static str,
    pub saved_reply_saved: &'static str,
    pub suggested_mark: &'static str,
    pub cmd_reply: &'static str,
    pub cmd_mark_replied: &'static str,
    pub cmd_ignore: &'static str,
    pub cmd_follow_up: &'static str,
    pub cmd_toggle_priority: &'static str,
    pub cmd_cycle_sentiment: &'static str,
    pub cmd_edit_tags: &'static str,
    pub cmd_toggle_select: &'static str,
    pub cmd_select_all: &'static str,
    pub cmd_copy: &'static str,
    pub cmd_open_link: &'static str,
    pub cmd_saved_replies: &'static str,
    pub inbox_kinds: [&'static str; 5],
    pub inbox_statuses: [&'static str; 4],
    pub sentiments: [&'static str; 3],
    pub status_filters: [&'static str; 4],
    // Calendar
    pub all_campaigns: &'static str,
    pub all_pillars: &'static str,
    pub all_statuses: &'static str,
    pub confirm_over_limit: &'static str,
    pub err_needs_time: &'static str,
    pub err_no_account: &'static str,
    pub err_url: &'static str,
    pub field_accounts: &'static str,
    pub field_published_link: &'static str,
    pub field_body: &'static str,
    pub field_first_comment: &'static str,
    pub field_from: &'static str,
    pub field_link: &'static str,
    pub field_media: &'static str,
    pub field_persona: &'static str,
    pub field_pillar: &'static str,
    pub field_title: &'static str,
    pub field_utm_campaign: &'static str,
    pub field_utm_medium: &'static str,
    pub field_when: &'static str,
    pub form_duplicate: &'static str,
    pub form_edit_post: &'static str,
    pub form_new_post: &'static str,
    pub form_post_filter: &'static str,
    pub form_published: &'static str,
    pub hint_body: &'static str,
    pub hint_duplicate: &'static str,
    pub hint_link: &'static str,
    pub hint_permalink: &'static str,
    pub hint_utm_campaign: &'static str,
    pub hint_when: &'static str,
    pub no_other_accounts: &'static str,
    pub post_added: &'static str,
    pub post_copied: &'static str,
    pub post_has_no_date: &'static str,
    pub post_restored: &'static str,
    pub post_saved: &'static str,
    pub post_trashed: &'static str,
    pub view_month: &'static str,
    pub view_week: &'static str,
    pub view_list: &'static str,
    pub agenda_title: &'static str,
    pub calendar_hint: &'static str,
    pub week_short: &'static str,
    pub today_mark: &'static str,
    pub n_more: &'static str,
    pub n_posts: &'static str,
    pub day_empty: &'static str,
    pub agenda_empty: &'static str,
    pub no_date: &'static str,
    pub col_when: &'static str,
    pub col_pillar: &'static str,
    pub col_post: &'static str,
    pub cmd_today: &'static str,
    pub cmd_view_month: &'static str,
    pub cmd_view_week: &'static str,
    pub cmd_view_list: &'static str,
    pub cmd_move_back: &'static str,
    pub cmd_move_forward: &'static str,
    pub cmd_next_post: &'static str,
    pub cmd_prev_post: &'static str,
    pub cmd_mark_published: &'static str,
    pub cmd_duplicate: &'static str,
    pub post_statuses: [&'static str; 7],
    pub weekdays_short: [&'static str; 7],
    // Report
    pub report_period: &'static str,
    pub report_previous: &'static str,
    pub report_this_period: &'static str,
    pub report_change: &'static str,
    pub report_totals: &'static str,
    pub report_current: &'static str,
    pub report_received: &'static str,
    pub report_reply_rate: &'static str,
    pub report_median_reply: &'static str,
    pub report_p90_reply: &'static str,
    pub report_planned_posts: &'static str,
    pub report_published_posts: &'static str,
    pub report_target: &'static str,
    pub report_actual: &'static str,
    pub report_by_platform: &'static str,
    pub report_footer: &'static str,
    pub html_lang: &'static str,
    // Report tab
    pub err_no_figures: &'static str,
    pub field_file: &'static str,
    pub field_format: &'static str,
    pub field_to: &'static str,
    pub figures_saved: &'static str,
    pub form_export: &'static str,
    pub form_figures: &'static str,
    pub form_report_period: &'static str,
    pub hint_export_path: &'static str,
    pub hint_figures: &'static str,
    pub report_exported: &'static str,
    pub report_vs: &'static str,
    pub report_hint: &'static str,
    pub report_loading: &'static str,
    pub report_figures: &'static str,
    pub report_no_data: &'static str,
    pub report_trend: &'static str,
    pub report_inbox_line: &'static str,
    pub report_calendar_line: &'static str,
    pub cmd_prev_period: &'static str,
    pub cmd_next_period: &'static str,
    pub cmd_period_week: &'static str,
    pub cmd_period_month: &'static str,
    pub cmd_period_custom: &'static str,
    pub cmd_enter_figures: &'static str,
    pub cmd_export: &'static str,
    // Today
    pub today_calm: &'static str,
    pub today_posts_late: &'static str,
    pub today_posts_due: &'static str,
    pub today_objectives: &'static str,
    pub today_budgets: &'static str,
    pub today_campaigns: &'static str,
    pub today_reviews: &'static str,
    pub today_objective_line: &'static str,
    pub today_by: &'static str,
    pub today_starts: &'static str,
    pub today_ends: &'static str,
    pub today_inbox_line: &'static str,
    pub today_left: &'static str,
    pub today_oldest: &'static str,
    pub today_budget_near: &'static str,
    pub today_budget_over: &'static str,
    pub today_never: &'static str,
    pub today_review_line: &'static str,
    pub today_jump_hint: &'static str,
    pub today_post_only: &'static str,
    pub answers_post: &'static str,
    // Command line
    pub cli_client_added: &'static str,
    pub cli_no_clients: &'static str,
    pub cli_demo_refused: &'static str,
    pub cli_demo_loaded: &'static str,
    pub cli_no_data_dir: &'static str,
    pub cli_unknown_platform: &'static str,
    pub cli_unknown_format: &'static str,
    pub cli_unknown_status: &'static str,
    pub cli_inbox_imported: &'static str,
    pub cli_inbox_empty: &'static str,
    pub cli_posts_imported: &'static str,
    pub cli_backup_done: &'static str,
    pub cli_restore_done: &'static str,
    pub cli_trash_empty: &'static str,
    pub cli_trash_restored: &'static str,
    pub cli_kpi_imported: &'static str,
    pub cli_kpi_ignored: &'static str,
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

/// The message for a client field that failed validation.
pub fn client_error(e: &ClientError) -> String {
    let s = t();
    match e {
        ClientError::NameEmpty => s.err_required.to_string(),
        ClientError::NameTooLong => fill(
            s.err_name_too_long,
            &[("max", &crate::domain::client::MAX_NAME_CHARS.to_string())],
        ),
        ClientError::NameHasControl => s.err_name_control.to_string(),
        ClientError::UnknownCurrency(c) => fill(s.err_currency, &[("code", c)]),
        ClientError::UnknownTimezone(z) => fill(s.err_timezone, &[("zone", z)]),
        ClientError::ReplyTargetOutOfRange => fill(
            s.err_range,
            &[("min", "1"), ("max", &(24 * 14).to_string())],
        ),
    }
}

pub fn account_error(e: &AccountError) -> String {
    match e {
        AccountError::HandleEmpty => t().err_required.to_string(),
        AccountError::HandleHasSpace => t().err_handle_space.to_string(),
    }
}

pub fn post_status(s: crate::domain::post::PostStatus) -> &'static str {
    let i = crate::domain::post::PostStatus::ALL
        .iter()
        .position(|x| *x == s)
        .unwrap_or(0);
    t().post_statuses[i]
}

pub fn inbox_kind(k: inbox::Kind) -> &'static str {
    let i = inbox::Kind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    t().inbox_kinds[i]
}

pub fn inbox_status(s: inbox::Status) -> &'static str {
    let i = inbox::Status::ALL.iter().position(|x| *x == s).unwrap_or(0);
    t().inbox_statuses[i]
}

pub fn sentiment(s: inbox::Sentiment) -> &'static str {
    let i = inbox::Sentiment::ALL
        .iter()
        .position(|x| *x == s)
        .unwrap_or(0);
    t().sentiments[i]
}

pub fn status_filter(s: inbox::StatusFilter) -> &'static str {
    let i = inbox::StatusFilter::ALL
        .iter()
        .position(|x| *x == s)
        .unwrap_or(0);
    t().status_filters[i]
}

/// A metric's name.
pub fn metric_name(m: Metric) -> &'static str {
    let i = Metric::ALL.iter().position(|x| *x == m).unwrap_or(0);
    t().metric_names[i]
}

pub fn budget_kind(k: BudgetKind) -> &'static str {
    let i = BudgetKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    t().budget_kinds[i]
}

pub fn campaign_status(c: CampaignStatus) -> &'static str {
    let i = CampaignStatus::ALL
        .iter()
        .position(|x| *x == c)
        .unwrap_or(0);
    t().campaign_statuses[i]
}

pub fn priority(p: Priority) -> &'static str {
    let i = Priority::ALL.iter().position(|x| *x == p).unwrap_or(0);
    t().priorities[i]
}

pub fn objective_status(s: Status) -> &'static str {
    let i = match s {
        Status::NoData => 0,
        Status::Achieved => 1,
        Status::OnTrack => 2,
        Status::AtRisk => 3,
        Status::Behind => 4,
    };
    t().objective_statuses[i]
}

pub fn section_title(s: Section) -> &'static str {
    t().section_titles[s.index()]
}

/// A strategy part's name, lower case, singular.
pub fn part_name(p: Part) -> &'static str {
    t().part_names[p.index()]
}

/// How a value of `unit` is typed: `in %`, `in EUR`.
pub fn unit_hint(unit: Unit, currency: &str) -> String {
    let i = match unit {
        Unit::Count => 0,
        Unit::Money => 1,
        Unit::Percent => 2,
        Unit::Ratio => 3,
        Unit::Hours => 4,
    };
    fill(t().unit_hints[i], &[("currency", currency)])
}

pub fn objective_error(e: ObjectiveError) -> String {
    let s = t();
    match e {
        ObjectiveError::DeadlineNotAfterStart => s.err_deadline.to_string(),
        ObjectiveError::TargetEqualsBaseline => s.err_target_equal.to_string(),
        ObjectiveError::Negative => s.err_negative.to_string(),
    }
}

pub fn campaign_error(e: CampaignError) -> String {
    let s = t();
    match e {
        CampaignError::NameEmpty => s.err_required.to_string(),
        CampaignError::EndBeforeStart => s.err_end_before_start.to_string(),
        CampaignError::NegativeBudget => s.err_negative.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_blanks() {
        assert_eq!(
            fill("{a} and {b}, {a}", &[("a", "x"), ("b", "y")]),
            "x and y, x"
        );
        assert_eq!(fill("no blanks", &[("a", "x")]), "no blanks");
    }
}
