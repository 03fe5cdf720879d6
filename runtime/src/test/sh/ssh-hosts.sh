#!/bin/bash
# Test "hosts" for the ssh launcher: network namespaces PREFIX-h0 (the parent's host) and
# PREFIX-h1, PREFIX-h2 (remote hosts, each running its own sshd), joined to h0 by veth pairs
# created inside the namespaces, so nothing is added to the root namespace and no packet can
# leave through its routes. h2 is another machine in two more ways: its own host name
# (PREFIX-h2, a UTS namespace) and its own /dev/shm (a mount namespace with a private tmpfs), so
# shared memory made on h0 cannot be mapped there. Run as root.
#   ssh-hosts.sh up PREFIX DIR    writes DIR/id (client key) and DIR/known_hosts, prints "up"
#   ssh-hosts.sh down PREFIX DIR  kills every process left in the namespaces, removes them
# Addresses: h0 10.77.1.1 (to h1) and 10.77.2.1 (to h2); h1 10.77.1.2; h2 10.77.2.2.
set -euo pipefail
cmd=$1 P=$2 D=$3
down() {
    for n in h1 h2 h0; do
        if ip netns list | grep -qw "$P-$n"; then
            for pid in $(ip netns pids "$P-$n" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
            ip netns del "$P-$n" 2>/dev/null || true
        fi
    done
}
if [ "$cmd" = down ]; then down; echo down; exit 0; fi
trap 'down' ERR
for n in h0 h1 h2; do ip netns add "$P-$n"; ip -n "$P-$n" link set lo up; done
ip link add v0a netns "$P-h0" type veth peer name v1 netns "$P-h1"
ip link add v0b netns "$P-h0" type veth peer name v2 netns "$P-h2"
ip -n "$P-h0" addr add 10.77.1.1/24 dev v0a
ip -n "$P-h0" addr add 10.77.2.1/24 dev v0b
ip -n "$P-h1" addr add 10.77.1.2/24 dev v1
ip -n "$P-h2" addr add 10.77.2.2/24 dev v2
ip -n "$P-h0" link set v0a up; ip -n "$P-h0" link set v0b up
ip -n "$P-h1" link set v1 up; ip -n "$P-h2" link set v2 up
# h2 reaches h0's 10.77.1.1 (where the parent listens) through h0 itself; nothing else exists.
ip -n "$P-h1" route add default via 10.77.1.1
ip -n "$P-h2" route add default via 10.77.2.1
mkdir -p "$D" /run/sshd; chmod 700 "$D"; chmod 755 /run/sshd
ssh-keygen -q -t ed25519 -N '' -f "$D/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$D/id"
ssh-keygen -q -t ed25519 -N "" -f "$D/other_id"  # a key the hosts do not know
cp "$D/id.pub" "$D/authorized_keys"
: > "$D/known_hosts"
for i in 1 2; do
    a=10.77.$i.2
    echo "$a $(cut -d' ' -f1,2 "$D/host_key.pub")" >> "$D/known_hosts"
    cat > "$D/sshd-h$i.conf" <<CONF
ListenAddress $a:22
HostKey $D/host_key
PidFile $D/sshd-h$i.pid
AuthorizedKeysFile $D/authorized_keys
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
MaxStartups 100:30:200
MaxSessions 100
CONF
    if [ $i = 1 ]; then
        ip netns exec "$P-h1" /usr/sbin/sshd -f "$D/sshd-h1.conf" -E "$D/sshd-h1.log"
    else
        ip netns exec "$P-h2" unshare --uts --mount --propagation private sh -c \
            "mount -t tmpfs -o size=64m,mode=1777 $P-h2-shm /dev/shm && hostname $P-h2 &&
             exec /usr/sbin/sshd -f $D/sshd-h2.conf -E $D/sshd-h2.log"
    fi
done
for i in 1 2; do
    for t in $(seq 300); do [ -s "$D/sshd-h$i.pid" ] && break; sleep 0.05; done
    [ -s "$D/sshd-h$i.pid" ] || { echo "sshd on h$i did not start: $(cat "$D/sshd-h$i.log")" >&2; exit 1; }
done
echo up
