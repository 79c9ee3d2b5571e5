#!/usr/bin/env bash
# Builds golangci-lint with the lockorder module plugin and runs it on the
# bundled models: on the Alertmanager model it must exit 1 and report the
# lock order cycle, on the fixed model it must exit 0.
#
# It does by hand what `golangci-lint custom` does for a .custom-gcl.yml
# whose plugin has `path:` set to this checkout (custom clones golangci-lint
# from GitHub, which CI cannot reach; the Go module proxy has the same
# source): take golangci-lint from the module cache, import the plugin in
# cmd/golangci-lint/plugins.go, replace our module with this checkout,
# go mod tidy, go build. The .golangci.yml it runs with is the README's.
#
# Needs Go 1.26 or later and the Go module proxy. Takes several minutes,
# most of it building golangci-lint.
set -euo pipefail

version=v2.15.0
want='lock order cycle mem.Alerts.mtx -> store.Alerts.mtx -> mem.Alerts.mtx'

fail() {
	echo "golangci-plugin: FAIL: $*" >&2
	exit 1
}

command -v go >/dev/null || fail "go is not on PATH; install Go 1.26 or later"
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

# step NAME COMMAND... runs a command, printing how long it took; on
# failure it prints the command's output and stops.
step() {
	local name=$1 start=$SECONDS
	shift
	echo "--- golangci-plugin: $name"
	if ! "$@" >"$tmp/step.log" 2>&1; then
		cat "$tmp/step.log" >&2
		fail "$name: $* failed"
	fi
	echo "    done in $((SECONDS - start))s"
}

# readme_yaml N prints the Nth yaml block of the README's golangci-lint
# section.
readme_yaml() {
	awk -v n="$1" '
		/^## / { in_section = ($0 == "## golangci-lint") }
		in_section && /^```yaml$/ { block++; inside = (block == n); next }
		inside && /^```$/ { exit }
		inside { print }
	' "$repo/README.md"
}

custom_gcl=$(readme_yaml 1)
golangci_yml=$(readme_yaml 2)
[ -n "$golangci_yml" ] || fail "README.md has no .golangci.yml block (second yaml block under '## golangci-lint')"
grep -qx "version: $version" <<<"$custom_gcl" ||
	fail "the README's .custom-gcl.yml does not say 'version: $version', the version this script builds"
grep -qx "    import: github.com/lockorder/lockorder/plugin" <<<"$custom_gcl" ||
	fail "the README's .custom-gcl.yml does not import github.com/lockorder/lockorder/plugin"

# copy_golangci copies golangci-lint's source from the module cache, which
# is read-only, to $tmp/golangci-lint, made writable.
copy_golangci() {
	local json dir
	json=$(cd "$tmp" && go mod download -json "github.com/golangci/golangci-lint/v2@$version") ||
		{ echo "$json"; return 1; }
	dir=$(sed -n 's/^\t"Dir": "\(.*\)",$/\1/p' <<<"$json")
	[ -d "$dir" ] || { echo "go mod download gave no directory: $json"; return 1; }
	cp -R "$dir" "$tmp/golangci-lint" && chmod -R u+w "$tmp/golangci-lint"
}

# write_plugins_go writes cmd/golangci-lint/plugins.go as golangci-lint
# custom generates it: a blank import of each plugin.
write_plugins_go() {
	printf 'package main\n\nimport (\n\t_ "github.com/lockorder/lockorder/plugin"\n)\n' \
		>"$tmp/golangci-lint/cmd/golangci-lint/plugins.go"
}

# in_golangci COMMAND... runs a command in the copy of golangci-lint.
in_golangci() { (cd "$tmp/golangci-lint" && "$@"); }

step "download golangci-lint $version" copy_golangci
step "import the plugin in cmd/golangci-lint/plugins.go" write_plugins_go
step "replace github.com/lockorder/lockorder with $repo" \
	in_golangci go mod edit -replace "github.com/lockorder/lockorder=$repo"
step "go mod tidy" in_golangci go mod tidy
step "go build ./cmd/golangci-lint" in_golangci go build -o "$tmp/custom-gcl" ./cmd/golangci-lint

# copy_model MODEL copies testdata/MODEL to $tmp/MODEL with the README's
# .golangci.yml.
copy_model() {
	cp -R "$repo/testdata/$1" "$tmp/$1"
	printf '%s\n' "$golangci_yml" >"$tmp/$1/.golangci.yml"
}

# lint MODEL runs the custom binary in $tmp/MODEL, with a cache of its own;
# it leaves the output in $tmp/MODEL.out and returns the exit status.
lint() {
	(cd "$tmp/$1" && GOLANGCI_LINT_CACHE="$tmp/cache" "$tmp/custom-gcl" run ./...) >"$tmp/$1.out" 2>&1
}

echo "--- golangci-plugin: custom-gcl run ./... on testdata/alertmanager (must exit 1 with the cycle)"
copy_model alertmanager
start=$SECONDS
status=0
lint alertmanager || status=$?
cat "$tmp/alertmanager.out"
echo "    exit $status in $((SECONDS - start))s"
[ "$status" -eq 1 ] || fail "custom-gcl exited $status on testdata/alertmanager; want 1 (issues found)"
grep -qF "$want" "$tmp/alertmanager.out" ||
	fail "custom-gcl output on testdata/alertmanager lacks '$want'"

echo "--- golangci-plugin: custom-gcl run ./... on testdata/alertmanager-fixed (must pass)"
copy_model alertmanager-fixed
start=$SECONDS
status=0
lint alertmanager-fixed || status=$?
cat "$tmp/alertmanager-fixed.out"
echo "    exit $status in $((SECONDS - start))s"
[ "$status" -eq 0 ] || fail "custom-gcl exited $status on testdata/alertmanager-fixed; want 0"

echo "golangci-plugin: OK"
