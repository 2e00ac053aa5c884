"""The Python asyncio peer of plaudit's HTTP scoring benchmark.

Sends the same vLLM `/pooling` requests plaudit sends (one conversation each, raw logits),
keeps a fixed number in flight with a pool of worker tasks on one shared connection pool,
parses each answer and keeps data[0].data[0]. Prints one JSON line like plaudit-http-bench.

    python bench_python.py --url http://127.0.0.1:PORT --inflight 64 --responses 20000 --client aiohttp|httpx
"""
import argparse
import asyncio
import json
import resource
import time


def bodies(n):
    # Same texts as plaudit-http-bench's synthetic dataset: prompt i // 8, response i.
    for i in range(n):
        yield json.dumps({
            "messages": [{"role": "user", "content": f"Question {i // 8}: write something about topic {i // 8}."},
                         {"role": "assistant", "content": f"Answer {i}: a response of moderate length about topic {i // 8}, variant {i % 8}."}],
            "model": "stub", "use_activation": False,
        }, sort_keys=True, separators=(",", ":")).encode()


async def run_aiohttp(url, inflight, payloads):
    import aiohttp
    scores = [None] * len(payloads)
    connector = aiohttp.TCPConnector(limit=inflight, limit_per_host=inflight)
    queue = iter(range(len(payloads)))
    async with aiohttp.ClientSession(connector=connector, headers={"content-type": "application/json"}) as session:
        async def worker():
            for i in queue:
                async with session.post(url + "/pooling", data=payloads[i]) as r:
                    answer = await r.json(content_type=None)
                    assert r.status == 200
                    scores[i] = answer["data"][0]["data"][0]
        await asyncio.gather(*(worker() for _ in range(inflight)))
    return scores


async def run_httpx(url, inflight, payloads):
    import httpx
    scores = [None] * len(payloads)
    limits = httpx.Limits(max_connections=inflight, max_keepalive_connections=inflight)
    queue = iter(range(len(payloads)))
    async with httpx.AsyncClient(limits=limits, headers={"content-type": "application/json"}, timeout=60) as client:
        async def worker():
            for i in queue:
                r = await client.post(url + "/pooling", content=payloads[i])
                assert r.status_code == 200
                scores[i] = r.json()["data"][0]["data"][0]
        await asyncio.gather(*(worker() for _ in range(inflight)))
    return scores


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", required=True)
    p.add_argument("--inflight", type=int, default=64)
    p.add_argument("--responses", type=int, default=20000)
    p.add_argument("--client", choices=["aiohttp", "httpx"], default="aiohttp")
    p.add_argument("--label", default="")
    a = p.parse_args()
    assert a.url.startswith("http://127.0.0.1:"), "loopback only"
    payloads = list(bodies(a.responses))
    run = run_aiohttp if a.client == "aiohttp" else run_httpx
    start = time.perf_counter()
    scores = asyncio.run(run(a.url, a.inflight, payloads))
    seconds = time.perf_counter() - start
    assert all(s is not None for s in scores)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"route": f"python {a.client}", "label": a.label, "inflight": a.inflight, "responses": a.responses,
                      "seconds": round(seconds, 3), "responses_per_second": round(a.responses / seconds, 1),
                      "peak_rss_mb": round(rss_mb, 1)}))


if __name__ == "__main__":
    main()
