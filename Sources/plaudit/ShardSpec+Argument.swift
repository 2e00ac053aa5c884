public import ArgumentParser
public import PlauditAudits

/// Lets `--shard` take `i/n`.
extension ShardSpec: ExpressibleByArgument {}
