//! Reading an input file within bounds. Only a regular file is read (a device such as
//! `/dev/zero` never ends, a FIFO may never start), up to a size limit; a zip archive (and
//! an xlsx workbook, which is one) is measured by inflating it into nothing before any
//! of it is kept: entries counted, real inflated sizes added up against the limit (what
//! an entry declares may lie), and a declared string count checked against the bytes
//! that would have to hold it.

use std::io::{Cursor, Read};
use std::path::Path;

/// The default for the size limit: the file, and everything a zip inflates to.
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;
/// Entries in one archive: exports hold a handful, an xlsx a few dozen.
pub const MAX_ENTRIES: usize = 1_000;

/// The bounds of one import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The file's size and the total a zip inflates to, in bytes (`--max-size`).
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Why an input was not read.
#[derive(Debug)]
pub enum SourceError {
    /// A device, FIFO, socket or folder.
    NotRegular,
    /// Larger than the limit.
    TooLarge {
        size: u64,
        limit: u64,
    },
    Io(std::io::Error),
}

/// Why an archive is refused before it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveError {
    Unreadable(String),
    TooManyEntries {
        count: usize,
        max: usize,
    },
    /// The entries inflate to more than the limit.
    TooLarge {
        limit: u64,
    },
    /// An entry declares more strings than its bytes can hold.
    DeclaredCount {
        entry: String,
        count: String,
        size: u64,
    },
}

/// `512M`, `2G`, `300MB`, `1.5GiB` or a number of bytes: the value of `--max-size`.
pub fn parse_size(s: &str) -> Option<u64> {
    let t = s.trim().to_ascii_lowercase();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num.parse().ok()?;
    let mult: f64 = match unit.trim().trim_end_matches("ib").trim_end_matches('b') {
        "" => 1.0,
        "k" => 1024.0,
        "m" => 1024.0 * 1024.0,
        "g" => 1024.0 * 1024.0 * 1024.0,
        "t" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    let v = n * mult;
    (v.is_finite() && v >= 1.0 && v < u64::MAX as f64).then_some(v as u64)
}

/// `256 MB`, `1.5 GB`: a limit as messages show it.
pub fn size_text(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    let mb = bytes as f64 / MB;
    if mb >= 1024.0 {
        let gb = format!("{:.1}", mb / 1024.0);
        format!("{} GB", gb.trim_end_matches(".0"))
    } else if mb >= 1.0 {
        format!("{} MB", mb.round())
    } else {
        format!("{bytes} bytes")
    }
}

/// Opens without waiting: opening a FIFO for reading blocks until a writer comes, and
/// the check that refuses it only runs once the file is open.
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK; no effect on the regular files that pass the check below.
        o.custom_flags(0o4000);
    }
    #[cfg(target_os = "macos")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(0x0004);
    }
    o.open(path)
}

/// Refuses what is not a regular file (a device, FIFO, socket or folder) before anything
/// opens it: opening a FIFO may wait forever, reading `/dev/zero` never ends. Links are
/// followed.
pub fn check_regular(path: &Path) -> Result<std::fs::Metadata, SourceError> {
    let meta = std::fs::metadata(path).map_err(SourceError::Io)?;
    if meta.is_file() {
        Ok(meta)
    } else {
        Err(SourceError::NotRegular)
    }
}

/// Reads a whole regular file of at most `limits.max_bytes`.
pub fn read_file(path: &Path, limits: Limits) -> Result<Vec<u8>, SourceError> {
    // Checked before opening too: where opening cannot avoid waiting, a FIFO is
    // refused before anything blocks.
    check_regular(path)?;
    let file = open_nonblocking(path).map_err(SourceError::Io)?;
    // The file opened may not be the one checked (renamed in between): check it again.
    let meta = file.metadata().map_err(SourceError::Io)?;
    if !meta.is_file() {
        return Err(SourceError::NotRegular);
    }
    if meta.len() > limits.max_bytes {
        return Err(SourceError::TooLarge {
            size: meta.len(),
            limit: limits.max_bytes,
        });
    }
    let mut buf = Vec::with_capacity(meta.len() as usize);
    file.take(limits.max_bytes + 1)
        .read_to_end(&mut buf)
        .map_err(SourceError::Io)?;
    // A file that grew while read.
    if buf.len() as u64 > limits.max_bytes {
        return Err(SourceError::TooLarge {
            size: buf.len() as u64,
            limit: limits.max_bytes,
        });
    }
    Ok(buf)
}

