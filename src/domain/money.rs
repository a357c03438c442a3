//! Money as integer minor units plus an ISO 4217 currency. Never floats.

use iso_currency::Currency;

/// An amount in minor units (cents for EUR, yen for JPY) of a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

/// Looks up an active ISO 4217 currency by its code, in any case. Funds, special codes
/// (XAU, XXX...) and superseded currencies are refused: nobody bills a client in them.
pub fn currency(code: &str) -> Option<Currency> {
    let c = Currency::from_code(&code.trim().to_ascii_uppercase())?;
    (!c.is_fund() && !c.is_special() && c.is_superseded().is_none()).then_some(c)
}

/// Number of decimal places of a currency (2 for EUR, 0 for JPY).
pub fn exponent(c: Currency) -> u32 {
    u32::from(c.exponent().unwrap_or(2))
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Self {
        Money { minor, currency }
    }

    /// Parses what a person types: `1234`, `1234.5`, `1,234.56`, `1 234,56`, `-12`.
    /// A comma followed by exactly the currency's number of decimals (or fewer) at the end
    /// is read as the decimal separator when there is no dot.
    pub fn parse(input: &str, currency: Currency) -> Result<Money, MoneyError> {
        let digits = exponent(currency) as usize;
        let s: String = input
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
            .collect();
        // A sign may stand before the symbol (-€12) or after it (€-12).
        let (lead_neg, s) = match s.strip_prefix('-') {
            Some(rest) => (true, rest.to_string()),
            None => (false, s.clone()),
        };
        let symbol = display_symbol(currency);
        let s = s.trim_start_matches(symbol.trim());
        let s = s.trim_start_matches(currency.symbol().symbol.as_str());
        let s = s.trim_end_matches(currency.symbol().symbol.as_str());
        let s = s.trim_end_matches(currency.code()).trim();
        if s.is_empty() {
            return Err(MoneyError::Empty);
        }
        let (neg, s) = match s.strip_prefix('-') {
            Some(rest) => (!lead_neg, rest),
            None => (lead_neg, s),
        };
        // Decide which separator is the decimal one: the last of '.' or ',' when it is
        // followed by at most `digits` digits and it is not a thousands group of three.
        let last_sep = s.rfind(['.', ',']);
        let (int_part, frac_part) = match last_sep {
            Some(i) => {
                let frac = &s[i + 1..];
                let sep = &s[i..i + 1];
                let other_seps = s[..i].matches(['.', ',']).count();
                let is_decimal = if sep == "." {
                    true
                } else {
                    // A lone comma followed by three digits is a thousands separator
                    // (`1,234`) in English; with fewer digits it is a decimal comma.
                    !(s[..i].contains('.') || frac.len() == 3 && other_seps == 0 && digits != 3)
                };
                if is_decimal {
                    (s[..i].replace([',', '.'], ""), frac.to_string())
                } else {
                    (s.replace([',', '.'], ""), String::new())
                }
            }
            None => (s.to_string(), String::new()),
        };
        if int_part.is_empty() && frac_part.is_empty()
            || !int_part.chars().all(|c| c.is_ascii_digit())
            || !frac_part.chars().all(|c| c.is_ascii_digit())
        {
            return Err(MoneyError::NotANumber);
        }
        if frac_part.len() > digits {
            return Err(MoneyError::TooManyDecimals(digits as u32));
        }
        let int: i64 = if int_part.is_empty() {
            0
        } else {
            int_part.parse().map_err(|_| MoneyError::TooLarge)?
        };
        let mut frac: i64 = if frac_part.is_empty() {
            0
        } else {
            frac_part.parse().map_err(|_| MoneyError::NotANumber)?
        };
        for _ in frac_part.len()..digits {
            frac *= 10;
        }
        let scale = 10_i64.pow(digits as u32);
        let minor = int
            .checked_mul(scale)
            .and_then(|v| v.checked_add(frac))
            .ok_or(MoneyError::TooLarge)?;
        Ok(Money::new(if neg { -minor } else { minor }, currency))
    }

    /// The plain decimal form, `1234.56`, for inputs and machine-readable output.
    pub fn plain(&self) -> String {
        let digits = exponent(self.currency);
        let scale = 10_i64.pow(digits);
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        let int = abs / scale as u64;
        if digits == 0 {
            return format!("{sign}{int}");
        }
        let frac = abs % scale as u64;
        format!("{sign}{int}.{frac:0width$}", width = digits as usize)
    }

    /// The English display form: `€1,234.56`, `-$12.00`, `¥1,200`.
    pub fn display(&self) -> String {
        let plain = self.plain();
        let (sign, body) = match plain.strip_prefix('-') {
            Some(b) => ("-", b.to_string()),
            None => ("", plain),
        };
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i.to_string(), Some(f.to_string())),
            None => (body, None),
        };
        let grouped = group_thousands(&int, ',');
        let symbol = display_symbol(self.currency);
        match frac {
            Some(f) => format!("{sign}{symbol}{grouped}.{f}"),
            None => format!("{sign}{symbol}{grouped}"),
        }
    }
}

