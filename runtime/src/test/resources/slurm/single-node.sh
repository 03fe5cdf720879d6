#!/bin/bash
# A throwaway single-node Slurm for tests: munged on a private socket and key, slurmctld and slurmd
# in the foreground on 127.0.0.1 with free ports, all state under the folder given. Run as root
# (slurmd runs jobs as their users). Cgroups are not assumed: proctrack/linuxproc, task/none.
#
#   single-node.sh DIR CPUS CTLD_PORT SLURMD_PORT   starts it; prints "ready" once the node is idle
#                                                   and stays in the foreground until its stdin closes
#                                                   or it is sent SIGTERM, then stops every daemon.
#
# The caller (the test) owns the script's process; closing its stdin is the teardown, so a test JVM
# that dies (even by kill -9) still takes its Slurm down with it.
set -euo pipefail
B=$1 CPUS=$2 CPORT=$3 DPORT=$4
for d in slurmctld slurmd munged munge scontrol sinfo; do
  command -v $d >/dev/null || PATH=$PATH:/usr/sbin
done
mkdir -p "$B/munge" "$B/state" "$B/spool" "$B/log"
chmod 711 "$B" "$B/munge"       # munged wants o+x on every folder above its socket (the caller's too)
head -c 1024 /dev/urandom > "$B/munge/munge.key"; chmod 400 "$B/munge/munge.key"
cat > "$B/slurm.conf" <<CONF
ClusterName=jmptest
SlurmctldHost=localhost(127.0.0.1)
AuthType=auth/munge
AuthInfo=socket=$B/munge/munge.sock
SlurmUser=root
SlurmctldPort=$CPORT
SlurmdPort=$DPORT
StateSaveLocation=$B/state
SlurmdSpoolDir=$B/spool
SlurmctldPidFile=$B/slurmctld.pid
SlurmdPidFile=$B/slurmd.pid
SlurmctldLogFile=$B/log/slurmctld.log
SlurmdLogFile=$B/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MailProg=/bin/true
MpiDefault=none
ReturnToService=2
# The node declares more CPUs than a CI machine has, so tests never queue for cores they did not mean to.
SlurmdParameters=config_overrides
SchedulerParameters=sched_interval=1
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$CPUS State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
PartitionName=closed Nodes=localhost Default=NO MaxTime=INFINITE State=DOWN
CONF
export SLURM_CONF=$B/slurm.conf
# Waits for a condition, at most 60 s (a hang detector: each takes well under a second here).
await() {
  local what=$1; shift
  for _ in $(seq 1200); do "$@" && return 0; sleep 0.05; done
  echo "single-node.sh: $what did not come up within 60 s; logs in $B/log and $B/munge" >&2; exit 1
}
munge_up() { munge -S "$B/munge/munge.sock" -n >/dev/null 2>&1; }
ctld_up() { scontrol ping 2>/dev/null | grep -q UP; }
node_idle() { [ "$(sinfo -h -p test -o %T 2>/dev/null)" = idle ]; }
PIDS=""
no_jobs() { [ -z "$(squeue -h -o %i 2>/dev/null)" ]; }
stop() {
  # Jobs first: a job's slurmstepd outlives a killed slurmd, and a group's allocation (its batch
  # script sleeps) would then run on. At most 30 s (a hang detector: it takes well under one here).
  if [ -n "$PIDS" ] && ctld_up; then
    scancel --quiet --user="$(id -un)" 2>/dev/null || true
    for _ in $(seq 600); do no_jobs && break; sleep 0.05; done
  fi
  for p in $PIDS; do kill $p 2>/dev/null || true; done
  for p in $PIDS; do while kill -0 $p 2>/dev/null; do sleep 0.05; done; done
  PIDS=""
}
trap stop EXIT
trap 'exit 0' TERM INT
munged -F --key-file="$B/munge/munge.key" --socket="$B/munge/munge.sock" --pid-file="$B/munge/munged.pid" \
       --log-file="$B/munge/munged.log" --seed-file="$B/munge/munged.seed" 2>>"$B/munge/munged.err" </dev/null & PIDS="$!"
await munged munge_up
slurmctld -D -f "$SLURM_CONF" </dev/null >>"$B/log/slurmctld.out" 2>&1 & PIDS="$! $PIDS"
await slurmctld ctld_up  # else slurmd's first registration is retried ~1 s later
slurmd -D -f "$SLURM_CONF" -N localhost </dev/null >>"$B/log/slurmd.out" 2>&1 & PIDS="$! $PIDS"  # stop order: slurmd, slurmctld, munged
await "the node (slurmd)" node_idle
echo ready
# Until the caller closes our stdin (or dies), or SIGTERM: cat in the background so the trap runs at once.
exec 3<&0
cat <&3 >/dev/null &
wait $! || true