/// Whether bytes start like a zip archive (or an xlsx workbook).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Measures an archive by inflating every entry into nothing, within the limits; returns
/// each entry's name and real inflated size.
pub fn check_zip(bytes: &[u8], limits: Limits) -> Result<Vec<(String, u64)>, ArchiveError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ArchiveError::Unreadable(e.to_string()))?;
    if zip.len() > MAX_ENTRIES {
        return Err(ArchiveError::TooManyEntries {
            count: zip.len(),
            max: MAX_ENTRIES,
        });
    }
    let mut total: u64 = 0;
    let mut out = Vec::with_capacity(zip.len());
    for i in 0..zip.len() {
        let entry = zip
            .by_index(i)
            .map_err(|e| ArchiveError::Unreadable(e.to_string()))?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let left = limits.max_bytes - total;
        let size = std::io::copy(&mut entry.take(left + 1), &mut std::io::sink())
            .map_err(|e| ArchiveError::Unreadable(e.to_string()))?;
        total += size;
        if total > limits.max_bytes {
            return Err(ArchiveError::TooLarge {
                limit: limits.max_bytes,
            });
        }
        out.push((name, size));
    }
    Ok(out)
}

/// Reads one entry of a checked archive (at most `max` bytes).
pub fn zip_entry(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    max: u64,
) -> Result<Vec<u8>, String> {
    let entry = zip.by_name(name).map_err(|e| e.to_string())?;
    let mut buf = Vec::new();
    entry
        .take(max)
        .read_to_end(&mut buf)
        .map_err(|e| e.to_string())?;
    Ok(buf)
}

/// The smallest shared string an xlsx can hold (`<si/>`): a count above the entry's
/// size over this is a lie.
const MIN_STRING_BYTES: u64 = 5;

/// Checks an xlsx workbook before a spreadsheet reader opens it: the zip within the
/// limits, and the shared strings' declared counts against their real size (a reader
/// reserves room for the declared count up front).
pub fn check_workbook(bytes: &[u8], limits: Limits) -> Result<(), ArchiveError> {
    let entries = check_zip(bytes, limits)?;
    let Some((name, size)) = entries
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("xl/sharedStrings.xml"))
    else {
        return Ok(());
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ArchiveError::Unreadable(e.to_string()))?;
    // The counts are attributes of the first element: the first few KiB hold them.
    let head = zip_entry(&mut zip, name, 8192).map_err(ArchiveError::Unreadable)?;
    let head = String::from_utf8_lossy(&head);
    let Some(start) = head.find("<sst") else {
        return Ok(());
    };
    let tag = &head[start..head[start..].find('>').map_or(head.len(), |e| start + e)];
    for attr in ["uniqueCount", "count"] {
        let Some(v) = attr_value(tag, attr) else {
            continue;
        };
        let fits = v
            .parse::<u64>()
            .is_ok_and(|n| n <= size / MIN_STRING_BYTES + 1);
        if !fits {
            return Err(ArchiveError::DeclaredCount {
                entry: name.clone(),
                count: v.chars().take(24).collect(),
                size: *size,
            });
        }
    }
    Ok(())
}

