#!/usr/bin/env bash
# Checks lockorder's SARIF output with a real consumer: Microsoft's SARIF
# Multitool (npm package @microsoft/sarif-multitool-linux), installed into a
# temporary directory. It validates the SARIF log of the bundled model and
# the golden file testdata/golden/alertmanager.sarif with the SARIF rules
# and the GitHub (code scanning) rules, and fails on any error or warning.
# A log broken on purpose must fail, so that the check itself is checked.
#
# The Multitool exits 0 even when it finds errors, so its own SARIF output
# is read for the results instead.
set -euo pipefail
cd "$(dirname "$0")/.."

version=5.7.0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

npm install --prefix "$tmp" --no-audit --no-fund --no-save --loglevel=error \
	"@microsoft/sarif-multitool-linux@$version" >/dev/null
multitool="$tmp/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
chmod u+x "$multitool" # the package's postinstall step, which npm may skip
"$multitool" --version | head -1

go build -o "$tmp/lockorder" ./cmd/lockorder
status=0
"$tmp/lockorder" -C testdata/alertmanager -sarif "$tmp/model.sarif" ./... 2>/dev/null || status=$?
if [ "$status" -ne 3 ]; then
	echo "lockorder on the model exited $status, want 3 (reports found)" >&2
	exit 1
fi

# validate FILE: runs the Multitool with the SARIF and GitHub rules on FILE
# and prints its findings. It returns 1 when any is an error or a warning,
# 2 when the Multitool itself fails.
validate() {
	local in=$1 out="$tmp/validation.sarif"
	rm -f "$out"
	# The input comes first: a list option such as --level takes the words
	# that follow it as more values.
	if ! "$multitool" validate "$in" --output "$out" --log "ForceOverwrite;PrettyPrint" \
		--rule-kind "Sarif;Gh;Ghas" --level "Error;Warning;Note" >"$tmp/multitool.log" 2>&1 || [ ! -s "$out" ]; then
		cat "$tmp/multitool.log" >&2
		return 2
	fi
	node - "$out" <<-'EOF'
		const log = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
		const run = log.runs[0];
		const bad = [];
		for (const inv of run.invocations || []) {
			if (inv.executionSuccessful === false) bad.push("the Multitool did not run successfully");
			for (const n of [...(inv.toolExecutionNotifications || []), ...(inv.toolConfigurationNotifications || [])]) {
				if ((n.level || "warning") !== "note") bad.push("notification: " + n.message.text);
			}
		}
		for (const r of run.results || []) {
			const level = r.level || "warning"; // SARIF's default level
			const what = r.message.text || [r.message.id, ...(r.message.arguments || [])].join(" ");
			const line = `${level} ${r.ruleId}: ${what}`;
			console.log("  " + line);
			if (level === "error" || level === "warning") bad.push(line);
		}
		console.log(`  ${(run.results || []).length} findings, ${bad.length} errors or warnings`);
		process.exit(bad.length > 0 ? 1 : 0);
	EOF
}

# The check must be able to fail: a log that GitHub code scanning rejects
# (a result without locations) must give errors of the GitHub rules.
node -e '
	const fs = require("fs");
	const log = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
	delete log.runs[0].results[0].locations;
	fs.writeFileSync(process.argv[2], JSON.stringify(log));
' "$tmp/model.sarif" "$tmp/broken.sarif"
echo "a log without locations (must fail):"
status=0
validate "$tmp/broken.sarif" >"$tmp/broken.out" || status=$?
cat "$tmp/broken.out"
if [ "$status" -ne 1 ] || ! grep -q "^  error GH" "$tmp/broken.out"; then
	echo "the Multitool check does not reject a log without locations with its GitHub rules (status $status)" >&2
	exit 1
fi

failed=0
for f in "$tmp/model.sarif" testdata/golden/alertmanager.sarif; do
	echo "$f:"
	validate "$f" || failed=1
done
if [ "$failed" -ne 0 ]; then
	echo "SARIF Multitool found errors or warnings, or failed" >&2
	exit 1
fi
echo "SARIF Multitool: no errors or warnings"
