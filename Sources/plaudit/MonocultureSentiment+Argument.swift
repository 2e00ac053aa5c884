public import ArgumentParser
public import PlauditAudits

/// Lets `--sentiment` take auto, labels, vader, classifier or judge.
extension MonocultureRequest.Sentiment: ExpressibleByArgument {}
