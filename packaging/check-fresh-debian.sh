#!/usr/bin/env bash
# The fresh-root check: does the README's test command pass on a machine that has nothing but a
# minimal Debian 12, for a root user whose checkout lives in a 0700 /root?
#
#   packaging/check-fresh-debian.sh [--refresh] [--keep] [-- COMMAND...]
#
# 1. Unpacks a minimal Debian 12 (mmdebstrap --variant=minbase, plus only git, ca-certificates and
#    python3) into a new folder under /var/tmp. The base tarball is cached (PROCGLASS_FRESH_CACHE,
#    default /var/cache/procglass-fresh-debian); --refresh makes a new one.
# 2. Clones the committed HEAD of this checkout (uncommitted changes are not tested: a warning says
#    so) into /root/procglass inside it, with /root at mode 0700.
# 3. Runs COMMAND (default: ./build.sh test, with CI unset: the plain suite) there as root, with a
#    clean environment, in a mount namespace of its own: /proc, /sys, /dev and /tmp are mounted for
#    the chroot only and vanish with it, so nothing is left mounted on the host, whatever happens.
#
# Needs root and Debian's archive (deb.debian.org). Everything build.sh does not install is
# missing in there, which is the point: CI's own machine keeps what earlier work installed.
# Exit status: COMMAND's (2 when the check itself could not be set up). On failure the root and its
# log are kept for a look; on success they are removed (--keep keeps them).
set -euo pipefail

refresh=0 keep=0
while [ $# -gt 0 ]; do
    case "$1" in
    --refresh) refresh=1 ;;
    --keep) keep=1 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "check-fresh-debian.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done
command=("$@")
[ ${#command[@]} -eq 0 ] && command=(./build.sh test)

say() { printf '==> fresh root: %s\n' "$*"; }
die() { printf 'check-fresh-debian.sh: %s\n' "$*" >&2; exit 2; }

[ "$(id -u)" -eq 0 ] || die "needs root (it unpacks a Debian root and chroots into it)"
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel) || die "not inside a git checkout"
commit=$(git -C "$repo" rev-parse HEAD)
[ -z "$(git -C "$repo" status --porcelain --untracked-files=no)" ] \
    || say "warning: uncommitted changes in $repo are not part of the check (it tests $commit)"

cache=${PROCGLASS_FRESH_CACHE:-/var/cache/procglass-fresh-debian}
base=$cache/bookworm-minbase.tar
mkdir -p "$cache"
if [ $refresh = 1 ] || [ ! -s "$base" ]; then
    if ! command -v mmdebstrap >/dev/null; then
        say "installing mmdebstrap"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends mmdebstrap \
            >"$cache/apt.log" 2>&1 || die "could not install mmdebstrap (see $cache/apt.log)"
    fi
    say "making a minimal Debian 12 base (mmdebstrap --variant=minbase)"
    mmdebstrap --variant=minbase --format=tar --include=git,ca-certificates,python3 bookworm "$base.part" \
        http://deb.debian.org/debian >"$cache/mmdebstrap.log" 2>&1 \
        || { rm -f "$base.part"; die "mmdebstrap failed (see $cache/mmdebstrap.log)"; }
    mv "$base.part" "$base"
fi

root=$(mktemp -d /var/tmp/procglass-fresh.XXXXXX)
log=$root.log
tar -C "$root" -xf "$base"
cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
chmod 0700 "$root/root"
git clone -q --no-hardlinks "$repo" "$root/root/procglass"
git -C "$root/root/procglass" checkout -q --detach "$commit"
# What a root user's clone looks like: owned by root, inside a 0700 /root.
chown -R 0:0 "$root/root/procglass"

say "Debian 12 minbase in $root, clone of $commit in /root/procglass (0700 /root)"
say "running '${command[*]}' as root (log: $log)"
start=$(date +%s)
set +e
# A private mount namespace: the mounts below exist only for this process tree and are gone when it
# ends, so a failure or a kill never leaves /dev or /proc bound into a folder on the host.
unshare --mount --propagation private -- /bin/bash -euc '
    root=$1; shift
    # The root a mount point of its own, as / is on a real machine (unshare --mount-proc, which the
    # soak test uses, changes the propagation of / and fails when / is not a mount point).
    mount --bind "$root" "$root"
    mount -t proc proc "$root/proc"
    mount --rbind /sys "$root/sys"
    mount --rbind /dev "$root/dev"
    mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
    exec chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 TERM=dumb /bin/bash -c "cd /root/procglass && exec \"\$@\"" check "$@"
' fresh "$root" "${command[@]}" >"$log" 2>&1
rc=$?
set -e
elapsed=$(( $(date +%s) - start ))

if [ $rc -eq 0 ]; then
    tail -n 3 "$log"
    say "passed in ${elapsed} s"
    if [ $keep = 0 ]; then
        rm -rf --one-file-system "$root" "$log"
    else
        say "kept $root and $log"
    fi
else
    tail -n 60 "$log"
    say "FAILED (exit $rc) after ${elapsed} s: the root is kept in $root, the whole log in $log"
fi
exit $rc
