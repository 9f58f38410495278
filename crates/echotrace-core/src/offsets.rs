/// Converts byte offsets into a text to Unicode code-point offsets and back.
///
/// Built once per text; conversion is a binary search over the starts of non-ASCII characters,
/// so an ASCII text costs nothing and a long text with a few accents costs little.
#[derive(Clone, Debug)]
pub struct CharOffsets {
    len: usize,
    /// `(byte offset, extra bytes before it)` for every multi-byte character, in order: the
    /// number of code points before byte `b` is `b` minus the extra bytes of the characters
    /// that end at or before `b`.
    multibyte: Vec<(usize, usize)>,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let mut multibyte = Vec::new();
        let mut extra = 0;
        for (b, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                multibyte.push((b + n, extra));
            }
        }
        CharOffsets {
            len: text.len(),
            multibyte,
        }
    }

    /// The code-point offset of byte offset `byte`. A byte inside a multi-byte character counts
    /// as the start of that character; offsets past the end clamp to the end.
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let i = self.multibyte.partition_point(|&(end, _)| end <= byte);
        let extra_before = if i == 0 { 0 } else { self.multibyte[i - 1].1 };
        // A byte inside character i (not yet ended) counts from its start.
        let inside = match self.multibyte.get(i) {
            Some(&(end, extra)) => {
                let char_len = extra - extra_before + 1;
                let start = end - char_len;
                byte.saturating_sub(start).min(char_len - 1)
            }
            None => 0,
        };
        byte - extra_before - inside
    }

    /// The byte offset of code-point offset `ch`, clamped to the end of the text.
    pub fn to_byte(&self, ch: usize) -> usize {
        // Find the first multibyte character whose start (in code points) is >= ch.
        let i = self
            .multibyte
            .partition_point(|&(end, extra)| end - extra <= ch);
        let extra_before = if i == 0 { 0 } else { self.multibyte[i - 1].1 };
        (ch + extra_before).min(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute_to_char(text: &str, byte: usize) -> usize {
        text.char_indices().take_while(|&(b, _)| b < byte).count()
    }

    #[test]
    fn matches_brute_force_on_mixed_text() {
        let text = "Tokayev – “unprecedented” Ørsted 東京 😀 end";
        let map = CharOffsets::new(text);
        for (b, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(map.to_char(b), brute_to_char(text, b), "byte {b}");
            assert_eq!(map.to_byte(map.to_char(b)), b, "round trip at byte {b}");
        }
    }

    #[test]
    fn byte_inside_a_character_maps_to_its_start() {
        let text = "a😀b";
        let map = CharOffsets::new(text);
        assert_eq!(map.to_char(2), 1);
        assert_eq!(map.to_char(5), 2);
        assert_eq!(map.to_char(99), 3);
        assert_eq!(map.to_byte(99), text.len());
    }
}
