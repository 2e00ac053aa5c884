#!/usr/bin/env bash
# The mechanical rules of the house (README, "Layout"), checked by grep. CI runs it; so can you:
#   bash scripts/check-layering.sh
# Exit 0 when every rule holds; 1 with one line per broken rule and the places that break it.
set -uo pipefail
cd "$(dirname "$0")/.."
failed=0
broken() { echo "layering: $1"; echo "$2" | sed 's/^/    /' | head -20; failed=1; }

audits='Monoculture|Sycophancy|Homogeneity|Calibration|Suite'

# 1. Core and Runtime name no audit (comments included): they are every audit's vocabulary.
for target in PlauditCore PlauditRuntime; do
  hits=$(grep -rniE "$audits" "Sources/$target" || true)
  [ -z "$hits" ] || broken "Sources/$target names an audit" "$hits"
done

# 2. Only PlauditBackends builds backends: no other target outside the adapters' own
#    (Clients, Text) names a concrete adapter, the transport, or a backend kind.
adapters='VLLMRewardScorer|TEIRewardScorer|HTTPTemplateScorer|SubprocessScorer|ChatLogprobJudge|OpenAIChatGenerator|AnthropicChatGenerator|LlamaCppPerplexityScorer|TEIEmbedder|OllamaEmbedder|OpenAIEmbedder|EndpointSentimentClassifier|MiniLMEmbedder|LexicalEmbedder|LlamaServer|SharedTransports|BackendClient'
kinds='BackendKind|\.(vllm|tei|tgi|openai|anthropic|ollama|llamaCpp|httpTemplate|subprocess)\b'
hits=$(grep -rnE "\b($adapters)\b|$kinds" Sources --include='*.swift' \
  | grep -vE '^Sources/(PlauditClients|PlauditBackends|PlauditText)/' \
  | grep -vE '^Sources/PlauditCore/Configuration/' || true)
[ -z "$hits" ] || broken "only PlauditBackends may name an adapter or switch on a backend kind" "$hits"

# 3. Jobs and suites are libraries: no argument parsing, no NIO, no printing.
hits=$(grep -rnE '^(public )?import (ArgumentParser|NIO[A-Za-z]*)$|\bprint\(' Sources/PlauditRuntime Sources/PlauditAudits Sources/PlauditSuites Sources/PlauditBackends || true)
[ -z "$hits" ] || broken "Runtime, Audits, Suites and Backends parse no arguments, use no NIO and print nothing" "$hits"

# 4. The command line is wiring: no file over 150 lines (work that needs more belongs in a job).
for file in $(find Sources/plaudit -name '*.swift' | sort); do
  lines=$(wc -l < "$file")
  [ "$lines" -le 150 ] || broken "$file has $lines lines (at most 150)" "move its work into a job in PlauditAudits"
done

# 5. Who imports whom: the executable's targets are the only importers of ArgumentParser.
hits=$(grep -rlE '^(public )?import ArgumentParser$' Sources | grep -v '^Sources/plaudit/' || true)
[ -z "$hits" ] || broken "only the executable imports ArgumentParser" "$hits"

[ $failed = 0 ] && echo "layering: every rule holds"
exit $failed
