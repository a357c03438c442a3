//! The words for what went wrong with a file ([`crate::files::Problem`]): the one place
//! the command line and the app take them from.

use super::{fill, t};
use crate::files::{Problem, ReadOnly, Work};

/// What went wrong with a file, in the interface's language.
pub fn file_problem(problem: &Problem) -> String {
    let s = t();
    let at = |template: &str, path: &std::path::Path| {
        fill(template, &[("path", &path.display().to_string())])
    };
    match problem {
        Problem::DiskFull { path } => at(s.data.file_disk_full, path),
        Problem::Busy { path, work: None } => at(s.data.file_busy, path),
        Problem::Busy {
            path,
            work: Some(work),
        } => fill(
            s.data.file_busy_work,
            &[
                ("path", &path.display().to_string()),
                ("work", work_name(*work)),
            ],
        ),
        Problem::ReadOnly { path, why } => at(
            match why {
                ReadOnly::FileSystem => s.data.file_read_only_fs,
                ReadOnly::Folder => s.data.file_read_only_folder,
                ReadOnly::File => s.data.file_read_only_file,
                ReadOnly::NeedsUpgrade => s.data.file_needs_upgrade,
            },
            path,
        ),
        Problem::NotAPath { given } => fill(s.data.file_not_a_path, &[("given", given)]),
        Problem::OntoDatabase { path } => at(s.data.file_onto_database, path),
        Problem::Exists { path } => at(s.data.file_exists, path),
    }
}

/// "an import", "a restore"...: the work that holds a database.
pub fn work_name(w: Work) -> &'static str {
    let i = Work::ALL.iter().position(|x| *x == w).unwrap_or(0);
    t().data.file_works[i]
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::files::{Problem, Work};
    use crate::i18n::{Lang, with_lang};

    #[test]
    fn every_problem_names_its_file_in_both_languages() {
        let path = PathBuf::from("/data/t.db");
        for lang in [Lang::En, Lang::Fr] {
            with_lang(lang, || {
                let full = super::file_problem(&Problem::DiskFull { path: path.clone() });
                assert!(full.contains("/data/t.db"), "{full}");
                let busy = super::file_problem(&Problem::Busy {
                    path: path.clone(),
                    work: Some(Work::Import),
                });
                assert!(busy.contains("/data/t.db"), "{busy}");
                assert!(busy.contains(super::work_name(Work::Import)), "{busy}");
            });
        }
        with_lang(Lang::En, || {
            assert_eq!(
                super::file_problem(&Problem::DiskFull { path: path.clone() }),
                "the disk holding /data/t.db is full: nothing was written. Free some space and try again."
            );
            assert_eq!(
                super::file_problem(&Problem::Busy {
                    path: path.clone(),
                    work: Some(Work::Import)
                }),
                "/data/t.db is busy: an import is writing to it. Try again when it is done."
            );
        });
    }
}
