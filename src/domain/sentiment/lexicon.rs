//! The sentiment word lists, read from the plain-text files under `assets/sentiment/`
//! (their header says the format, for whoever edits them). A line the reader cannot use
//! is skipped and reported as a [`LineError`]: a test fails on it, the app never does.

use std::collections::{HashMap, HashSet};

/// The heading a word is listed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Positive,
    Negative,
    Negation,
}

impl Section {
    fn from_heading(name: &str) -> Option<Section> {
        match name {
            "positive" => Some(Section::Positive),
            "negative" => Some(Section::Negative),
            "negation" => Some(Section::Negation),
            _ => None,
        }
    }
}

/// The characters a message is cut at: a listed word can never hold one.
pub fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '.' | '!' | '?' | ';' | ':' | '(' | ')' | '"')
}

/// The selector that asks for an emoji's colour form (❤ vs ❤️): ignored on both sides.
const VARIATION_SELECTOR: char = '\u{FE0F}';

/// What is wrong with one line of a word list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A word before the first heading: it is neither positive nor negative.
    NoHeading,
    /// A `[heading]` other than positive, negative or negation.
    UnknownHeading(String),
    /// Capitals: messages are lowered before matching, so the line could never match.
    NotLowerCase,
    /// A character messages are cut at, which no word can hold.
    Separator(char),
    /// Words of a phrase must be separated by exactly one space.
    ExtraSpace,
    /// A negation flips the words after it: it must be one word.
    PhraseNegation,
    /// The same word twice under the same heading of one file.
    Twice { first_line: usize },
    /// The word is positive in one place and negative in another.
    BothWays { file: String, line: usize },
}

/// A line of a word list the reader could not use, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub file: String,
    pub line: usize,
    pub text: String,
    pub problem: Problem,
}

/// One listed phrase: its words and its weight.
pub type Phrase = (Vec<String>, i32);

/// What a word of a message may be: a listed word, the first of listed phrases, or both.
#[derive(Debug, Default)]
pub struct Entry {
    /// +1 or -1 for a listed word.
    pub weight: Option<i32>,
    /// The phrases that start with it, the longest first.
    pub phrases: Vec<Phrase>,
}

/// The word lists, ready to score messages: one lookup per word of a message (an import
/// scores a million messages).
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Each listed word, and each first word of a listed phrase.
    pub words: HashMap<String, Entry>,
    /// Words that flip the two words after them.
    pub negations: HashSet<String>,
    /// Listed words with no letter or digit (emoji): counted even glued to a word.
    pub symbols: Vec<(String, i32)>,
    /// Whether a symbol is plain ASCII (":-)"-like): if none is, a plain ASCII word holds
    /// none, and most words skip the search.
    pub ascii_symbols: bool,
}

/// Reads word lists given as (file name, text). Lines that cannot be used are left out
/// and listed in the errors.
pub fn parse(files: &[(&str, &str)]) -> (Lexicon, Vec<LineError>) {
    let mut lex = Lexicon::default();
    let mut errors = Vec::new();
    // Where each entry was first seen: (file, line, section), to report repeats.
    let mut seen: HashMap<String, Vec<(&str, usize, Section)>> = HashMap::new();
    for &(file, text) in files {
        let mut section = None;
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            let n = i + 1;
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fail = |problem| {
                errors.push(LineError {
                    file: file.to_string(),
                    line: n,
                    text: line.to_string(),
                    problem,
                })
            };
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                match Section::from_heading(name.trim()) {
                    Some(s) => section = Some(s),
                    None => fail(Problem::UnknownHeading(name.to_string())),
                }
                continue;
            }
            let Some(section) = section else {
                fail(Problem::NoHeading);
                continue;
            };
            if let Some(problem) = check_entry(line, section) {
                fail(problem);
                continue;
            }
            let entry = line.replace(VARIATION_SELECTOR, "");
            let earlier = seen.entry(entry.clone()).or_default();
            if let Some(problem) = repeat(earlier, file, section) {
                fail(problem);
                continue;
            }
            earlier.push((file, n, section));
            add(&mut lex, entry, section);
        }
    }
    for entry in lex.words.values_mut() {
        entry
            .phrases
            .sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    }
    (lex, errors)
}

/// Why a word cannot be listed under its heading, if it cannot.
fn check_entry(line: &str, section: Section) -> Option<Problem> {
    if line.chars().any(char::is_uppercase) {
        return Some(Problem::NotLowerCase);
    }
    if line.split(' ').any(str::is_empty) {
        return Some(Problem::ExtraSpace);
    }
    if let Some(c) = line.chars().find(|&c| c != ' ' && is_separator(c)) {
        return Some(Problem::Separator(c));
    }
    (section == Section::Negation && line.contains(' ')).then_some(Problem::PhraseNegation)
}

