//! Clients (one workspace per client business) and their social accounts.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::Version;
use super::money;
use super::platform::Platform;

pub type ClientId = i64;
pub type AccountId = i64;

/// Reply-time target when none is given: customers expect an answer within 4 hours.
pub const DEFAULT_REPLY_HOURS: u32 = 4;
/// Currency of a new client when none is given.
pub const DEFAULT_CURRENCY: &str = "EUR";
/// Time zone of a new client when the system's own cannot be read.
pub const FALLBACK_TIMEZONE: &str = "Europe/Paris";
/// Longest client name we accept; longer ones are almost always a paste accident.
pub const MAX_NAME_CHARS: usize = 80;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Client {
    pub id: ClientId,
    pub name: String,
    pub currency: String,
    pub timezone: String,
    pub reply_target_hours: u32,
    pub notes: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// Loaded by the demo: only such clients are ever replaced or removed by it.
    #[serde(rename = "demo")]
    pub is_demo: bool,
    /// The row's version when it was read (0: not stored yet); a save writes only
    /// over this version.
    #[serde(skip)]
    pub version: Version,
}

impl Client {
    pub fn is_archived(&self) -> bool {
        self.archived_at.is_some()
    }

    /// The client's time zone. Stored zones were validated on the way in; a zone that a
    /// newer tz database dropped falls back to UTC rather than failing a whole screen.
    pub fn tz(&self) -> Tz {
        self.timezone.parse().unwrap_or(Tz::UTC)
    }
}

/// A client as typed in a form or on the command line, before validation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClientDraft {
    pub name: String,
    pub currency: String,
    pub timezone: String,
    pub reply_target_hours: u32,
    pub notes: String,
}

/// What can be wrong with a client draft; one entry per field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientError {
    NameEmpty,
    NameTooLong,
    NameHasControl,
    UnknownCurrency(String),
    UnknownTimezone(String),
    ReplyTargetOutOfRange,
}

impl ClientError {
    /// The form field the error belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            ClientError::NameEmpty | ClientError::NameTooLong | ClientError::NameHasControl => {
                "name"
            }
            ClientError::UnknownCurrency(_) => "currency",
            ClientError::UnknownTimezone(_) => "timezone",
            ClientError::ReplyTargetOutOfRange => "reply_target_hours",
        }
    }
}

impl ClientDraft {
    /// A draft with the defaults a new client gets.
    pub fn new(name: &str) -> Self {
        ClientDraft {
            name: name.to_string(),
            currency: DEFAULT_CURRENCY.to_string(),
            timezone: system_timezone(),
            reply_target_hours: DEFAULT_REPLY_HOURS,
            notes: String::new(),
        }
    }

    /// Checks every field and returns the normalized draft (trimmed name, upper-case
    /// currency, canonical zone name) or all the errors at once.
    pub fn validate(&self) -> Result<ClientDraft, Vec<ClientError>> {
        let mut errors = Vec::new();
        let name = self.name.trim().to_string();
        if name.is_empty() {
            errors.push(ClientError::NameEmpty);
        } else if name.chars().count() > MAX_NAME_CHARS {
            errors.push(ClientError::NameTooLong);
        } else if name.chars().any(char::is_control) {
            errors.push(ClientError::NameHasControl);
        }
        let currency = match money::currency(&self.currency) {
            Some(c) => c.code().to_string(),
            None => {
                errors.push(ClientError::UnknownCurrency(
                    self.currency.trim().to_string(),
                ));
                String::new()
            }
        };
        let timezone = match parse_timezone(&self.timezone) {
            Some(tz) => tz.name().to_string(),
            None => {
                errors.push(ClientError::UnknownTimezone(
                    self.timezone.trim().to_string(),
                ));
                String::new()
            }
        };
        if !(1..=24 * 14).contains(&self.reply_target_hours) {
            errors.push(ClientError::ReplyTargetOutOfRange);
        }
        if errors.is_empty() {
            Ok(ClientDraft {
                name,
                currency,
                timezone,
                reply_target_hours: self.reply_target_hours,
                notes: self.notes.trim_end().to_string(),
            })
        } else {
            Err(errors)
        }
    }
}

/// Parses an IANA zone name in any case (`europe/paris` is Europe/Paris).
pub fn parse_timezone(s: &str) -> Option<Tz> {
    let s = s.trim();
    s.parse::<Tz>()
        .ok()
        .or_else(|| Tz::from_str_insensitive(s).ok())
}

/// The system's IANA zone when it can be read and is known, else Europe/Paris.
pub fn system_timezone() -> String {
    iana_time_zone::get_timezone()
        .ok()
        .and_then(|z| parse_timezone(&z))
        .map(|tz| tz.name().to_string())
        .unwrap_or_else(|| FALLBACK_TIMEZONE.to_string())
}

/// One social account of a client on one platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    pub id: AccountId,
    pub client_id: ClientId,
    pub platform: Platform,
    pub handle: String,
    /// The row's version when it was read (0: not stored yet); a save writes only
    /// over this version.
    #[serde(skip)]
    pub version: Version,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountDraft {
    pub platform: Platform,
    pub handle: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountError {
    HandleEmpty,
    HandleHasSpace,
}

impl AccountDraft {
    pub fn validate(&self) -> Result<AccountDraft, AccountError> {
        let handle = self.handle.trim();
        if handle.is_empty() {
            return Err(AccountError::HandleEmpty);
        }
        if handle.chars().any(|c| c.is_whitespace() || c.is_control()) {
            // Blogs and forums are named by a URL or a site name without spaces too.
            return Err(AccountError::HandleHasSpace);
        }
        Ok(AccountDraft {
            platform: self.platform,
            handle: handle.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ClientDraft {
        ClientDraft {
            name: "  Boulangerie Marcel ".into(),
            currency: "eur".into(),
            timezone: "europe/paris".into(),
            reply_target_hours: 4,
            notes: "Owner: Marcel\n".into(),
        }
    }

    #[test]
    fn validation_normalizes() {
        let ok = draft().validate().unwrap();
        assert_eq!(ok.name, "Boulangerie Marcel");
        assert_eq!(ok.currency, "EUR");
        assert_eq!(ok.timezone, "Europe/Paris");
        assert_eq!(ok.notes, "Owner: Marcel");
    }

    #[test]
    fn validation_reports_every_bad_field() {
        let bad = ClientDraft {
            name: " ".into(),
            currency: "EURO".into(),
            timezone: "Mars/Olympus".into(),
            reply_target_hours: 0,
            notes: String::new(),
        };
        let errs = bad.validate().unwrap_err();
        let fields: Vec<_> = errs.iter().map(ClientError::field).collect();
        assert_eq!(
            fields,
            ["name", "currency", "timezone", "reply_target_hours"]
        );
    }

    #[test]
    fn system_timezone_is_a_real_zone() {
        assert!(parse_timezone(&system_timezone()).is_some());
    }

    #[test]
    fn account_handles() {
        let d = AccountDraft {
            platform: Platform::Instagram,
            handle: " @marcel ".into(),
        };
        assert_eq!(d.validate().unwrap().handle, "@marcel");
        let bad = AccountDraft {
            platform: Platform::X,
            handle: "a b".into(),
        };
        assert_eq!(bad.validate(), Err(AccountError::HandleHasSpace));
    }
}
