#!/usr/bin/env bash
# Calls the running mesh the way its users do: a learner's session scored by AnalyzeFocus, once as REST
# through Envoy and once with grpcurl through the gateway; then shows how to do the same by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/bin:$PATH"

# Twelve minutes of an eight-year-old's practice: steady answers, then a hidden tab, an idle stretch and
# slower, shakier answers.
session='{
  "session": {
    "sessionId": "demo-session-1",
    "childAgeMonths": 96,
    "elapsedMs": 720000,
    "events": [
      {"offsetMs": 5000, "answer": {"correct": true, "responseTimeMs": 3200}},
      {"offsetMs": 60000, "answer": {"correct": true, "responseTimeMs": 2800}},
      {"offsetMs": 120000, "answer": {"correct": true, "responseTimeMs": 3500}},
      {"offsetMs": 180000, "answer": {"correct": false, "responseTimeMs": 4100}},
      {"offsetMs": 240000, "answer": {"correct": true, "responseTimeMs": 3000}},
      {"offsetMs": 300000, "focusLost": {"cause": "FOCUS_LOSS_CAUSE_TAB_HIDDEN", "durationMs": 25000}},
      {"offsetMs": 360000, "answer": {"correct": true, "responseTimeMs": 6200}},
      {"offsetMs": 420000, "idle": {"durationMs": 45000}},
      {"offsetMs": 480000, "answer": {"correct": false, "responseTimeMs": 9100}},
      {"offsetMs": 560000, "answer": {"correct": false, "responseTimeMs": 12500}},
      {"offsetMs": 640000, "answer": {"correct": true, "responseTimeMs": 7800}}
    ]
  }
}'

token=$(node --import tsx scripts/dev-token.ts --tenant demo-school --learner learner-42)

echo
echo "== REST through Envoy: POST http://localhost:8080/api/v1/analytics/focus"
response=$(curl -sS -w '\n%{http_code}' -X POST http://127.0.0.1:8080/api/v1/analytics/focus \
  -H "authorization: Bearer $token" -H 'content-type: application/json' -d "$session")
echo "HTTP $(tail -n 1 <<<"$response")"
head -n -1 <<<"$response" | python3 -m json.tool 2>/dev/null || head -n -1 <<<"$response"

echo
echo "== gRPC through the gateway: grpcurl localhost:4000 aivo.brain.v1.BrainService/AnalyzeFocus"
grpcurl -plaintext -H "authorization: Bearer $token" -d "$session" 127.0.0.1:4000 aivo.brain.v1.BrainService/AnalyzeFocus ||
  echo "(grpcurl failed: see .run/gateway.log)"

cat <<'EOF'

== Call the mesh by hand
Mint a development JWT (HS256 with JWT_SECRET from .run/dev.env) for a tenant and learner:
  TOKEN=$(node --import tsx scripts/dev-token.ts --tenant demo-school --learner learner-42)
REST through Envoy (the seed's paths):
  curl -X POST localhost:8080/api/v1/analytics/focus -H "authorization: Bearer $TOKEN" \
    -H 'content-type: application/json' \
    -d '{"session": {"childAgeMonths": 96, "events": [{"offsetMs": 1000, "answer": {"correct": true, "responseTimeMs": 2400}}]}}'
gRPC with server reflection (gateway :4000; dispatch :4001 and the brain :5000 take service tokens only):
  .tools/bin/grpcurl -plaintext localhost:4000 list
  .tools/bin/grpcurl -plaintext localhost:4000 describe aivo.brain.v1.BrainService
  .tools/bin/grpcurl -plaintext -H "authorization: Bearer $TOKEN" \
    -d '{"session": {"childAgeMonths": 96}}' localhost:4000 aivo.brain.v1.BrainService/AnalyzeFocus
Health: curl localhost:4000/health/detailed     Envoy's admin: http://127.0.0.1:9901
EOF
