import Foundation
import Testing

/// Every shell example in README.md and docs/*.md, run with the built binary.
///
/// The convention, which the pages state at the end of the README's "Where to read on":
///
/// - Examples are fenced ```` ```sh ```` blocks. A logical line (`\` continues it) that starts
///   with `plaudit ` or `swift run plaudit ` is a command; it runs with the built binary (never
///   through `swift run`, which would build again) in a scratch copy of `fixtures/` and
///   `rubrics/`, with `../shared` pointing at the real `../shared`. A command must exit with 0,
///   or with N when its comment starts with `# exit N`. `> FILE` writes its standard output to
///   FILE. `NAME=value` lines set variables that later commands use as `$NAME` or `${NAME}`.
///   Blank lines and `#` comments are allowed; anything else in an `sh` block is an error, so no
///   example can slip past the test by being written some other way.
/// - `<!-- doc-test: file NAME -->` on the line before a fenced block (of any language) writes the
///   block to NAME in the page's working folder when the page's examples reach it. In such a file
///   `http://localhost:8000` is replaced by a fake vLLM reward model on 127.0.0.1
///   (``FakeRewardServer``), started on first use and stopped at the end.
/// - `<!-- doc-test: skip (why) -->` before an `sh` block skips its commands; at most
///   ``maximumSkipped`` commands in all may be skipped so.
/// - A command that names a local model (`--local-…`, `--install-assets`, `--embedder minilm`,
///   `plaudit sentiment`, `plaudit assets`, or a suite that uses `local-` scorers) runs only when
///   the models are installed, or when `PLAUDIT_REQUIRE_LOCAL_MODEL=1` (CI) requires them. A
///   command that reads what such a skipped command wrote (a path under its `--out` or its
///   `> FILE`) is skipped with it.
///
/// Two commands are run by other tests and not here: the README's first command, the 3–4 minute
/// demo, which `BrowserReportTests` ("the README demo's report") runs with the same arguments
/// plus `--quiet`, and
/// `bash .ci/run`, which is the whole test suite, this test included.
///
/// Each page runs in its own folder, in page order; the pages share one response cache (their
/// `.plaudit` folders are one folder), so the small local-model examples that several pages show
/// ask the model once.
@Suite("Every example in the README and in docs/ runs", .serialized)
struct DocumentationExampleTests {
    /// Commands skipped by a `doc-test: skip` marker, in all pages together.
    static let maximumSkipped = 3

    /// Commands another test runs as written.
    static let coveredElsewhere: [String: String] = [
        "swift run plaudit audit fixtures/open-ended --local-judge --local-perplexity --install-assets":
            "the demo (3-4 minutes): BrowserReportTests runs it, adding only --quiet",
        "bash .ci/run": "the whole test suite as CI runs it, this test included",
        "swift run plaudit audit fixtures/open-ended --local-judge --local-perplexity --fail-on UNDER-REWARDS,BLIND  # exit 1":
            "the demo again as a gate: BrowserReportTests runs it after the demo, from the cache, and expects exit 1",
    ]

    static let fakeServerURL = "http://localhost:8000"

    // MARK: - The pages

    struct Page {
        var path: String
        var text: String
    }

