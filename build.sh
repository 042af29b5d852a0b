#!/usr/bin/env bash
# Procglass build entry point.
#   ./build.sh run   [procglass args...]  install missing packages, build Release into build/, launch
#   ./build.sh test  [ctest args...]      the same setup, then the whole test suite headless; with
#                                         CI=true (or PROCGLASS_SANITIZE=1) once more, built with
#                                         AddressSanitizer + UndefinedBehaviorSanitizer;
#                                         PROCGLASS_SANITIZE=only runs just that second pass (.ci/run
#                                         does, after the plain suite ran in a fresh Debian root)
#   ./build.sh build                      setup and build only
#   ./build.sh bench                      setup, build, run the benchmarks (figures for README)
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=${PROCGLASS_BUILD_DIR:-build}
# ccache (when installed) shares hits between clones of the repo: paths are hashed relative to here.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
# Build and test dependencies, all from Debian 12's archive.
PACKAGES=(cmake g++ ninja-build ccache pkg-config qt6-base-dev qt6-charts-dev libgl-dev
          libqt6opengl6-dev
          procps python3 fonts-dejavu-core desktop-file-utils appstream dpkg-dev file)
# The parser fuzzers (a ctest test) need clang and its libFuzzer runtime.
PACKAGES+=(clang libclang-rt-14-dev)
# The soak test runs the app under Xvfb and switches pages with xdotool.
PACKAGES+=(xvfb xauth xdotool)
# The man page test renders procglass.1 with man -l (man-db brings groff-base).
PACKAGES+=(man-db)
# tst_smem_compare checks export memory (by process, user and mapping) against Debian's smem.
PACKAGES+=(smem)
# export --host reads a Performance Co-Pilot pmcd through libpcp (procglass-pcp module); the
# integration test starts a private pmcd (pcp) on a unix socket; `record` (next) needs libpcp_import.
PACKAGES+=(pcp libpcp3-dev libpcp-import1-dev)

log() { printf '==> %s\n' "$*"; }

install_missing() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing missing packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "build.sh: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    local env=(DEBIAN_FRONTEND=noninteractive)
    if [ ! -d /run/systemd/system ]; then
        # systemd is not running (a container, a chroot, a fresh debootstrap root). Debian's pcp
        # postinst then runs `systemctl daemon-reload; systemctl start pmcd` when systemctl exists,
        # which fails here and leaves pcp half-configured; SYSTEMD_OFFLINE=1 (systemd >= 250) makes
        # systemctl skip those as it does in a chroot. Without systemctl it calls `invoke-rc.d pmcd
        # start`, which obeys policy-rc.d: a temporary "exit 101" one, only if there is none, keeps
        # build.sh from starting a system pmcd/pmlogger; the trap removes it. Nothing else changes.
        env+=(SYSTEMD_OFFLINE=1)
        if [ ! -e /usr/sbin/policy-rc.d ]; then
            POLICY_SUDO=("${sudo[@]}")
            trap remove_temp_policy EXIT
            trap 'exit 130' INT TERM HUP
            "${sudo[@]}" sh -c 'printf "#!/bin/sh\n# temporary: procglass build.sh, while apt-get installs\nexit 101\n" >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d'
        fi
    fi
    "${sudo[@]}" env "${env[@]}" apt-get update -q
    "${sudo[@]}" env "${env[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
    remove_temp_policy
    trap - EXIT INT TERM HUP
}

# Removes the policy-rc.d install_missing wrote (recognised by its comment), never another one.
POLICY_SUDO=()
remove_temp_policy() {
    if grep -qs 'procglass build.sh' /usr/sbin/policy-rc.d; then
        "${POLICY_SUDO[@]}" rm -f /usr/sbin/policy-rc.d
    fi
}

# configure_and_build DIR [cmake args...]
configure_and_build() {
    local dir=${1:-$BUILD_DIR}
    [ $# -gt 0 ] && shift
    local generator=()
    command -v ninja >/dev/null && generator=(-G Ninja)
    if [ ! -f "$dir/CMakeCache.txt" ]; then
        log "configuring in $dir/"
        cmake -S . -B "$dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release "$@"
    fi
    log "building in $dir/"
    cmake --build "$dir" -j "$(nproc)"
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
case "$cmd" in
run)
    install_missing
    configure_and_build
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        echo "build.sh: no display to show Procglass on; run it from a desktop session, or headless with: xvfb-run -a ./build.sh run" >&2
        exit 1
    fi
    exec "$BUILD_DIR/app/procglass" "$@"
    ;;
test)
    install_missing
    sanitize=${PROCGLASS_SANITIZE:-0}
    [ "${CI:-}" = true ] && [ "$sanitize" = 0 ] && sanitize=1
    if [ "$sanitize" != only ]; then
        configure_and_build
        log "running the test suite headless"
        (cd "$BUILD_DIR" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$(nproc)" "$@")
    fi
    if [ "$sanitize" = 1 ] || [ "$sanitize" = only ]; then
        # The whole suite again under ASan + UBSan (the fuzzers already run sanitized; the soak
        # measures RSS growth, which ASan's quarantine would distort).
        configure_and_build "$BUILD_DIR-asan" -DPROCGLASS_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
        log "running the test suite under AddressSanitizer + UndefinedBehaviorSanitizer"
        # intercept_tls_get_addr=0: GCC 12's sanitizer runtime takes a dynamic TLS block (libpcp's,
        # in the PCP module) that malloc placed 16 bytes past a page boundary for a pre-2.25 glibc
        # header, reads the malloc chunk header before it as an address and crashes the leak
        # checker's tracer at exit ("Tracer caught signal 11", addr=0xe8). Which paths hit it
        # depends on where the checkout lives (tests/integration/sanitized_exit.sh). Leaks are
        # still found: those blocks are heap blocks, reachable from the thread's dtv.
        (cd "$BUILD_DIR-asan" && QT_QPA_PLATFORM=offscreen \
            ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:intercept_tls_get_addr=0 \
            UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j "$(nproc)" -E '^(fuzz_parsers|soak_short)$' "$@")
    fi
    ;;
build)
    install_missing
    configure_and_build
    ;;
bench)
    install_missing
    configure_and_build
    for b in "$BUILD_DIR"/tests/bench/bench_*; do
        [ -x "$b" ] || continue
        log "$(basename "$b")"
        QT_QPA_PLATFORM=offscreen "$b" "$@"
    done
    ;;
*)
    echo "usage: ./build.sh run|test|build|bench [args...]" >&2
    exit 2
    ;;
esac
