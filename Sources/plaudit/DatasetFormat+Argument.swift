public import ArgumentParser
public import PlauditCore

/// Lets `--format` take `auto`, `grouped` or `infinity-chat`.
extension DatasetFormat: ExpressibleByArgument {}
