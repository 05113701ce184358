#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Hotpath developer entry point: installs what is missing, builds the release
# preset, then runs the product or the test suite. See README.md.
set -euo pipefail

# Everything below works relative to the repository root, whatever the caller's cwd.
REPO_ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO_ROOT"

readonly PRESET=release
readonly BUILD_DIR="build/$PRESET"
readonly CLI="$BUILD_DIR/app/hotpath"
readonly STUDIO="$BUILD_DIR/app/hotpath-studio"
readonly SAMPLE="samples/hello"
readonly SERVE_HOST=127.0.0.1
readonly SERVE_PORT="${HOTPATH_PORT:-8000}"

# Debian 12 packages Hotpath needs to build, test and run. README.md explains each one.
PACKAGES=(
    # Build tools: CMake presets + Ninja generator, ccache as the compiler launcher, GCC 12 for C++20.
    cmake ninja-build ccache g++
    # Qt 6.4: Core/Network/Widgets/Test (base), QtHttpServer for serving (its CMake config
    # requires Qt6WebSockets), Qt Charts for the latency charts (its CMake config requires
    # Qt6OpenGL, which only libqt6opengl6-dev ships).
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev libqt6opengl6-dev
    # LLVM 19 for the ORC JIT tier; LLVM 19's CMake config calls find_package(zstd) and fails without libzstd-dev.
    llvm-19-dev libzstd-dev
    # clang-19 and its compiler-rt for the libFuzzer target and the sanitizer builds.
    clang-19 libclang-rt-19-dev
    # libarchive reads and writes project archives (export/import), safely and in every tar dialect.
    libarchive-dev
    # CPython is the semantic oracle for the handler language; Flask is the comparison target;
    # PyYAML checks the exported Kubernetes manifests in the tests.
    python3 python3-flask python3-yaml
    # CPack's .deb: dpkg-shlibdeps (dpkg-dev) works out its dependencies; gzip compresses man pages.
    dpkg-dev gzip
    # Virtual X server (xvfb-run) and ImageMagick to take screenshots of the real studio headless.
    xvfb xauth imagemagick
)

usage() {
    cat <<EOF
Usage: packaging/dev.sh COMMAND

Installs any missing Debian packages (apt-get), configures and builds the
'$PRESET' CMake preset into $BUILD_DIR/, then:

  run     starts Hotpath Studio on $SAMPLE when the studio is built and a display
          is available; otherwise serves $SAMPLE headless with 'hotpath serve'
          (http://$SERVE_HOST:$SERVE_PORT/, port from \$HOTPATH_PORT).
  test    runs the whole CTest suite (QT_QPA_PLATFORM=offscreen) and exits
          with its status.
  package builds the Debian package (CPack) into build/package/.

Options:
  -h, --help   show this help and exit

Works from any directory. Needs root, or sudo, only when packages are missing.
EOF
}

say() { printf 'dev.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# Runs a command as root: directly when we are root, else through sudo when available.
as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root (or sudo) to run: $*"
    fi
}

apt_lists_empty() {
    ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null
}

apt_install() {
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "$@"
}

# Installs only the packages that are missing; prints nothing when all are present.
ensure_packages() {
    command -v dpkg-query >/dev/null 2>&1 \
        || die "dpkg-query not found: packaging/dev.sh supports Debian 12 only"

    local missing=() pkg
    for pkg in "${PACKAGES[@]}"; do
        if [[ $(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true) != "install ok installed" ]]; then
            missing+=("$pkg")
        fi
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0

    say "installing missing packages: ${missing[*]}"
    if apt_lists_empty; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
        apt_install "${missing[@]}"
    elif ! apt_install "${missing[@]}"; then
        say "install failed; refreshing package lists and retrying"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
        apt_install "${missing[@]}"
    fi
}

build() {
    # A configure that failed part-way leaves CMakeCache.txt without build.ninja; redo it then.
    if [[ ! -f $BUILD_DIR/CMakeCache.txt || ! -f $BUILD_DIR/build.ninja ]]; then
        cmake --preset "$PRESET"
    fi
    cmake --build --preset "$PRESET"
}

has_display() {
    [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]
}

cmd_run() {
    ensure_packages
    build

    if [[ -x $STUDIO ]] && has_display; then
        say "starting Hotpath Studio on $SAMPLE"
        exec "$STUDIO" "$SAMPLE"
    fi

    [[ -x $CLI ]] || die "$CLI was not built"

    if [[ -x $STUDIO ]]; then
        say "no display (\$DISPLAY / \$WAYLAND_DISPLAY unset): not starting the studio"
    fi

    say "serving $SAMPLE headless at http://$SERVE_HOST:$SERVE_PORT/ (Ctrl+C stops)"
    say "try: curl http://$SERVE_HOST:$SERVE_PORT/fib/25 -H 'X-Hotpath-Tier: jit'"
    exec "$CLI" serve "$SAMPLE" --host "$SERVE_HOST" --port "$SERVE_PORT"
}

cmd_test() {
    ensure_packages
    build

    # Qt wants a private (0700) runtime dir; CI containers often have none.
    local runtime_dir
    runtime_dir="$(mktemp -d "${TMPDIR:-/tmp}/hotpath-xdg.XXXXXX")"
    chmod 700 "$runtime_dir"
    # shellcheck disable=SC2064  # expand now: runtime_dir is local
    trap "rm -rf -- '$runtime_dir'" EXIT

    local status=0
    QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$runtime_dir" \
        ctest --preset "$PRESET" --output-on-failure -j2 || status=$?
    exit "$status"
}

cmd_package() {
    ensure_packages
    build
    mkdir -p build/package
    cpack --config "$BUILD_DIR/CPackConfig.cmake" -B build/package
    say "built: $(ls build/package/hotpath_*.deb)"
    say "install with: sudo apt install ./$(ls build/package/hotpath_*.deb)"
}

main() {
    if [[ $# -ne 1 ]]; then
        usage >&2
        exit 2
    fi
    case $1 in
        run) cmd_run ;;
        test) cmd_test ;;
        package) cmd_package ;;
        -h | --help | help) usage ;;
        *)
            say "unknown command: $1"
            usage >&2
            exit 2
            ;;
    esac
}

main "$@"
