/// The Python program that runs llama.cpp's server from the `xllamacpp` wheel.
///
/// It binds 127.0.0.1 only, on a port it finds free, and prints one JSON line
/// (`{"event": "ready", "port": …, "pid": …}`) when it listens. It exits when its standard
/// input closes, so the server never outlives the plaudit process that started it, and after
/// a hard time limit in any case.
///
/// Its sixth argument is `generate` for a generation server, or a pooling (`mean`, `cls`,
/// `last`) for an embedding server: xllamacpp exposes llama.cpp's `--embeddings` and
/// `--pooling` as `CommonParams.embedding` (bool) and `CommonParams.pooling_type` (the
/// `llama_pooling_type` enum), and `embd_normalize = 2` (euclidean, the default) gives
/// L2-normalised vectors.
enum LlamaServerScript {
    static let source = #"""
    import json, os, socket, sys, threading, time

    def say(**event):
        print(json.dumps(event), flush=True)

    def free_port():
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        return port

    def main():
        model, threads, ctx, alias, max_seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], float(sys.argv[5])
        mode = sys.argv[6] if len(sys.argv) > 6 else "generate"
        try:
            import xllamacpp
        except ImportError as error:
            say(event="error", message=f"cannot import xllamacpp: {error}")
            os._exit(3)
        last = None
        for _ in range(5):
            params = xllamacpp.CommonParams()
            params.model.path = model
            params.hostnames = ["127.0.0.1"]
            port = free_port()
            params.port = port
            params.n_ctx = ctx
            params.n_parallel = 1
            params.ui = False
            params.cpuparams.n_threads = threads
            params.cpuparams_batch.n_threads = threads
            params.model_alias = {alias}
            if mode != "generate":
                params.embedding = True
                params.pooling_type = getattr(xllamacpp.llama_pooling_type, "LLAMA_POOLING_TYPE_" + mode.upper())
                params.embd_normalize = 2
            try:
                server = xllamacpp.Server(params)
                break
            except RuntimeError as error:
                last = error
        else:
            say(event="error", message=f"llama.cpp server did not start: {last}")
            os._exit(3)
        say(event="ready", port=port, pid=os.getpid())

        def exit_when_parent_goes():
            sys.stdin.read()
            os._exit(0)

        threading.Thread(target=exit_when_parent_goes, daemon=True).start()
        time.sleep(max_seconds)
        os._exit(0)

    main()
    """#
}
