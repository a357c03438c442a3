//! What the screen showed a moment ago or will likely show next (a calendar grid, a
//! report), kept by key so a key that goes there draws without reading. Read-ahead
//! entries start empty (asked for) and are filled when the answer comes. The owner drops
//! them all with any change of data.

/// At most `N` entries, oldest first.
#[derive(Debug, Clone)]
pub struct Kept<K, V, const N: usize> {
    entries: Vec<(K, Option<V>)>,
}

impl<K, V, const N: usize> Default for Kept<K, V, N> {
    fn default() -> Self {
        Kept {
            entries: Vec::new(),
        }
    }
}

impl<K: PartialEq, V, const N: usize> Kept<K, V, N> {
    /// Takes the value of `key` out, when it is there (not only asked for).
    pub fn take(&mut self, key: &K) -> Option<V> {
        let i = self
            .entries
            .iter()
            .position(|(k, v)| k == key && v.is_some())?;
        self.entries.remove(i).1
    }

    /// Keeps a value, or marks it asked for with `None`, dropping the oldest beyond `N`.
    pub fn put(&mut self, key: K, value: Option<V>) {
        self.entries.retain(|(k, _)| *k != key);
        self.entries.push((key, value));
        if self.entries.len() > N {
            self.entries.remove(0);
        }
    }

    /// Fills an entry asked for; false (and the value dropped) when it was not asked for.
    pub fn fill(&mut self, key: &K, value: V) -> bool {
        match self
            .entries
            .iter_mut()
            .find(|(k, v)| k == key && v.is_none())
        {
            Some(slot) => {
                slot.1 = Some(value);
                true
            }
            None => false,
        }
    }

    /// Whether `key` is kept or asked for.
    pub fn has(&self, key: &K) -> bool {
        self.entries.iter().any(|(k, _)| k == key)
    }

    pub fn forget(&mut self, key: &K) {
        self.entries.retain(|(k, _)| k != key);
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The keys, oldest first, and whether each holds a value yet.
    pub fn keys(&self) -> impl Iterator<Item = (&K, bool)> {
        self.entries.iter().map(|(k, v)| (k, v.is_some()))
    }
}

#[cfg(test)]
mod tests {
    use super::Kept;

    #[test]
    fn keeps_the_newest_and_fills_only_what_was_asked_for() {
        let mut k: Kept<u32, &str, 2> = Kept::default();
        k.put(1, Some("one"));
        k.put(2, None);
        assert_eq!(k.take(&2), None, "asked for, not there yet");
        assert!(k.fill(&2, "two"));
        assert!(!k.fill(&3, "three"), "not asked for");
        assert!(!k.has(&3));
        k.put(4, Some("four"));
        assert!(!k.has(&1), "the oldest goes beyond two");
        assert_eq!(k.take(&2), Some("two"));
        assert!(!k.has(&2), "taken out");
        k.put(4, Some("again"));
        assert_eq!(k.keys().count(), 1);
        assert_eq!(k.take(&4), Some("again"));
        assert!(k.is_empty());
    }
}
