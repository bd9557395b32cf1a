#!/usr/bin/env bash
set -euo pipefail
curl -fsS -u admin:MYflzs96CfllZMV1 https://nexus.internal.test/service/rest/v1/status
curl -sS -H "Authorization: Bearer Xxl92sTLkQtwqC3FQnvU7Vgw97mFcrkC2G91mhBj" https://api.internal.test/v2/jobs
curl -H "Authorization: Basic amVua2luczpad28lOXJpRCFwNyU=" https://jenkins.internal.test/api/json
curl -H "X-Api-Key: 9HEMr2AEIUW6L3HE9rYBrBsOHsu2iavd" https://metrics.internal.test/ingest
git remote add mirror https://mirror-bot:xTcZUzWwJ2Jo4E8dpTD2pa957346XVpjd3GswJrK@git.internal.test/org/repo.git
wget ftp://mirror:R5AhlNAkgipwYR@ftp.partner.test/outgoing/report.csv
curl "https://hooks.internal.test/notify?channel=ops&token=2CTTWya34IycKPRr8tjQPlNbOhr7I7o0"
curl "https://api.particle.io/v1/devices?access_token=9f2053432ef63d2592160964f75a06f3131203ff"
clickhouse-client --host ch.internal  # CLICKHOUSE_URL=clickhouse://default:2c4uFDmwI0rGwPY9THe4@ch.internal:9000/metrics
