//! The sentiment twohats suggests for an incoming message, from a small lexicon in
//! English and French. Only a suggestion: the user always has the last word.

use super::inbox::Sentiment;

/// Words that lean a message one way, in English and French. Kept small on purpose: it
/// only suggests, and the user always has the last word.
const POSITIVE: &[&str] = &[
    "love",
    "loved",
    "great",
    "amazing",
    "awesome",
    "thanks",
    "thank",
    "perfect",
    "delicious",
    "beautiful",
    "excellent",
    "fantastic",
    "wonderful",
    "best",
    "happy",
    "recommend",
    "nice",
    "good",
    "yummy",
    "gorgeous",
    "merci",
    "super",
    "génial",
    "genial",
    "parfait",
    "parfaite",
    "top",
    "bravo",
    "adore",
    "j'adore",
    "délicieux",
    "delicieux",
    "délicieuse",
    "magnifique",
    "excellente",
    "formidable",
    "incroyable",
    "meilleur",
    "meilleure",
    "recommande",
    "bon",
    "bonne",
    "trop",
    "❤",
    "❤️",
    "😍",
    "👍",
    "🙏",
    "🥰",
    "😋",
    "👏",
    "🔥",
];
const NEGATIVE: &[&str] = &[
    "bad",
    "terrible",
    "awful",
    "disappointed",
    "disappointing",
    "worst",
    "rude",
    "cold",
    "late",
    "refund",
    "broken",
    "never",
    "horrible",
    "dirty",
    "scam",
    "waited",
    "waiting",
    "angry",
    "poor",
    "expensive",
    "problem",
    "issue",
    "complaint",
    "unacceptable",
    "déçu",
    "déçue",
    "decu",
    "nul",
    "nulle",
    "horrible",
    "retard",
    "froid",
    "froide",
    "arnaque",
    "mauvais",
    "mauvaise",
    "pire",
    "problème",
    "probleme",
    "cher",
    "sale",
    "impoli",
    "inadmissible",
    "remboursement",
    "attente",
    "honte",
    "😡",
    "👎",
    "😠",
    "🤬",
    "😞",
];
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "don't", "didn't", "isn't", "wasn't", "pas", "jamais", "plus", "ni",
];

/// Each word of the lexicon and its weight: one lookup per word of a message (an import
/// scores a million messages). A word in both lists counts as positive.
fn lexicon() -> &'static std::collections::HashMap<&'static str, i32> {
    static WORDS: std::sync::OnceLock<std::collections::HashMap<&'static str, i32>> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let negative = NEGATIVE.iter().map(|w| (*w, -1));
        negative.chain(POSITIVE.iter().map(|w| (*w, 1))).collect()
    })
}

/// Suggests a sentiment from the words of a message.
pub fn suggest_sentiment(text: &str) -> Sentiment {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '.' | '!' | '?' | ';' | ':' | '(' | ')' | '"')
        })
        .filter(|w| !w.is_empty())
        .collect();
    let mut score = 0i32;
    for (i, w) in words.iter().enumerate() {
        let Some(&value) = lexicon().get(w) else {
            continue;
        };
        // "not good", "pas bon": a negation just before flips the word.
        let negated = words[i.saturating_sub(2)..i]
            .iter()
            .any(|p| NEGATIONS.contains(p));
        score += if negated { -value } else { value };
    }
    // Emoji glued to words are not split off above; count them on their own (plain
    // ASCII holds none: most messages skip the searches).
    if !lower.is_ascii() {
        for e in ["😍", "❤", "👍", "🙏", "🥰", "😋", "👏"] {
            score += lower.matches(e).count() as i32 * i32::from(!words.contains(&e));
        }
        for e in ["😡", "👎", "😠", "🤬", "😞"] {
            score -= lower.matches(e).count() as i32 * i32::from(!words.contains(&e));
        }
    }
    match score {
        s if s > 0 => Sentiment::Positive,
        s if s < 0 => Sentiment::Negative,
        _ => Sentiment::Neutral,
    }
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
}
