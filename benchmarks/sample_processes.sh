#!/usr/bin/env bash
# Every second, one line per process of a run's tree: what each process holds and the most it
# ever held (the kernel's VmHWM), so that a short peak between two samples is still found.
#
#   usage: bash benchmarks/sample_processes.sh PID LOGFILE > OUT
#   PID: the run's top process (e.g. /usr/bin/time's); LOGFILE: its stderr (progress lines)
#   line: time|progress|pid|ppid|VmHWM MB|VmRSS MB|PSS MB|private MB|command
#
# The progress line may itself hold '|' (tqdm's bars): read the fields from the end, e.g. the
# largest high-water mark of each process:
#   awk -F'|' '{print $(NF-6), $(NF-5), $(NF-4)}' OUT | sort -k3 -n | tail -3
# `/usr/bin/time -v`'s "Maximum resident set size" is the largest VmHWM of the tree (RSS
# counts the pages a forked worker shares with its parent in full; PSS divides them).
pid=$1; log=$2
desc() { local p=$1; echo "$p"; for c in $(cat /proc/$p/task/*/children 2>/dev/null); do desc "$c"; done; }
while kill -0 "$pid" 2>/dev/null; do
  t=$(date +%H:%M:%S)
  last=$(tr '\r' '\n' < "$log" 2>/dev/null | grep -v '^\s*$' | tail -1 | cut -c1-70)
  for p in $(desc "$pid"); do
    hwm=$(awk '/^VmHWM:/{print int($2/1024)}' /proc/$p/status 2>/dev/null)
    rss=$(awk '/^VmRSS:/{print int($2/1024)}' /proc/$p/status 2>/dev/null)
    pp=$(awk '/^PPid:/{print $2}' /proc/$p/status 2>/dev/null)
    read -r pss priv < <(awk '/^Pss:/{p=$2} /^Private_(Clean|Dirty):/{q+=$2} END{print int(p/1024), int(q/1024)}' /proc/$p/smaps_rollup 2>/dev/null)
    cmd=$(tr '\0' ' ' < /proc/$p/cmdline 2>/dev/null | cut -c1-60)
    echo "$t|$last|$p|$pp|$hwm|$rss|$pss|$priv|$cmd"
  done
  sleep 1
done
