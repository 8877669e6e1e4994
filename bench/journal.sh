#!/bin/sh
# Time par status on the seed plan: no journal, a journal of 1,000 entries all present,
# and a 5,000-entry journal whose entries have all vanished (the warning path).
set -e
P=/work/wt-journal/target/release/par
D=$(mktemp -d); cd "$D"; cp /work/wt-journal/plan.toml .
export PAR_TODAY=2025-10-06 PAR_NOW=2025-10-06T09:15:00+07:00
t() { s=$(date +%s%N); i=0; while [ $i -lt 200 ]; do "$P" status >/dev/null 2>&1; i=$((i+1)); done; e=$(date +%s%N); echo "$1: $(( (e-s)/200000 )) us/run"; }
t "no journal"
i=0; while [ $i -lt 1000 ]; do "$P" log 4 "entry $i" >/dev/null; i=$((i+1)); done
echo "journal: $(wc -l < .plan.toml.journal) lines, $(wc -c < .plan.toml.journal) bytes"
cp .plan.toml.journal j.keep; rm .plan.toml.journal
t "no journal (plan with 1,000 more log entries)"
cp j.keep .plan.toml.journal
t "1,000-entry journal, all present"
cp /work/wt-journal/plan.toml plan.toml
n=0; : > .plan.toml.journal; while [ $n -lt 5000 ]; do printf '1\t4\tlog\t-\t2025-%02d-%02d\t%016x\t[[task.log]]\\ntext = "%d"\\n\n' $((n%9+1)) $((n%28+1)) $n $n >> .plan.toml.journal; n=$((n+1)); done
t "5,000-entry journal, all vanished (warning printed)"
cd /; rm -rf "$D"
