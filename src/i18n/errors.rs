//! The words of the domain's errors: what a field that failed validation is told.

use super::{fill, t};
use crate::domain::client::{AccountError, ClientError, MAX_NAME_CHARS};
use crate::domain::money::MoneyError;
use crate::domain::objective::ObjectiveError;
use crate::domain::strategy::CampaignError;

/// The message for a client field that failed validation.
pub fn client_error(e: &ClientError) -> String {
    let s = t();
    match e {
        ClientError::NameEmpty => s.forms.err_required.to_string(),
        ClientError::NameTooLong => fill(
            s.forms.err_name_too_long,
            &[("max", &MAX_NAME_CHARS.to_string())],
        ),
        ClientError::NameHasControl => s.forms.err_name_control.to_string(),
        ClientError::UnknownCurrency(c) => fill(s.forms.err_currency, &[("code", c)]),
        ClientError::UnknownTimezone(z) => fill(s.forms.err_timezone, &[("zone", z)]),
        ClientError::ReplyTargetOutOfRange => fill(
            s.forms.err_range,
            &[("min", "1"), ("max", &(24 * 14).to_string())],
        ),
    }
}

pub fn account_error(e: &AccountError) -> String {
    match e {
        AccountError::HandleEmpty => t().forms.err_required.to_string(),
        AccountError::HandleHasSpace => t().forms.err_handle_space.to_string(),
    }
}

pub fn objective_error(e: ObjectiveError) -> String {
    let s = t();
    match e {
        ObjectiveError::DeadlineNotAfterStart => s.strategy.err_deadline.to_string(),
        ObjectiveError::TargetEqualsBaseline => s.strategy.err_target_equal.to_string(),
        ObjectiveError::Negative => s.strategy.err_negative.to_string(),
    }
}

pub fn campaign_error(e: CampaignError) -> String {
    let s = t();
    match e {
        CampaignError::NameEmpty => s.forms.err_required.to_string(),
        CampaignError::EndBeforeStart => s.strategy.err_end_before_start.to_string(),
        CampaignError::NegativeBudget => s.strategy.err_negative.to_string(),
    }
}

/// What is wrong with a typed amount.
pub fn money_error(e: &MoneyError) -> String {
    let s = t();
    match e {
        MoneyError::Empty => s.data.money_empty.to_string(),
        MoneyError::NotANumber => s.data.money_not_number.to_string(),
        MoneyError::TooManyDecimals(n) => s.data.money_decimals.n(*n as usize),
        MoneyError::TooLarge => s.data.money_too_large.to_string(),
    }
}
