public import ArgumentParser
public import PlauditAudits

/// Lets `--clustering` take `agglomerative`, `kmeans` or `labels`.
extension CalibrationRequest.Clustering: ExpressibleByArgument {}