/// The prefix English text writes before an amount: the symbol for the currencies that
/// own one, a marked dollar where `$` alone would be ambiguous, else the ISO code.
pub fn display_symbol(c: Currency) -> String {
    match c.code() {
        "EUR" => "€".into(),
        "USD" => "$".into(),
        "GBP" => "£".into(),
        "JPY" => "¥".into(),
        "INR" => "₹".into(),
        "KRW" => "₩".into(),
        "CNY" => "CN¥".into(),
        "CAD" => "CA$".into(),
        "AUD" => "A$".into(),
        "NZD" => "NZ$".into(),
        "HKD" => "HK$".into(),
        "MXN" => "MX$".into(),
        "BRL" => "R$".into(),
        code => format!("{code} "),
    }
}

/// Minor units in a major one of a currency given by its code (100 when unknown).
pub fn minor_per_major(code: &str) -> f64 {
    currency(code).map_or(100.0, |c| 10f64.powi(exponent(c) as i32))
}

/// Inserts `sep` every three digits from the right.
pub fn group_thousands(digits: &str, sep: char) -> String {
    let n = digits.chars().count();
    let mut out = String::with_capacity(n + n / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// What is wrong with a typed amount (the edges put it into words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    NotANumber,
    TooManyDecimals(u32),
    TooLarge,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur() -> Currency {
        currency("eur").unwrap()
    }

    #[test]
    fn parses_what_people_type() {
        let cases = [
            ("1234", 123_400),
            ("1234.5", 123_450),
            ("1,234.56", 123_456),
            ("1 234,56", 123_456),
            ("1234,5", 123_450),
            ("1,234", 123_400),
            ("-12", -1_200),
            ("-€0.05", -5),
            ("€-0.05", -5),
            ("€ 9.99", 999),
            ("0.01", 1),
            (".5", 50),
        ];
        for (input, minor) in cases {
            assert_eq!(Money::parse(input, eur()).unwrap().minor, minor, "{input}");
        }
    }

    #[test]
    fn refuses_garbage_and_excess_decimals() {
        assert_eq!(Money::parse("", eur()), Err(MoneyError::Empty));
        assert_eq!(Money::parse("12abc", eur()), Err(MoneyError::NotANumber));
        assert_eq!(
            Money::parse("1.234", eur()),
            Err(MoneyError::TooManyDecimals(2))
        );
        assert_eq!(
            Money::parse("99999999999999999999", eur()),
            Err(MoneyError::TooLarge)
        );
    }

    #[test]
    fn zero_decimal_currencies() {
        let jpy = currency("JPY").unwrap();
        assert_eq!(Money::parse("1200", jpy).unwrap().minor, 1200);
        assert_eq!(Money::new(1200, jpy).display(), "¥1,200");
        assert!(Money::parse("12.5", jpy).is_err());
    }

    #[test]
    fn displays_in_english() {
        assert_eq!(Money::new(123_456, eur()).display(), "€1,234.56");
        assert_eq!(Money::new(-5, eur()).display(), "-€0.05");
        assert_eq!(Money::new(100_000_000, eur()).plain(), "1000000.00");
        let chf = currency("CHF").unwrap();
        assert_eq!(Money::new(250_000, chf).display(), "CHF 2,500.00");
        assert_eq!(
            Money::new(120_000, currency("CAD").unwrap()).display(),
            "CA$1,200.00"
        );
        assert_eq!(Money::parse("CHF 12.50", chf).unwrap().minor, 1250);
    }

    #[test]
    fn currency_codes() {
        assert!(currency("usd").is_some());
        assert!(currency("XXX").is_none());
        assert!(currency("EURO").is_none());
        assert!(currency("FRF").is_none());
    }
}
