#!/usr/bin/env bash
# Seeds fuzz/corpus/TARGET/ from tests/fixtures (the corpus folder is not committed).
set -euo pipefail
cd "$(dirname "$0")"
F=../tests/fixtures
mkdir -p corpus/{txt,jsonl,html,warc,feed,date,quotes}
cp $F/txt/*.txt $F/broken/*.txt corpus/txt/
cp $F/txt/*.txt corpus/quotes/
i=0; while IFS= read -r line; do printf '%s\n' "$line" > corpus/jsonl/line$((i++)); done < <(cat $F/jsonl/*.jsonl $F/broken/*.jsonl)
cp $F/html/*.html $F/html/*.htm corpus/html/
for f in $F/html/*.html.gz; do gunzip -c "$f" > "corpus/html/$(basename "$f" .gz)"; done
cp $F/warc/pages.warc.gz $F/broken/truncated.warc.gz $F/broken/truncated.warc corpus/warc/
gunzip -c $F/warc/pages.warc.gz > corpus/warc/pages.warc
cp $F/feeds/digest.rss $F/broken/truncated.rss corpus/feed/
gunzip -c $F/feeds/atom-entries.xml.gz > corpus/feed/atom.xml
i=0
for d in 2022-01-10 2022-01-10T09:30:15+03:00 2022-01-10T09:30Z "Mon, 10 Jan 2022 09:30:15 GMT" \
         "January 10, 2022" "10 January 2022" 2022/01/10 2022-01 2022 "2022-01-10 09:30:15" \
         2025-12-12T08:15:00+01:00 "Tue, 27 Sep 2016 18:30:00 +0000" 20220110 "Jan. 10, 2022"; do
  printf '%s' "$d" > corpus/date/d$((i++))
done
