//! Reading text files as people's tools write them: UTF-8 with or without a BOM, UTF-16
//! with or without a BOM (spreadsheet exports, Excel's "Unicode text"), with `,`, `;`
//! (French Excel) or tab between cells.

use std::borrow::Cow;

/// UTF-16 without a byte-order mark, told by its zero bytes: text in Latin letters has a
/// zero in every other byte. `Some(true)` for little-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(1024) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros_at = |odd: usize| {
        head.iter()
            .skip(odd)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // Most pairs with a zero on one side and none on the other.
    if odd * 10 >= pairs * 6 && even == 0 {
        Some(true)
    } else if even * 10 >= pairs * 6 && odd == 0 {
        Some(false)
    } else {
        None
    }
}

/// Decodes bytes to text, dropping a byte-order mark; plain UTF-8 is not copied. `Err`
/// holds why it is not text.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return std::str::from_utf8(rest).map(Cow::Borrowed).map_err(|e| {
            crate::i18n::fill(crate::i18n::t().import.imp_utf8, &[("e", &e.to_string())])
        });
    }
    let utf16 = |rest: &[u8], le: bool| -> Result<String, String> {
        if !rest.len().is_multiple_of(2) {
            return Err(crate::i18n::t().import.imp_utf16_odd.into());
        }
        let units = rest.chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|e| {
                crate::i18n::fill(crate::i18n::t().import.imp_utf16, &[("e", &e.to_string())])
            })
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true).map(Cow::Owned);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false).map(Cow::Owned);
    }
    if let Some(le) = utf16_without_bom(bytes) {
        return utf16(bytes, le).map(|s| Cow::Owned(s.trim_start_matches('\u{feff}').to_string()));
    }
    std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
        crate::i18n::fill(
            crate::i18n::t().import.imp_utf8_at,
            &[("at", &e.valid_up_to().to_string())],
        )
    })
}

/// The `sep=` line spreadsheet programs put first, and the separator it names.
pub fn sep_line(text: &str) -> Option<u8> {
    let first = text.lines().next()?.trim().trim_matches('"');
    first.get(..4).filter(|h| h.eq_ignore_ascii_case("sep="))?;
    match first[4..].chars().next() {
        Some('\t') => Some(b'\t'),
        Some(c) if c.is_ascii() && c != '"' => Some(c as u8),
        // `sep=` alone: a tab Excel could not show.
        _ => Some(b'\t'),
    }
}

/// How many times `sep` separates cells of a line (not counting inside quotes).
fn count_outside_quotes(line: &str, sep: char) -> usize {
    let mut quoted = false;
    line.chars()
        .filter(|c| {
            if *c == '"' {
                quoted = !quoted;
            }
            !quoted && *c == sep
        })
        .count()
}

/// The cell separator of a CSV: the `sep=` line's, else the one of `,` `;` and tab that
/// splits the first line having any of them into the most cells (a title line above
/// the header, as in Meta's files, has none).
pub fn separator(text: &str) -> u8 {
    if let Some(sep) = sep_line(text) {
        return sep;
    }
    for line in text.lines().take(5) {
        let counts = [',', ';', '\t'].map(|c| (count_outside_quotes(line, c), c));
        let best = counts
            .iter()
            .copied()
            .max_by_key(|(n, c)| (*n, *c == ','))
            .unwrap_or((0, ','));
        if best.0 > 0 {
            return best.1 as u8;
        }
    }
    b','
}

/// Line numbers of CSV records from their byte offsets. The csv reader's own line
/// count runs one behind after a `\r\n` (Excel's line end), so messages would name
/// the line above the one at fault.
pub struct Lines<'a> {
    text: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line of the record at `byte` (records come in order).
    pub fn of(&mut self, pos: Option<&csv::Position>) -> usize {
        let Some(pos) = pos else { return 0 };
        let mut b = (pos.byte() as usize).min(self.text.len());
        // The offset may sit on the end of the line before.
        while b < self.text.len() && matches!(self.text[b], b'\r' | b'\n') {
            b += 1;
        }
        if b < self.at {
            // Out of order: count again from the start.
            self.at = 0;
            self.line = 1;
        }
        self.line += self.text[self.at..b]
            .iter()
            .filter(|c| **c == b'\n')
            .count();
        self.at = b;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_encodings() {
        assert_eq!(decode(b"\xEF\xBB\xBFa,b").unwrap(), "a,b");
        assert_eq!(decode(b"plain").unwrap(), "plain");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("é,1".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap(), "é,1");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("x".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap(), "x");
        assert!(decode(b"\xFF\xFEa").is_err());
        assert!(decode(b"caf\xE9").unwrap_err().contains("byte 3"));
    }

    #[test]
    fn utf16_without_a_bom() {
        let text = "Date;Primary\r\n2025-08-01;12\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le).unwrap(), text);
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&be).unwrap(), text);
        // A few NULs in UTF-8 are no UTF-16.
        assert_eq!(decode(b"a,b\0,c\n1,2,3\n").unwrap(), "a,b\0,c\n1,2,3\n");
    }

    #[test]
    fn lines_of_records_with_crlf() {
        let text = "sep=,\r\nb\r\nc,d\r\n\r\ne\n";
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut lines = Lines::new(text);
        let got: Vec<usize> = r
            .records()
            .map(|x| lines.of(x.unwrap().position()))
            .collect();
        assert_eq!(got, [1, 2, 3, 5]);
    }

    #[test]
    fn separators() {
        assert_eq!(separator("a,b,c\n1,2,3"), b',');
        assert_eq!(separator("Date;Impressions;Reach\n2026-11-01;1,5;3"), b';');
        assert_eq!(separator("a\tb\tc\n"), b'\t');
        assert_eq!(
            separator("\"a;b\",c,d\n"),
            b',',
            "inside quotes does not count"
        );
        assert_eq!(separator("Facebook follows\nDate;Primary\n"), b';');
        assert_eq!(separator("sep=;\n\"Facebook follows\"\n"), b';');
        assert_eq!(separator("\"sep=,\"\n"), b',');
        assert_eq!(separator("single\n"), b',');
    }
}
