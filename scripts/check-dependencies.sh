#!/usr/bin/env bash
# Known vulnerabilities in Senco's dependencies (ASVS 14.2.1): the NuGet packages, direct and transitive, against the
# NuGet vulnerability data (GitHub Advisory Database) of the configured package source, and the npm packages (govuk-frontend
# is shipped to browsers; sass and axe-core only build and test) with `npm audit` where the registry answers it.
#
#   scripts/check-dependencies.sh        exit 0: nothing known; 1: a vulnerable package; 2: NuGet could not be checked
#
# Not part of ./test.sh: on Senco's build machines the package registries are reached through a cache that serves packages
# but not NuGet's vulnerability data (the service index lists no VulnerabilityInfo resource) nor npm's audit endpoint, so
# the check could not run there and `dotnet list package --vulnerable` would report "no vulnerable packages" having
# checked nothing. This script says "NOT CHECKED" in that case instead. Run it where the real nuget.org and npm registry
# are reachable (a developer's machine, a release checklist), and whenever packages are updated.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0

echo "NuGet: dotnet list Senco.sln package --vulnerable --include-transitive"
out=$(dotnet list Senco.sln package --vulnerable --include-transitive 2>&1)
rc=$?
printf '%s\n' "$out" | grep -Ev '^\s*$|Determining projects|up-to-date for restore' | sed 's/^/  /'
# A source without vulnerability data makes every project "have no vulnerable packages": check that one has it.
sources=$(sed -n 's|^\s*\(https\?://[^ ]*\)\s*$|\1|p' <<<"$out")
has_data=0
for s in $sources; do
  if curl -fsS --max-time 30 "$s" 2>/dev/null | grep -q '"VulnerabilityInfo'; then has_data=1; fi
done
if [[ $rc -ne 0 ]] || ! grep -q "vulnerable packages" <<<"$out" || [[ $has_data -eq 0 ]]; then
  echo "NuGet: NOT CHECKED (exit code $rc): no package source offers vulnerability data (VulnerabilityInfo) here"
  status=2
elif grep -q "has the following vulnerable packages" <<<"$out"; then
  echo "NuGet: VULNERABLE packages above: update them in Directory.Packages.props"
  status=1
else
  echo "NuGet: no known vulnerable package"
fi

echo "npm: npm audit --audit-level=moderate"
npm_out=$(npm audit --audit-level=moderate 2>&1)
npm_rc=$?
npm_out=$(grep -v 'Unknown user config' <<<"$npm_out")
printf '%s\n' "$npm_out" | sed 's/^/  /'
if grep -qiE "audit endpoint returned an error|ENOAUDIT|405 Method Not Allowed|ENOTFOUND|ECONNREFUSED|ETIMEDOUT" <<<"$npm_out"; then
  echo "npm: NOT CHECKED: this registry does not answer npm audit (govuk-frontend, sass, axe-core)"
elif [[ $npm_rc -ne 0 ]]; then
  echo "npm: VULNERABLE packages above: run npm audit fix, or update package.json"
  status=1
else
  echo "npm: no known vulnerable package"
fi
exit $status