    static var pages: [Page] {
        get throws {
            let root = CommandRunner.repositoryRoot
            let docs = root.appendingPathComponent("docs")
            let names = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.sorted()
            return try (["README.md"] + names.map { "docs/\($0)" }).map { path in
                Page(path: path, text: try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
            }
        }
    }

    // MARK: - Parsing

    struct Command {
        var arguments: [String]
        var expectedStatus: Int32
        var stdoutFile: String?
        var text: String
    }

    enum Step {
        case command(Command, line: Int)
        case write(name: String, contents: String, line: Int)
        case skipped(String, line: Int, reason: String)
        case coveredElsewhere(String, line: Int)
    }

    struct ParseError: Error, CustomStringConvertible {
        var page: String
        var line: Int
        var message: String
        var description: String { "\(page):\(line): \(message)" }
    }

    static let commandPrefixes = ["plaudit ", "swift run plaudit "]
    static func isCommand(_ line: String) -> Bool {
        commandPrefixes.contains { line.hasPrefix($0) }
    }

    static let otherShellFences: Set<String> = ["bash", "shell", "console", "zsh", "shell-session", "sh-session"]

    /// The page's steps in order, or the first thing that breaks the convention.
    static func steps(of page: Page) throws -> [Step] {
        let lines = page.text.components(separatedBy: "\n")
        var steps: [Step] = []
        var variables: [String: String] = [:]
        var index = 0
        var pendingMarker: (directive: String, line: Int)?
        func fail(_ line: Int, _ message: String) -> ParseError { ParseError(page: page.path, line: line, message: message) }

        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let marker = Self.marker(in: trimmed) {
                pendingMarker = (marker, index + 1)
                index += 1
                continue
            }
            guard trimmed.hasPrefix("```") else {
                if let marker = pendingMarker, !trimmed.isEmpty {
                    throw fail(marker.line, "a doc-test marker must come right before a fenced block")
                }
                index += 1
                continue
            }
            // A fenced block: collect it.
            let language = String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespaces)
            let opening = index + 1
            var body: [String] = []
            index += 1
            while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                body.append(lines[index])
                index += 1
            }
            guard index < lines.count else { throw fail(opening, "unclosed fenced block") }
            index += 1
            let marker = pendingMarker
            pendingMarker = nil

            if Self.otherShellFences.contains(language) {
                throw fail(opening, "shell examples are ```sh blocks (this one is ```\(language), which the test would not run)")
            }
            if language != "sh" {
                for (offset, text) in body.enumerated() where Self.isCommand(text.trimmingCharacters(in: .whitespaces)) {
                    throw fail(opening + 1 + offset, "a plaudit command outside an ```sh block is never run: put it in an sh block or in inline code")
                }
                if let marker {
                    guard marker.directive.hasPrefix("file ") else { throw fail(marker.line, "only `file NAME` applies to a ```\(language) block") }
                    let name = String(marker.directive.dropFirst("file ".count)).trimmingCharacters(in: .whitespaces)
                    guard !name.isEmpty, !name.hasPrefix("/"), !name.split(separator: "/").contains("..") else {
                        throw fail(marker.line, "`file` needs a relative file name inside the working folder")
                    }
                    steps.append(.write(name: name, contents: body.joined(separator: "\n") + "\n", line: marker.line))
                }
                continue
            }

            var skipReason: String?
            if let marker {
                guard marker.directive.hasPrefix("skip (") && marker.directive.hasSuffix(")") else {
                    throw fail(marker.line, "an ```sh block takes only `<!-- doc-test: skip (why) -->`")
                }
                skipReason = String(marker.directive.dropFirst("skip (".count).dropLast())
            }
            // Join continuation lines, remembering where each logical line starts.
            var logical: [(text: String, line: Int)] = []
            var current: (text: String, line: Int)?
            for (offset, raw) in body.enumerated() {
                let number = opening + 1 + offset
                var piece = raw
                let continues = piece.hasSuffix("\\")
                if continues { piece.removeLast() }
                if var open = current {
                    open.text += " " + piece.trimmingCharacters(in: .whitespaces)
                    current = open
                } else {
                    current = (piece.trimmingCharacters(in: .whitespaces), number)
                }
                if !continues, let done = current {
                    logical.append(done)
                    current = nil
                }
            }
            if let open = current { throw fail(open.line, "a continued line ends the block") }

