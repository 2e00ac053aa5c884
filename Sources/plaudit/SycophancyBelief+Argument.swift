public import ArgumentParser
public import PlauditCore

/// Lets `--belief` take `none`, `neutral`, `incorrect` or `denies-correct`.
extension SycophancyBelief: ExpressibleByArgument {}
