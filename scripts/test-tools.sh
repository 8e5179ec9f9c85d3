#!/usr/bin/env bash
# What the tests need besides Java, installed when missing: the build runs this before the integration tests
# (Maven's pre-integration-test phase), so `./mvnw verify` alone passes on a fresh Debian machine.
#
#   chromium, chromedriver  (Debian: chromium chromium-driver)  the real-browser tests; they fail without them
#   gpg                     (Debian: gnupg)                     GnuPG interoperability and libgcrypt; skipped
#                                                               without it, except under CI=true, where they fail
#   clamd                   (Debian: clamav-daemon)             malware scanning against a real ClamAV daemon
#                                                               (offline, with signatures the tests write); the
#                                                               same: skipped without it, failed under CI=true
#
# Missing tools are installed with apt-get when this user may: as root, or with sudo that asks no password.
# Otherwise it stops the build, saying what to install; a missing gpg alone only warns (its tests are then
# skipped), unless CI=true.
#
# Usage: scripts/test-tools.sh [--dry-run]
#   --dry-run   say what is missing and what would run, change nothing
# Environment: TRESOR_TEST_TOOLS=skip   check nothing (a machine that provides the tools its own way)
set -euo pipefail

dry_run=false
case "${1:-}" in
  --dry-run) dry_run=true ;;
  "") ;;
  *) echo "usage: $0 [--dry-run]" >&2; exit 2 ;;
esac

if [ "${TRESOR_TEST_TOOLS:-}" = "skip" ]; then
  echo "test tools: not checked (TRESOR_TEST_TOOLS=skip)"
  exit 0
fi

# command on the PATH -> Debian package that brings it
required=()   # the browser tests fail without these
wanted=()     # tests are skipped without these (failed under CI=true)
command -v chromium >/dev/null 2>&1 || required+=(chromium)
command -v chromedriver >/dev/null 2>&1 || required+=(chromium-driver)
command -v gpg >/dev/null 2>&1 || wanted+=(gnupg)
# clamd lives in /usr/sbin, which a user's PATH may leave out
command -v clamd >/dev/null 2>&1 || [ -x /usr/sbin/clamd ] || wanted+=(clamav-daemon)
if [ "${CI:-}" = "true" ] && [ ${#wanted[@]} -gt 0 ]; then
  required+=("${wanted[@]}")
  wanted=()
fi
missing=("${required[@]}" "${wanted[@]}")

if [ ${#missing[@]} -eq 0 ]; then
  echo "test tools: chromium, chromedriver, gpg and clamd are installed"
  exit 0
fi
echo "test tools: missing Debian package(s): ${missing[*]}"

# how to install: as root, or with sudo that needs no password
sudo=""
can_install=true
if ! command -v apt-get >/dev/null 2>&1; then
  can_install=false
  why="there is no apt-get on this machine"
elif [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    sudo="sudo"
  else
    can_install=false
    why="installing needs root, and sudo asks for a password (or is missing)"
  fi
fi

if ! $can_install; then
  if [ ${#required[@]} -eq 0 ]; then
    echo "test tools: WARNING: cannot install ${wanted[*]} ($why): their tests (GnuPG, ClamAV) will be skipped." >&2
    echo "test tools: to run them: sudo apt-get install ${wanted[*]}" >&2
    exit 0
  fi
  {
    echo "test tools: cannot install what the tests need ($why)."
    echo "  Please install them once, then run the build again:"
    echo "    sudo apt-get install ${missing[*]}"
    echo "  (The browser tests drive Debian's headless Chromium through chromedriver; see README, \"Tests\".)"
  } >&2
  $dry_run && echo "test tools: (dry run) the build would stop here" >&2
  exit 1
fi

run() {
  if $dry_run; then
    echo "test tools: (dry run) would run: $*"
  else
    echo "test tools: $*"
    "$@"
  fi
}

export DEBIAN_FRONTEND=noninteractive
run $sudo apt-get update -qq
run $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
$dry_run && exit 0

still=()
command -v chromium >/dev/null 2>&1 || still+=(chromium)
command -v chromedriver >/dev/null 2>&1 || still+=(chromedriver)
command -v gpg >/dev/null 2>&1 || still+=(gpg)
command -v clamd >/dev/null 2>&1 || [ -x /usr/sbin/clamd ] || still+=(clamd)
if [ ${#still[@]} -gt 0 ]; then
  echo "test tools: apt-get ran, but these are still not on the PATH: ${still[*]}" >&2
  exit 1
fi
echo "test tools: installed ${missing[*]}"
