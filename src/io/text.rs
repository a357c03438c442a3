//! Reading text files as people's tools write them: UTF-8 with or without a BOM, or
//! UTF-16 with a BOM (spreadsheet exports).

/// Decodes bytes to text, dropping a byte-order mark. `Err` holds why it is not text.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8(rest.to_vec())
            .map_err(|e| crate::i18n::fill(crate::i18n::t().imp_utf8, &[("e", &e.to_string())]));
    }
    let utf16 = |rest: &[u8], le: bool| -> Result<String, String> {
        if !rest.len().is_multiple_of(2) {
            return Err(crate::i18n::t().imp_utf16_odd.into());
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
            .map_err(|e| crate::i18n::fill(crate::i18n::t().imp_utf16, &[("e", &e.to_string())]))
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false);
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        crate::i18n::fill(
            crate::i18n::t().imp_utf8_at,
            &[("at", &e.utf8_error().valid_up_to().to_string())],
        )
    })
}

#[cfg(test)]
mod tests {
    use super::decode;

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
}
