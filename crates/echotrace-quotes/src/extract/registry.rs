//! The per-document registry of people and organisations that speakers are resolved against,
//! and the antecedents the rules look up for pronouns.

use super::*;

/// Words for the entity registry.
pub(crate) fn registry_words<'t>(text: &'t str, a: &Analysis) -> Vec<Word<'t>> {
    a.tokens
        .iter()
        .map(|(t, start)| Word {
            start: t.start,
            end: t.end,
            text: text.get(t.start..t.end).unwrap_or(""),
            sentence_start: *start,
            kind: t.kind,
        })
        .collect()
}

/// How many paragraphs open with one to three words in capitals and a colon.
pub(super) fn caps_label_paras(a: &Analysis) -> usize {
    let mut n = 0;
    let mut last_para = usize::MAX;
    for st in &a.sents {
        if st.para == last_para {
            continue;
        }
        last_para = st.para;
        let k = (st.lo + 1..(st.lo + 4).min(st.hi)).find(|&k| a.items[k].kind == IK::Punct(':'));
        if let Some(k) = k {
            if (st.lo..k).all(|m| a.items[m].kind == IK::Word && a.items[m].upper) {
                n += 1;
            }
        }
    }
    n
}

pub(crate) fn build_registry(text: &str, a: &Analysis) -> EntityRegistry {
    EntityRegistry::build(&registry_words(text, a))
}

impl Rules<'_> {
    /// The noun phrase before the relative pronoun at `k` (skipping the comma).
    pub(crate) fn antecedent(&self, si: usize, k: usize) -> Option<(usize, usize)> {
        let st = self.a.sents[si];
        let r = Rules {
            a: self.a,
            lex: self.lex,
            cands: Vec::new(),
            lo: st.lo,
            hi: st.hi,
            si,
            title: st.title,
            cue_cache: Vec::new(),
            fronted: None,
            first_quote: 0,
            caps_labels: 0,
        };
        let mut e = k;
        if e > st.lo && r.punct(e - 1, ',') {
            e -= 1;
        }
        r.left_np(e)
    }
}
