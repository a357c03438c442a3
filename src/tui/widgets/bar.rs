//! A one-line gauge made of block characters, for budgets, pillars and progress.

/// `█████░░░░░` for `fraction` of `width` cells (clamped to 0..=1).
pub fn bar(fraction: f64, width: usize) -> String {
    let f = if fraction.is_finite() {
        fraction.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let full = (f * width as f64).round() as usize;
    let mut s = "█".repeat(full.min(width));
    s.push_str(&"░".repeat(width - full.min(width)));
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn widths() {
        assert_eq!(super::bar(0.5, 4), "██░░");
        assert_eq!(super::bar(2.0, 3), "███");
        assert_eq!(super::bar(f64::NAN, 2), "░░");
        assert_eq!(super::bar(0.3, 0), "");
    }
}
