public import ArgumentParser
public import PlauditAudits

/// Lets `--belief` take `none`, `neutral`, `incorrect` or `denies-correct`.
extension SycophancyBelief: ExpressibleByArgument {}
