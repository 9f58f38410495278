//! Language of a document as an ISO 639-3 code (`eng`, `rus`).

/// whatlang's accuracy stops improving long before the end of a news article, and its cost is
/// linear: the first few kilobytes decide.
const SAMPLE_BYTES: usize = 4096;

/// Detects the language of `text`; `None` when whatlang is not confident (short or mixed
/// text), so that a declared language can be used instead of a guess.
pub fn detect(text: &str) -> Option<String> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    info.is_reliable().then(|| info.lang().code().to_string())
}

/// A declared language (`en`, `en-US`, `en_GB`, `eng`, `English`) as an ISO 639-3 code.
pub fn normalize(declared: &str) -> Option<String> {
    let primary = declared
        .trim()
        .split(['-', '_', ' ', ';', ','])
        .next()?
        .to_ascii_lowercase();
    if primary.len() == 3 && primary.bytes().all(|b| b.is_ascii_lowercase()) {
        return Some(primary);
    }
    if primary.len() == 2 {
        return ISO_639_1
            .iter()
            .find(|(two, _)| *two == primary)
            .map(|(_, three)| (*three).to_string());
    }
    whatlang::Lang::all()
        .iter()
        .find(|l| l.eng_name().eq_ignore_ascii_case(&primary))
        .map(|l| l.code().to_string())
}

/// ISO 639-1 to ISO 639-3 (individual languages, as whatlang names them: `zho` → `cmn` is not
/// done because declared `zh` says nothing about which Chinese).
const ISO_639_1: &[(&str, &str)] = &[
    ("af", "afr"),
    ("ak", "aka"),
    ("am", "amh"),
    ("ar", "ara"),
    ("az", "aze"),
    ("be", "bel"),
    ("bg", "bul"),
    ("bn", "ben"),
    ("bs", "bos"),
    ("ca", "cat"),
    ("cs", "ces"),
    ("cy", "cym"),
    ("da", "dan"),
    ("de", "deu"),
    ("el", "ell"),
    ("en", "eng"),
    ("eo", "epo"),
    ("es", "spa"),
    ("et", "est"),
    ("eu", "eus"),
    ("fa", "pes"),
    ("fi", "fin"),
    ("fr", "fra"),
    ("ga", "gle"),
    ("gl", "glg"),
    ("gu", "guj"),
    ("he", "heb"),
    ("hi", "hin"),
    ("hr", "hrv"),
    ("hu", "hun"),
    ("hy", "hye"),
    ("id", "ind"),
    ("is", "isl"),
    ("it", "ita"),
    ("ja", "jpn"),
    ("jv", "jav"),
    ("ka", "kat"),
    ("kk", "kaz"),
    ("km", "khm"),
    ("kn", "kan"),
    ("ko", "kor"),
    ("ky", "kir"),
    ("la", "lat"),
    ("lt", "lit"),
    ("lv", "lav"),
    ("mk", "mkd"),
    ("ml", "mal"),
    ("mn", "mon"),
    ("mr", "mar"),
    ("ms", "msa"),
    ("my", "mya"),
    ("nb", "nob"),
    ("ne", "nep"),
    ("nl", "nld"),
    ("nn", "nno"),
    ("no", "nob"),
    ("or", "ori"),
    ("pa", "pan"),
    ("pl", "pol"),
    ("pt", "por"),
    ("ro", "ron"),
    ("ru", "rus"),
    ("si", "sin"),
    ("sk", "slk"),
    ("sl", "slv"),
    ("sn", "sna"),
    ("sq", "sqi"),
    ("sr", "srp"),
    ("sv", "swe"),
    ("sw", "swa"),
    ("ta", "tam"),
    ("te", "tel"),
    ("tg", "tgk"),
    ("th", "tha"),
    ("tk", "tuk"),
    ("tl", "tgl"),
    ("tr", "tur"),
    ("uk", "ukr"),
    ("ur", "urd"),
    ("uz", "uzb"),
    ("vi", "vie"),
    ("yi", "yid"),
    ("yo", "yor"),
    ("zh", "zho"),
    ("zu", "zul"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_long_text_and_declines_short_text() {
        let en = "Kazakh President Kassym-Jomart Tokayev said on Monday that the recent unrest in \
                  the Central Asian country had been prepared for a long time by groups of armed \
                  militants who were waiting in the wings.";
        assert_eq!(detect(en).as_deref(), Some("eng"));
        assert_eq!(detect("ok"), None);
        assert_eq!(detect(""), None);
    }

    #[test]
    fn normalizes_declared_codes() {
        assert_eq!(normalize("en-US").as_deref(), Some("eng"));
        assert_eq!(normalize("ru_RU").as_deref(), Some("rus"));
        assert_eq!(normalize("RUS").as_deref(), Some("rus"));
        assert_eq!(normalize("English").as_deref(), Some("eng"));
        assert_eq!(normalize("x"), None);
        assert_eq!(normalize(""), None);
    }
}
