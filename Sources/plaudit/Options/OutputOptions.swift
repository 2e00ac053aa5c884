import ArgumentParser

/// Where a job writes its results, and whether it shows progress.
struct OutputOptions: ParsableArguments {
    @Option(help: "Folder for the results: results.json, report.md and report.html, and the data files the job writes.")
    var out = "results"

    @Flag(help: "No progress output.")
    var quiet = false
}
