#!/usr/bin/env python3
"""The peer that echotrace's reuse engine is measured against: a datasketch MinHash-LSH
pipeline over whole documents (word 5-grams, 128 permutations), as the issue describes.

It finds document pairs whose shingle sets look alike, joins them into connected components
and writes them in the format of shared/eval/reuse/score.py: each member is a whole document
(code-point span 0..len(text)); the origin is the member with the earliest known date (a bare
day as midnight, undated last), every other member's parent is the origin. It aligns nothing.

Usage: minhash_peer.py CORPUS.jsonl --out OUT.jsonl [--threshold 0.3] [--jobs 2]
"""
import argparse, json, re, sys, time
from multiprocessing import Pool

from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
NGRAM = 5
WORD = re.compile(r"\w+")


def signature(text):
    words = WORD.findall(text.lower())
    grams = {" ".join(words[i:i + NGRAM]).encode("utf8") for i in range(max(1, len(words) - NGRAM + 1))}
    m = MinHash(num_perm=NUM_PERM)
    m.update_batch(list(grams))
    return m.hashvalues, m.scheme


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--out", required=True)
    ap.add_argument("--threshold", type=float, default=0.3, help="LSH Jaccard threshold")
    ap.add_argument("--jobs", type=int, default=2, help="processes computing signatures")
    args = ap.parse_args()

    t0 = time.time()
    ids, dates, lengths, texts = [], [], [], []
    with open(args.corpus) as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            if not d.get("id") or d.get("text") is None:
                continue
            ids.append(d["id"]); dates.append(d.get("date")); lengths.append(len(d["text"]))
            texts.append(d["text"])
    t_read = time.time() - t0

    with Pool(args.jobs) as pool:
        sigs = pool.map(signature, texts, chunksize=64)
    del texts
    t_sig = time.time() - t0 - t_read

    lsh = MinHashLSH(threshold=args.threshold, num_perm=NUM_PERM)
    parent = list(range(len(ids)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs = 0
    for i, (hv, scheme) in enumerate(sigs):
        m = MinHash(num_perm=NUM_PERM, hashvalues=hv, scheme=scheme)
        for j in lsh.query(m):
            pairs += 1
            a, b = find(i), find(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
        lsh.insert(i, m)
    t_lsh = time.time() - t0 - t_read - t_sig

    groups = {}
    for i in range(len(ids)):
        groups.setdefault(find(i), []).append(i)
    written = 0
    with open(args.out, "w") as f:
        for root, members in sorted(groups.items()):
            if len(members) < 2:
                continue
            # Earliest date first; a bare day sorts as its midnight, undated last.
            origin = min(members, key=lambda i: (dates[i] is None, (dates[i] or "")[:10], dates[i] or ""))
            f.write(json.dumps({"cluster": f"m{root}", "members": [
                {"doc": ids[i], "start": 0, "end": lengths[i],
                 "parent": None if i == origin else ids[origin]} for i in members]}) + "\n")
            written += 1
    print(f"minhash_peer: {len(ids)} documents, {pairs} candidate pairs, {written} clusters; "
          f"read {t_read:.1f}s, signatures {t_sig:.1f}s, LSH {t_lsh:.1f}s, total {time.time() - t0:.1f}s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
