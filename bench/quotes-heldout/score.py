#!/usr/bin/env python3
"""Score the resolved speakers of `echotrace quotes --json` on the 31 held-out articles.

usage: score.py QUOTES.jsonl [--json] [--errors] [--fp]

Each judged quote of judgements.jsonl (the output of an earlier build, read and judged by
hand) is matched to the new quote of the same document whose content overlaps it most
(preferring the same source span). Figures:
  speaker_acc   judged quotes whose text names the speaker (verdicts C, W, M): the share whose
                new speaker equals the judged one (case, a leading title and ' vs ’ ignored);
                also for people and organisations, and for the two halves of the articles
                (`first20`: the first 20 file names, used while fixing rules; `last11`: the rest)
  invented      judged quotes whose text names nobody (N, and W without a speaker) that now
                get a speaker
  fp_still      quotes judged not to be quotes (FP) that are still emitted; also per half
                (`fp_still_first20`, `fp_still_last11`, with `fp_judged_*` the judged counts),
                since precision rules may be derived only from the first 20. A judged quote
                counts as still emitted when any new quote overlaps it, so a false positive that
                is gone still counts while a true quote inside it is kept (`NEW DELHI: … Some
                said they felt …`); `fp_still_own` (and per half) counts only the false
                positives that some new quote resembles more than any other judged quote (same
                content, then same source, then same cue, then most overlap)
`--fp` lists the judged false positives of the first 20 articles that are still emitted (the
last 11 are left out of the list: they only measure).
A new quote that matches no judged one is not scored (`unjudged`).
"""
import collections, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TITLES = {'dr', 'dr.', 'mr', 'mr.', 'ms', 'ms.', 'mrs', 'mrs.', 'prof', 'prof.', 'professor',
          'cmdr', 'cmdr.', 'administrator', 'president', 'sir', 'the'}


def norm(s):
    if s is None:
        return None
    w = s.replace('\u2019', "'").lower().split()
    while w and w[0] in TITLES:
        w = w[1:]
    return ' '.join(w)


def overlap(a, b):
    return sum(max(0, min(x1, y1) - max(x0, y0)) for x0, x1 in a for y0, y1 in b)


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    judged = [json.loads(l) for l in open(os.path.join(HERE, 'judgements.jsonl'), encoding='utf-8')]
    new = [json.loads(l) for l in open(args[0], encoding='utf-8') if l.strip()]
    names = sorted({j['article'] for j in judged})
    first20 = set(names[:20])
    by_doc = collections.defaultdict(list)
    for q in new:
        by_doc[q['doc']].append(q)
    used = set()

    def match(j):
        best, best_key = None, None
        for i, q in enumerate(by_doc[j['doc']]):
            if (j['doc'], i) in used and q['content'] != j['content']:
                continue
            ov = overlap(q['content'], j['content'])
            if ov == 0:
                continue
            key = (q['content'] == j['content'], q['source'] == j['source'] and q['source'] is not None,
                   bool(q['source'] and j['source'] and overlap(q['source'], j['source'])), ov)
            if best_key is None or key > best_key:
                best, best_key = (j['doc'], i), key
        if best:
            used.add(best)
            return by_doc[best[0]][best[1]]
        return None

    # Each new quote's nearest judged quote, for fp_still_own.
    judged_by_doc = collections.defaultdict(list)
    for jj in judged:
        judged_by_doc[jj['doc']].append(jj)
    owned = set()
    for q in new:
        best, best_key = None, None
        for jj in judged_by_doc[q['doc']]:
            ov = overlap(q['content'], jj['content'])
            if ov == 0:
                continue
            key = (q['content'] == jj['content'], q['source'] == jj['source'] and q['source'] is not None,
                   q['cue'] == jj['cue'] and q['cue'] is not None, ov)
            if best_key is None or key > best_key:
                best, best_key = id(jj), key
        if best is not None:
            owned.add(best)
    acc = collections.defaultdict(lambda: [0, 0])
    invented, fp_still, errors, fps = 0, 0, [], []
    fp_half = collections.defaultdict(lambda: [0, 0, 0])
    for j in judged:
        q = match(j)
        got = q['speaker'] if q else None
        half = 'first20' if j['article'] in first20 else 'last11'
        if j['verdict'] in ('C', 'W', 'M') and j['speaker']:
            ok = norm(got) == norm(j['speaker'])
            for k in ('all', j['speaker_type'], half):
                acc[k][0] += ok
                acc[k][1] += 1
            if not ok:
                errors.append((j['article'], j['excerpt'][:90], got, j['speaker']))
        elif j['verdict'] == 'N' or (j['verdict'] == 'W' and not j['speaker']):
            invented += bool(got)
        elif j['verdict'] == 'FP':
            fp_still += q is not None
            fp_half[half][0] += q is not None
            fp_half[half][1] += 1
            fp_half[half][2] += id(j) in owned
            if q is not None and id(j) in owned and half == 'first20':
                fps.append((j['article'], j['note'], q.get('cue_text')))
    out = {f'speaker_acc{"" if k == "all" else "_" + k}': round(v[0] / v[1], 4) if v[1] else 0.0
           for k, v in acc.items()}
    out.update({f'speaker_n{"" if k == "all" else "_" + k}': v[1] for k, v in acc.items()})
    out['invented'] = invented
    out['fp_still'] = fp_still
    out['fp_judged'] = sum(j['verdict'] == 'FP' for j in judged)
    for half in ('first20', 'last11'):
        out[f'fp_still_{half}'] = fp_half[half][0]
        out[f'fp_judged_{half}'] = fp_half[half][1]
        out[f'fp_still_own_{half}'] = fp_half[half][2]
    out['fp_still_own'] = sum(v[2] for v in fp_half.values())
    out['quotes'] = len(new)
    out['unjudged'] = len(new) - len(used)
    if '--json' in args:
        print(json.dumps(out, sort_keys=True))
    else:
        for k in sorted(out):
            print(f'{k:24s} {out[k]}')
    if '--errors' in args:
        for e in errors:
            print('  ', e)
    if '--fp' in args:
        for e in fps:
            print('  FP', e)


if __name__ == '__main__':
    main()