/// The value of ` name="..."` in an XML start tag.
fn attr_value<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before = rest[..i].chars().last();
        let after = rest[i + name.len()..].trim_start();
        if before.is_some_and(char::is_whitespace)
            && let Some(v) = after.strip_prefix('=')
        {
            let v = v.trim_start();
            let q = v.chars().next()?;
            if q == '"' || q == '\'' {
                let v = &v[1..];
                return v.find(q).map(|e| &v[..e]);
            }
        }
        rest = &rest[i + name.len()..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in entries {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("512M"), Some(512 * 1024 * 1024));
        assert_eq!(parse_size("2G"), Some(2 * 1024 * 1024 * 1024));
        assert_eq!(parse_size("300MB"), Some(300 * 1024 * 1024));
        assert_eq!(parse_size("1.5GiB"), Some(1024 * 1024 * 1536));
        assert_eq!(parse_size("1000"), Some(1000));
        assert_eq!(parse_size("lots"), None);
        assert_eq!(parse_size("0"), None);
        assert_eq!(size_text(DEFAULT_MAX_BYTES), "256 MB");
        assert_eq!(size_text(3 * 1024 * 1024 * 1024), "3 GB");
    }

    #[test]
    fn only_regular_files_within_the_limit() {
        assert!(matches!(
            read_file(Path::new("/dev/zero"), Limits::default()),
            Err(SourceError::NotRegular)
        ));
        assert!(matches!(
            read_file(Path::new("/"), Limits::default()),
            Err(SourceError::NotRegular)
        ));
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.csv");
        std::fs::write(&f, b"0123456789").unwrap();
        assert_eq!(read_file(&f, Limits::default()).unwrap().len(), 10);
        assert!(matches!(
            read_file(&f, Limits { max_bytes: 5 }),
            Err(SourceError::TooLarge { size: 10, limit: 5 })
        ));
    }

    #[test]
    fn a_fifo_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("fifo");
        let ok = std::process::Command::new("mkfifo")
            .arg(&f)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            return; // no mkfifo here: the end-to-end test covers it where there is
        }
        assert!(matches!(
            read_file(&f, Limits::default()),
            Err(SourceError::NotRegular)
        ));
    }

    #[test]
    fn zip_bombs_are_measured_not_kept() {
        let big = vec![b'a'; 2 * 1024 * 1024];
        let z = zip_of(&[("a.csv", &big), ("b.csv", &big)]);
        assert!(z.len() < 64 * 1024, "compresses well: {}", z.len());
        assert_eq!(
            check_zip(
                &z,
                Limits {
                    max_bytes: 3 * 1024 * 1024
                }
            ),
            Err(ArchiveError::TooLarge {
                limit: 3 * 1024 * 1024
            })
        );
        let sizes = check_zip(&z, Limits::default()).unwrap();
        assert_eq!(sizes[1], ("b.csv".to_string(), 2 * 1024 * 1024));
        let many: Vec<(String, Vec<u8>)> = (0..MAX_ENTRIES + 1)
            .map(|i| (format!("{i}.csv"), vec![]))
            .collect();
        let refs: Vec<(&str, &[u8])> = many
            .iter()
            .map(|(n, d)| (n.as_str(), d.as_slice()))
            .collect();
        assert!(matches!(
            check_zip(&zip_of(&refs), Limits::default()),
            Err(ArchiveError::TooManyEntries { .. })
        ));
    }

    #[test]
    fn declared_string_counts_must_fit_their_bytes() {
        let sst = |count: &str| {
            format!(
                r#"<?xml version="1.0"?><sst xmlns="x" count="{count}" uniqueCount="{count}"><si><t>a</t></si></sst>"#
            )
        };
        for lie in [
            "4000000000",
            "18446744073709551615",
            "99999999999999999999999",
        ] {
            let z = zip_of(&[("xl/sharedStrings.xml", sst(lie).as_bytes())]);
            assert!(
                matches!(
                    check_workbook(&z, Limits::default()),
                    Err(ArchiveError::DeclaredCount { .. })
                ),
                "{lie}"
            );
        }
        let z = zip_of(&[("xl/sharedStrings.xml", sst("1").as_bytes())]);
        assert_eq!(check_workbook(&z, Limits::default()), Ok(()));
        assert_eq!(attr_value(r#"<sst a="1" count='7'"#, "count"), Some("7"));
        assert_eq!(attr_value(r#"<sst uniqueCount="3""#, "count"), None);
    }
}
