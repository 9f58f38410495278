#!/usr/bin/env python3
"""Reuse corpora the engine was not tuned on: `make_corpus.py`'s articles and chains, with
edits its Editor does not make and other date habits.

The held-out corpora of the reuse issue are built "from other articles, with edits you do not
see". This builds the nearest thing we can: the same real articles and the same chains of
copies (`make_corpus.build`), with a different editor and different dates.

  --edits stress   typos (a letter swapped, dropped or doubled), synonyms, numbers as words,
                   dash styles, contractions, a line of boilerplate inserted mid-passage
                   (`Advertisement`, `READ MORE: …`), paragraphs split or joined, two
                   sentences merged with `, and` or one split, accents stripped, `U.S.`/`US`,
                   `percent`/`%`, `Mr.`/`Mr`, plus make_corpus's dropped and added words;
  --edits generator  make_corpus's own editor (to vary only the dates);
  --missing F, --day-only F   the share of documents without a date and with a bare day
                   (make_corpus: 0.08 and 0.37); the others get a time with a UTC offset
                   (+05:30, -08:00, …) instead of `Z`.

Usage: heldout_corpus.py --out DIR [--seed N] [--edits stress|generator]
                         [--missing F] [--day-only F] [--shared PATH_TO_shared]
Writes DIR/corpus.jsonl and DIR/gold.jsonl in make_corpus.py's format; score with
`echotrace eval reuse` or `shared/eval/reuse/score.py`.
"""
import argparse, datetime as dt, json, os, re, sys, unicodedata

SYNONYMS = [("said", "stated"), ("big", "large"), ("buy", "purchase"), ("help", "assist"),
            ("start", "begin"), ("show", "demonstrate"), ("people", "individuals"),
            ("about", "around"), ("get", "obtain"), ("need", "require"), ("many", "numerous"),
            ("also", "additionally"), ("because", "since"), ("very", "extremely")]
CONTRACTIONS = [("do not", "don't"), ("does not", "doesn't"), ("it is", "it's"),
                ("cannot", "can't"), ("will not", "won't"), ("is not", "isn't"),
                ("they are", "they're"), ("we are", "we're")]
NUMBER_WORDS = {"1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six",
                "7": "seven", "8": "eight", "9": "nine", "10": "ten"}
INSERTED_LINES = ["Advertisement", "READ MORE: The stories you missed this week",
                  "Story continues below", "Sign up for our daily briefing",
                  "[embedded content]", "ADVERTISEMENT"]
FORMS = [("U.S.", "US"), ("U.K.", "UK"), ("percent", "%"), ("Mr. ", "Mr ")]


def stress_editor(M):
    class StressEditor(M.Editor):
        def word_ops(self):
            return [self.typo, self.synonym, self.number_word, self.dash, self.drop_word,
                    self.add_word]

        def sentence_ops(self):
            return [self.contract, self.insert_line, self.rewrap, self.merge, self.split,
                    self.strip_accents, self.form]

        def typo(self, w):
            i = self._pick(w)
            x = w[i] if w else ""
            if len(x) > 4 and x.isalpha():
                j = self.rng.randrange(1, len(x) - 1)
                op = self.rng.randrange(3)
                x = (x[:j] + x[j + 1] + x[j] + x[j + 2:] if op == 0
                     else x[:j] + x[j + 1:] if op == 1 else x[:j] + x[j] + x[j:])
                w[i] = x
            return w

        def synonym(self, w):
            i = self._pick(w)
            for a, b in SYNONYMS if w else []:
                if w[i].lower() in (a, b):
                    w[i] = b if w[i].lower() == a else a
                    break
            return w

        def number_word(self, w):
            for i, x in enumerate(w):
                if x in NUMBER_WORDS:
                    w[i] = NUMBER_WORDS[x]
                    break
            return w

        def dash(self, w):
            for i, x in enumerate(w):
                if x in ("—", "–", "-", "--"):
                    w[i] = self.rng.choice(["—", "–", "-", "--"])
                    break
            return w

        def contract(self, text):
            for a, b in CONTRACTIONS:
                if a in text:
                    return text.replace(a, b, 1)
                if b in text:
                    return text.replace(b, a, 1)
            return text

        def insert_line(self, text):
            sp = M.sentences(text)
            if len(sp) < 3:
                return text
            s, _ = sp[self.rng.randrange(1, len(sp))]
            return text[:s] + "\n\n" + self.rng.choice(INSERTED_LINES) + "\n\n" + text[s:]

        def rewrap(self, text):
            sp = M.sentences(text)
            if len(sp) < 3:
                return text
            if "\n\n" in text and self.rng.random() < 0.5:
                return text.replace("\n\n", " ", 1)
            s, _ = sp[self.rng.randrange(1, len(sp))]
            return text[:s].rstrip() + "\n\n" + text[s:]

        def merge(self, text):
            m = re.search(r"\. ([A-Z][a-z]+ )", text)
            return text if not m else (
                text[:m.start()] + ", and " + m.group(1).lower() + text[m.end():])

        def split(self, text):
            m = re.search(r", and ([a-z]+ )", text)
            return text if not m else (
                text[:m.start()] + ". " + m.group(1).capitalize() + text[m.end():])

        def strip_accents(self, text):
            return "".join(c for c in unicodedata.normalize("NFD", text)
                           if unicodedata.category(c) != "Mn")

        def form(self, text):
            for a, b in FORMS:
                if a in text:
                    return text.replace(a, b)
                if b in text:
                    return text.replace(b, a)
            return text

    return StressEditor


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--edits", choices=["stress", "generator"], default="stress")
    ap.add_argument("--missing", type=float, default=0.08)
    ap.add_argument("--day-only", type=float, default=0.37)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "..", "shared"))
    args = ap.parse_args()
    sys.path.insert(0, os.path.join(args.shared, "eval", "reuse"))
    import make_corpus as M

    def fmt_time(t, rng):
        r = rng.random()
        if r < args.missing:
            return None
        if r < args.missing + args.day_only:
            return t.strftime("%Y-%m-%d")
        offset = rng.choice([0, 1, 2, 3, -5, -8, 5.5, 9])
        return t.astimezone(dt.timezone(dt.timedelta(hours=offset))).isoformat(timespec="seconds")

    M.fmt_time = fmt_time
    rng = M.random.Random(args.seed)
    specs = [f"scrapinghub:{M.EVAL}/extraction/scrapinghub/ground-truth.json",
             f"wcxb:{M.EVAL}/extraction/wcxb-dev-articles/ground-truth"]
    editor = stress_editor(M)(rng) if args.edits == "stress" else M.Editor(rng)
    docs, gold = M.build(list(M.load_articles(specs)), rng, editor)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "corpus.jsonl"), "w") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(os.path.join(args.out, "gold.jsonl"), "w") as f:
        for g in gold:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
