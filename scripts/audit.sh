#!/usr/bin/env bash
# Fails on high or critical advisories in production dependencies. Where the registry offers no advisory
# service (as on the project's build machines), says so and passes: nothing could be checked.
set -uo pipefail
out=$(npm audit --omit=dev --audit-level=high 2>&1)
code=$?
if [ $code -ne 0 ] && grep -q -E 'audit endpoint returned an error|405 Method Not Allowed|ENOAUDIT' <<<"$out"; then
  echo "npm audit: the registry answers no advisory queries here; dependencies were not checked."
  exit 0
fi
echo "$out" | tail -n 20
exit $code
