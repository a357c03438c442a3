//! The Today tab: what is late, due and waiting across clients.

catalogue! {
    Today {
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
        today_inbox_line_short: &'static str,
    }
}