            for (text, number) in logical {
                if text.isEmpty || text.hasPrefix("#") { continue }
                if page.path == "README.md", Self.coveredElsewhere[text] != nil {
                    steps.append(.coveredElsewhere(text, line: number))
                    continue
                }
                if let match = text.wholeMatch(of: /([A-Za-z_][A-Za-z0-9_]*)=(\S*)/) {
                    variables[String(match.1)] = try Self.words(String(match.2), variables: variables, page: page.path, line: number).words.first ?? ""
                    continue
                }
                guard let prefix = Self.commandPrefixes.first(where: { text.hasPrefix($0) }) else {
                    throw fail(number, "not a plaudit command: `\(text)` (sh blocks hold only commands that the test can run)")
                }
                let parsed = try Self.words(String(text.dropFirst(prefix.count)), variables: variables, page: page.path, line: number)
                guard !parsed.words.isEmpty else { throw fail(number, "a plaudit command without arguments") }
                var status: Int32 = 0
                if let comment = parsed.comment, let match = comment.firstMatch(of: /^#\s*exit\s+(\d+)/) {
                    status = Int32(match.1)!
                }
                let command = Command(arguments: parsed.words, expectedStatus: status, stdoutFile: parsed.stdoutFile, text: text)
                if let skipReason {
                    steps.append(.skipped(text, line: number, reason: skipReason))
                } else {
                    steps.append(.command(command, line: number))
                }
            }
        }
        if let marker = pendingMarker { throw ParseError(page: page.path, line: marker.line, message: "a doc-test marker must come right before a fenced block") }
        return steps
    }

    /// The directive of a `<!-- doc-test: … -->` line.
    static func marker(in line: String) -> String? {
        guard let match = line.wholeMatch(of: /<!--\s*doc-test:\s*(.*?)\s*-->/) else { return nil }
        return String(match.1)
    }

    /// Splits a command line as a POSIX shell would for the forms the pages use: blanks separate
    /// words; single quotes keep everything, double quotes keep all but `$` expansion; `\` escapes
    /// the next character outside single quotes; `$NAME` and `${NAME}` expand; a word starting
    /// with `#` starts the comment; `> FILE` redirects standard output. Pipes, `;`, `&`, `<` and
    /// unknown variables are errors.
    static func words(_ line: String, variables: [String: String], page: String, line number: Int) throws -> (words: [String], comment: String?, stdoutFile: String?) {
        func fail(_ message: String) -> ParseError { ParseError(page: page, line: number, message: message) }
        var words: [String] = []
        var word = ""
        var inWord = false
        var characters = Array(line)[...]
        var redirectNext = false
        var stdoutFile: String?

        func finish() throws {
            guard inWord else { return }
            if redirectNext {
                stdoutFile = word
                redirectNext = false
            } else {
                words.append(word)
            }
            word = ""
            inWord = false
        }
        func expand() throws {
            var name = ""
            if characters.first == "{" {
                characters.removeFirst()
                while let c = characters.first, c != "}" { name.append(c); characters.removeFirst() }
                guard characters.first == "}" else { throw fail("unclosed ${") }
                characters.removeFirst()
            } else {
                while let c = characters.first, c.isLetter || c.isNumber || c == "_" { name.append(c); characters.removeFirst() }
            }
            guard let value = variables[name] else { throw fail("$\(name) is not set earlier on the page") }
            word += value
            inWord = true
        }

        while let c = characters.popFirst() {
            switch c {
            case " ", "\t":
                try finish()
            case "#" where !inWord:
                try finish()
                guard !redirectNext else { throw fail("`>` without a file") }
                return (words, "#" + String(characters), stdoutFile)
            case "'":
                inWord = true
                while let d = characters.popFirst(), d != "'" { word.append(d) }
            case "\"":
                inWord = true
                while let d = characters.popFirst(), d != "\"" {
                    if d == "\\", let e = characters.popFirst() { word.append(e) } else if d == "$" { try expand() } else { word.append(d) }
                }
            case "\\":
                if let d = characters.popFirst() { word.append(d); inWord = true }
            case "$":
                try expand()
            case ">":
                try finish()
                guard !redirectNext, stdoutFile == nil else { throw fail("more than one `>`") }
                redirectNext = true
            case "|", ";", "&", "<", "`":
                throw fail("`\(c)` is not supported in examples: write one plaudit command per line")
            default:
                word.append(c)
                inWord = true
            }
        }
        try finish()
        guard !redirectNext else { throw fail("`>` without a file") }
        return (words, nil, stdoutFile)
    }

    // MARK: - What a command needs

    static var hasLocalModels: Bool {
        SuiteLocalModelTests.hasLocalModel && TextCommandTests.hasTextModels
    }

    /// Whether the command needs the local models (llama.cpp with SmolLM2, MiniLM, VADER).
    static func needsLocalModels(_ arguments: [String], in directory: URL) -> Bool {
        if arguments.contains(where: { $0.hasPrefix("--local-") }) || arguments.contains("--install-assets") { return true }
        if ["assets", "sentiment"].contains(arguments[0]) { return true }
        for (i, argument) in arguments.enumerated() {
            if argument == "--embedder=minilm" || (argument == "--embedder" && arguments.indices.contains(i + 1) && arguments[i + 1] == "minilm") { return true }
        }
        if arguments[0] == "test", arguments.count > 1,
           let suite = try? String(contentsOf: directory.appendingPathComponent(arguments[1]), encoding: .utf8) {
            return suite.contains("local-")
        }
        return false
    }

    /// What the command writes: its `--out` (a folder or file) and its `> FILE`.
    static func outputs(of command: Command) -> [String] {
        var paths = command.stdoutFile.map { [$0] } ?? []
        for (i, argument) in command.arguments.enumerated() {
            if argument == "--out", command.arguments.indices.contains(i + 1) { paths.append(command.arguments[i + 1]) }
            if argument.hasPrefix("--out=") { paths.append(String(argument.dropFirst("--out=".count))) }
        }
        return paths.map(normalised)
    }

    static func normalised(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        while path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// Whether an argument names `path` or something under it (also after `NAME=`).
    static func reads(_ argument: String, _ path: String) -> Bool {
        let candidates = [argument] + (argument.firstIndex(of: "=").map { [String(argument[argument.index(after: $0)...])] } ?? [])
        return candidates.map(normalised).contains { $0 == path || $0.hasPrefix(path + "/") }
    }

    // MARK: - Tests

    @Test("the pages follow the example convention: sh blocks hold only runnable commands, markers sit on blocks, few skips")
    func convention() throws {
        var skipped = 0
        var commands = 0
        var covered = 0
        for page in try Self.pages {
            for step in try Self.steps(of: page) {
                switch step {
                case .command: commands += 1
                case .skipped: skipped += 1
                case .coveredElsewhere: covered += 1
                case .write: break
                }
            }
        }
        #expect(skipped <= Self.maximumSkipped, "\(skipped) commands skipped by markers; at most \(Self.maximumSkipped) may be")
        #expect(covered == Self.coveredElsewhere.count, "the README's demo and `bash .ci/run` must stay as they are")
        #expect(commands >= 30, "only \(commands) example commands found: is the convention still followed?")
    }

    @Test("stray shell lines, other shell fences, commands outside sh blocks and loose markers are refused")
    func parserRefusals() throws {
        let stray = Page(path: "x.md", text: "```sh\nplaudit audit x.jsonl\nrm -rf results\n```\n")
        #expect(throws: ParseError.self) { try Self.steps(of: stray) }
        let bash = Page(path: "x.md", text: "```bash\nplaudit audit x.jsonl\n```\n")
        #expect(throws: ParseError.self) { try Self.steps(of: bash) }
        let hidden = Page(path: "x.md", text: "```\nplaudit audit x.jsonl\n```\n")
        #expect(throws: ParseError.self) { try Self.steps(of: hidden) }
        let loose = Page(path: "x.md", text: "<!-- doc-test: file a.yaml -->\n\ntext\n```yaml\na: 1\n```\n")
        #expect(throws: ParseError.self) { try Self.steps(of: loose) }
        let good = Page(
            path: "x.md",
            text: "<!-- doc-test: file a.yaml -->\n```yaml\nurls: [http://localhost:8000]\n```\n\n```sh\nD=fixtures\nplaudit audit $D/x.jsonl \\\n  --out 'r s'   # exit 2: why\nswift run plaudit embed \"${D}/y\" > v.jsonl\n```\n"
        )
        let steps = try Self.steps(of: good)
        #expect(steps.count == 3)
        guard case .command(let first, line: 8) = steps[1], case .command(let second, line: 10) = steps[2] else {
            Issue.record("\(steps)")
            return
        }
        #expect(first.arguments == ["audit", "fixtures/x.jsonl", "--out", "r s"])
        #expect(first.expectedStatus == 2)
        #expect(second.arguments == ["embed", "fixtures/y"])
        #expect(second.stdoutFile == "v.jsonl")
    }

    @Test("every relative link in the README and in docs/ leads to a file, and every #anchor to a heading")
    func links() throws {
        let root = CommandRunner.repositoryRoot
        for page in try Self.pages {
            var inFence = false
            for (offset, line) in page.text.components(separatedBy: "\n").enumerated() {
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") { inFence.toggle() }
                if inFence { continue }
                for match in line.matches(of: /\]\(([^)\s]+)\)/) {
                    let target = String(match.1)
                    if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") { continue }
                    let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                    let base = root.appendingPathComponent(page.path).deletingLastPathComponent()
                    let file = parts[0].isEmpty ? root.appendingPathComponent(page.path) : base.appendingPathComponent(parts[0]).standardizedFileURL
                    let place = "\(page.path):\(offset + 1): \(target)"
                    guard FileManager.default.fileExists(atPath: file.path) else {
                        Issue.record("\(place): no such file")
                        continue
                    }
                    if parts.count == 2, file.pathExtension == "md" {
                        let headings = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
                            .filter { $0.hasPrefix("#") }.map(Self.slug)
                        #expect(headings.contains(parts[1]), "\(place): no heading with this anchor")
                    }
                }
            }
        }
    }

    /// GitHub's anchor for a Markdown heading.
    static func slug(_ heading: String) -> String {
        let text = heading.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces).lowercased()
        return String(text.compactMap { c -> Character? in
            if c == " " { return "-" }
            return c.isLetter || c.isNumber || c == "-" || c == "_" ? c : nil
        })
    }

    @Test("every sh example in the README and in docs/ exits as documented",
          .timeLimit(.minutes(25)))
    func examples() async throws {
        let root = CommandRunner.repositoryRoot
        let scratch = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
        if FileManager.default.fileExists(atPath: shared.path) {
            try FileManager.default.createSymbolicLink(at: scratch.appendingPathComponent("shared"), withDestinationURL: shared)
        }
        let cacheHome = scratch.appendingPathComponent("plaudit-home")
        try FileManager.default.createDirectory(at: cacheHome, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["PLAUDIT_ASSETS"] = TextCommandTests.assets.path
        let models = Self.hasLocalModels || TextCommandTests.required

        var server: FakeRewardServer?
        var ran = 0
        var withoutModels: [String] = []
        let clock = ContinuousClock()
        let start = clock.now
        do {
            for page in try Self.pages {
                let directory = scratch.appendingPathComponent(page.path.replacingOccurrences(of: "/", with: "-"))
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                for folder in ["fixtures", "rubrics"] {
                    try FileManager.default.copyItem(at: root.appendingPathComponent(folder), to: directory.appendingPathComponent(folder))
                }
                try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent(".plaudit"), withDestinationURL: cacheHome)
                var unavailable: [String] = []  // outputs of commands skipped for want of the models
                for step in try Self.steps(of: page) {
                    switch step {
                    case .write(let name, var contents, _):
                        if contents.contains(Self.fakeServerURL) {
                            if server == nil { server = try await FakeRewardServer.start() }
                            contents = contents.replacingOccurrences(of: Self.fakeServerURL, with: server!.baseURL)
                        }
                        let file = directory.appendingPathComponent(name)
                        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                        try Data(contents.utf8).write(to: file)
                    case .skipped, .coveredElsewhere:
                        break
                    case .command(let command, let line):
                        let place = "\(page.path):\(line)"
                        let dependsOnSkipped = command.arguments.contains { argument in unavailable.contains { Self.reads(argument, $0) } }
                        if dependsOnSkipped || (!models && Self.needsLocalModels(command.arguments, in: directory)) {
                            unavailable += Self.outputs(of: command)
                            withoutModels.append(place)
                            continue
                        }
                        let began = clock.now
                        // The longest example (the README's from prompts on the local model) runs beside every
                        // other local-model test in CI, where SmolLM2 answers 4–5 times slower than alone.
                        let result = try await CommandRunner.runOffPool(command.arguments, in: directory, environment: environment, timeout: 900)
                        ran += 1
                        print("doc example \(place): exit \(result.status) in \(clock.now - began): plaudit \(command.arguments.joined(separator: " "))")
                        #expect(
                            result.status == command.expectedStatus,
                            "\(place): `\(command.text)` exited with \(result.status), documented \(command.expectedStatus)\nstderr: \(result.stderr.suffix(2_000))"
                        )
                        if let file = command.stdoutFile {
                            try Data(result.stdout.utf8).write(to: directory.appendingPathComponent(file))
                        }
                    }
                }
            }
        } catch {
            try await server?.stop()
            throw error
        }
        try await server?.stop()
        print("doc examples: \(ran) run in \(clock.now - start); \(withoutModels.count) left out without the local models: \(withoutModels.joined(separator: ", "))")
        #expect(ran > 0)
    }
}