/// The problem with listing an entry again, given where it was listed before.
fn repeat(earlier: &[(&str, usize, Section)], file: &str, section: Section) -> Option<Problem> {
    let weighs = |s: Section| s != Section::Negation;
    for &(f, line, s) in earlier {
        if s == section && f == file {
            return Some(Problem::Twice { first_line: line });
        }
        if weighs(s) && weighs(section) && s != section {
            return Some(Problem::BothWays {
                file: f.to_string(),
                line,
            });
        }
    }
    None
}

fn add(lex: &mut Lexicon, entry: String, section: Section) {
    let weight = match section {
        Section::Positive => 1,
        Section::Negative => -1,
        Section::Negation => {
            lex.negations.insert(entry);
            return;
        }
    };
    if entry.contains(' ') {
        let words: Vec<String> = entry.split(' ').map(str::to_string).collect();
        lex.words
            .entry(words[0].clone())
            .or_default()
            .phrases
            .push((words, weight));
        return;
    }
    if !entry.chars().any(char::is_alphanumeric) {
        lex.ascii_symbols |= entry.is_ascii();
        lex.symbols.push((entry.clone(), weight));
    }
    lex.words.entry(entry).or_default().weight = Some(weight);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weight(lex: &Lexicon, word: &str) -> Option<i32> {
        lex.words.get(word)?.weight
    }

    fn problems(text: &str) -> Vec<(usize, Problem)> {
        let (_, errors) = parse(&[("t.txt", text)]);
        errors.into_iter().map(|e| (e.line, e.problem)).collect()
    }

    #[test]
    fn a_list_reads_into_words_phrases_negations_and_symbols() {
        let text = "# a note\n\n[positive]\nlove\n  great  \n😍\n❤\u{FE0F}\n[negative]\nnot worth it\nnot worth\nbad\n[negation]\nnot\n";
        let (lex, errors) = parse(&[("t.txt", text)]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(weight(&lex, "love"), Some(1));
        assert_eq!(weight(&lex, "great"), Some(1), "spaces around are trimmed");
        assert_eq!(weight(&lex, "bad"), Some(-1));
        assert_eq!(weight(&lex, "❤"), Some(1), "the colour selector is dropped");
        let weighted = lex.words.values().filter(|e| e.weight.is_some()).count();
        assert_eq!(weighted, 5, "and \"not\" starts phrases only");
        let phrases: Vec<(String, i32)> = lex.words["not"]
            .phrases
            .iter()
            .map(|(words, weight)| (words.join(" "), *weight))
            .collect();
        assert_eq!(
            phrases,
            [
                ("not worth it".to_string(), -1),
                ("not worth".to_string(), -1)
            ],
            "the longest phrase first"
        );
        assert!(lex.negations.contains("not") && lex.negations.len() == 1);
        let symbols: Vec<&str> = lex.symbols.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(symbols, ["😍", "❤"]);
    }

    #[test]
    fn each_malformed_line_is_named() {
        let text = "love\n[positive]\nLove\ngood!\ntwo  spaces\ngood\ngood\n[neutral]\n[negation]\nnot at all\n[negative]\ngood\n";
        assert_eq!(
            problems(text),
            [
                (1, Problem::NoHeading),
                (3, Problem::NotLowerCase),
                (4, Problem::Separator('!')),
                (5, Problem::ExtraSpace),
                (7, Problem::Twice { first_line: 6 }),
                (8, Problem::UnknownHeading("neutral".into())),
                (10, Problem::PhraseNegation),
                (
                    12,
                    Problem::BothWays {
                        file: "t.txt".into(),
                        line: 6
                    }
                ),
            ]
        );
    }

    #[test]
    fn two_files_may_share_a_word_but_not_disagree_on_it() {
        let a = "[negative]\nhorrible\n[negation]\nnever\n";
        let b = "[negative]\nhorrible\nnever\n[positive]\ntop\n";
        let c = "[negative]\ntop\n";
        let (_, errors) = parse(&[("a.txt", a), ("b.txt", b)]);
        assert!(errors.is_empty(), "{errors:?}");
        let (_, errors) = parse(&[("b.txt", b), ("c.txt", c)]);
        assert_eq!(errors.len(), 1);
        assert_eq!(
            (errors[0].file.as_str(), errors[0].line, &errors[0].problem),
            (
                "c.txt",
                2,
                &Problem::BothWays {
                    file: "b.txt".into(),
                    line: 5
                }
            )
        );
    }
}
