//! The sentiment twohats suggests for an incoming message, from the word lists under
//! `assets/sentiment/` (English, French and emoji, plain text anyone can edit). Only a
//! suggestion: the user always has the last word.

mod lexicon;

use std::sync::OnceLock;

use super::inbox::Sentiment;
use lexicon::{Lexicon, Phrase, is_separator};

/// The word lists, built into the binary: changing a word takes an edit and a rebuild,
/// no code. Named as in the repository, so a test's message points at the file.
const FILES: [(&str, &str); 3] = [
    (
        "assets/sentiment/en.txt",
        include_str!("../../../assets/sentiment/en.txt"),
    ),
    (
        "assets/sentiment/fr.txt",
        include_str!("../../../assets/sentiment/fr.txt"),
    ),
    (
        "assets/sentiment/emoji.txt",
        include_str!("../../../assets/sentiment/emoji.txt"),
    ),
];

/// The lists, read once on first use. A line the reader cannot use is skipped, never a
/// failure of the app: `shipped_lists_are_well_formed` fails on it before it ships.
fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| lexicon::parse(&FILES).0)
}

/// Suggests a sentiment from the words of a message.
pub fn suggest_sentiment(text: &str) -> Sentiment {
    score(lexicon(), text)
}

fn score(lex: &Lexicon, text: &str) -> Sentiment {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(is_separator)
        .filter(|w| !w.is_empty())
        .collect();
    let mut score = 0i32;
    // Words before `free` belong to a phrase already counted: they do not flip what follows
    // ("pas terrible, déçu" stays negative).
    let mut free = 0;
    let mut i = 0;
    while i < words.len() {
        // One lookup per word: a listed word, or the start of a listed phrase.
        let found = lex.words.get(words[i]).and_then(|entry| {
            phrase_at(&entry.phrases, &words, i).or(entry.weight.map(|v| (v, 1)))
        });
        let Some((value, len)) = found else {
            score += glued_symbols(lex, words[i]);
            i += 1;
            continue;
        };
        // "not good", "pas bon": a negation among the two words before flips it.
        let negated = words[i.saturating_sub(2).max(free)..i]
            .iter()
            .any(|p| lex.negations.contains(*p));
        score += if negated { -value } else { value };
        i += len;
        if len > 1 {
            free = i;
        }
    }
    match score {
        s if s > 0 => Sentiment::Positive,
        s if s < 0 => Sentiment::Negative,
        _ => Sentiment::Neutral,
    }
}

/// The weight and length of the longest of `phrases` (the longest first) at word `i`.
fn phrase_at(phrases: &[Phrase], words: &[&str], i: usize) -> Option<(i32, usize)> {
    phrases.iter().find_map(|(phrase, value)| {
        let here = words.get(i..i + phrase.len())?;
        (here.iter().zip(phrase).all(|(w, p)| w == p)).then_some((*value, phrase.len()))
    })
}

/// Emoji glued to a word or to each other ("merci😍", "👎👎"), each counted. A word made
/// of letters and digits only, or of ASCII when no symbol is, holds none: most words skip
/// the searches.
fn glued_symbols(lex: &Lexicon, word: &str) -> i32 {
    if (!lex.ascii_symbols && word.is_ascii()) || word.chars().all(char::is_alphanumeric) {
        return 0;
    }
    lex.symbols
        .iter()
        .map(|(symbol, value)| word.matches(symbol.as_str()).count() as i32 * value)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentiment_in_two_languages() {
        assert_eq!(
            suggest_sentiment("Love this place, thank you!"),
            Sentiment::Positive
        );
        assert_eq!(suggest_sentiment("Trop bon, merci 😍"), Sentiment::Positive);
        assert_eq!(
            suggest_sentiment("Très déçu, service horrible"),
            Sentiment::Negative
        );
        assert_eq!(
            suggest_sentiment("Terrible, cold coffee and rude staff"),
            Sentiment::Negative
        );
        assert_eq!(suggest_sentiment("Ce n'est pas bon"), Sentiment::Negative);
        assert_eq!(suggest_sentiment("not bad at all"), Sentiment::Positive);
        assert_eq!(
            suggest_sentiment("What time do you open on Sunday?"),
            Sentiment::Neutral
        );
        assert_eq!(suggest_sentiment("👎👎"), Sentiment::Negative);
    }

    #[test]
    fn shipped_lists_are_well_formed() {
        let (lex, errors) = lexicon::parse(&FILES);
        let shown: Vec<String> = errors
            .iter()
            .map(|e| format!("{}:{}: {:?}: {:?}", e.file, e.line, e.text, e.problem))
            .collect();
        assert!(
            shown.is_empty(),
            "lines that cannot be used:\n{}",
            shown.join("\n")
        );
        assert!(lex.words.len() > 100 && lex.negations.len() > 5 && lex.symbols.len() > 10);
    }

    #[test]
    fn phrases_count_once_and_flip_nothing_after_them() {
        assert_eq!(suggest_sentiment("C'est pas terrible"), Sentiment::Negative);
        assert_eq!(
            suggest_sentiment("Pas terrible, déçu"),
            Sentiment::Negative,
            "the phrase's \"pas\" does not flip \"déçu\""
        );
        assert_eq!(
            suggest_sentiment("Not worth it, sorry"),
            Sentiment::Negative
        );
    }

    #[test]
    fn emoji_count_glued_repeated_and_with_their_colour_selector() {
        assert_eq!(suggest_sentiment("merci😍😍, déçu"), Sentiment::Positive);
        assert_eq!(suggest_sentiment("ok 👎👎 super"), Sentiment::Negative);
        assert_eq!(suggest_sentiment("❤\u{FE0F}"), Sentiment::Positive);
        assert_eq!(suggest_sentiment("bad ❤\u{FE0F}❤"), Sentiment::Positive);
    }
}
