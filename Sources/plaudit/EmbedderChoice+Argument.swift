public import ArgumentParser
public import PlauditBackends

/// Lets `--embedder` take `auto`, `minilm` or `lexical`.
extension EmbedderChoice: ExpressibleByArgument {}
