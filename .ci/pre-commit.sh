#!/usr/bin/env bash
# Runs the lockorder pre-commit hook with Debian's pre-commit on the bundled
# models: in a temporary git repository holding testdata/alertmanager,
# `pre-commit run --all-files` must fail with the lock order cycle; holding
# testdata/alertmanager-fixed it must pass.
#
# The .pre-commit-config.yaml is the README's, with `repo:` set to this
# checkout and `rev:` to its HEAD. pre-commit clones the repository at that
# commit, so only committed work is tested. It installs pre-commit (and
# git) with apt-get when missing, which needs root; the hook is built with
# the `go` on PATH (Go 1.26 or later) and the Go module proxy.
set -euo pipefail

want='lock order cycle mem.Alerts.mtx -> store.Alerts.mtx -> mem.Alerts.mtx'

fail() {
	echo "pre-commit: FAIL: $*" >&2
	exit 1
}

if ! command -v pre-commit >/dev/null || ! command -v git >/dev/null; then
	[ "$(id -u)" -eq 0 ] || fail "pre-commit or git is missing and installing them needs root: apt-get install pre-commit git"
	echo "--- pre-commit: apt-get install pre-commit git"
	start=$SECONDS
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >/dev/null || fail "apt-get update failed"
	apt-get install -y -q pre-commit git >/dev/null || fail "apt-get install pre-commit git failed"
	echo "    done in $((SECONDS - start))s"
fi
command -v go >/dev/null || fail "go is not on PATH; install Go 1.26 or later"
pre-commit --version

repo=$(cd "$(dirname "$0")/.." && pwd)
rev=$(git -C "$repo" rev-parse HEAD) || fail "$repo is not a git checkout"
git -C "$repo" cat-file -e "HEAD:.pre-commit-hooks.yaml" 2>/dev/null ||
	fail ".pre-commit-hooks.yaml is not committed at HEAD $rev: pre-commit only sees committed work"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
	echo "pre-commit: note: uncommitted changes in $repo are not tested; the hook is built from HEAD $rev"
fi

tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/pre-commit-home"
unset SKIP

# The README's .pre-commit-config.yaml (the first yaml block of its
# pre-commit section), pointed at this checkout's HEAD.
config=$(awk '
	/^## / { in_section = ($0 == "## pre-commit") }
	in_section && /^```yaml$/ { inside = 1; next }
	inside && /^```$/ { exit }
	inside { print }
' "$repo/README.md" | sed -e "s|^\(  - repo: \).*|\1$repo|" -e "s|^\(    rev: \).*|\1$rev|")
grep -qx "  - repo: $repo" <<<"$config" && grep -qx "    rev: $rev" <<<"$config" ||
	fail "README.md's pre-commit section has no .pre-commit-config.yaml block with '  - repo:' and '    rev:' lines"
echo "--- pre-commit: .pre-commit-config.yaml"
printf '%s\n' "$config"

# make_repo MODEL makes a git repository $tmp/MODEL holding testdata/MODEL
# and the config, all its files added.
make_repo() {
	cp -R "$repo/testdata/$1" "$tmp/$1"
	printf '%s\n' "$config" >"$tmp/$1/.pre-commit-config.yaml"
	git -C "$tmp/$1" init -q
	git -C "$tmp/$1" add .
}

# hook MODEL runs pre-commit on all the files of $tmp/MODEL; it leaves the
# output in $tmp/MODEL.out and returns pre-commit's exit status.
hook() {
	(cd "$tmp/$1" && pre-commit run --all-files) >"$tmp/$1.out" 2>&1 </dev/null
}

echo "--- pre-commit: run --all-files on testdata/alertmanager (must fail with the cycle; builds the hook first)"
make_repo alertmanager
start=$SECONDS
status=0
hook alertmanager || status=$?
cat "$tmp/alertmanager.out"
echo "    exit $status in $((SECONDS - start))s"
[ "$status" -ne 0 ] || fail "pre-commit passed on testdata/alertmanager; want it to fail"
grep -qF -- "- exit code: 3" "$tmp/alertmanager.out" ||
	fail "the hook did not exit 3 (reports found) on testdata/alertmanager"
grep -qF "$want" "$tmp/alertmanager.out" ||
	fail "pre-commit output on testdata/alertmanager lacks '$want'"

echo "--- pre-commit: run --all-files on testdata/alertmanager-fixed (must pass)"
make_repo alertmanager-fixed
start=$SECONDS
status=0
hook alertmanager-fixed || status=$?
cat "$tmp/alertmanager-fixed.out"
echo "    exit $status in $((SECONDS - start))s"
[ "$status" -eq 0 ] || fail "pre-commit exited $status on testdata/alertmanager-fixed; want 0"
grep -q '^lockorder\.*Passed$' "$tmp/alertmanager-fixed.out" ||
	fail "the lockorder hook did not run and pass on testdata/alertmanager-fixed"

echo "pre-commit: OK"
