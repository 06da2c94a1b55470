import Foundation

/// Turns the PATH arguments of `ebmatch validate` into the files to check.
///
/// A file named on the command line is always checked (a suite manifest is then passed over by
/// `PatternChecker`, by its name). A folder is walked recursively, in name order,
/// for `*.json` files, passing over hidden entries, `node_modules`, the JSON files that tools keep
/// next to templates (`package.json`, `tsconfig.json`, `cdk.json`, a CDK cloud assembly's
/// `manifest.json`, `tree.json` and `*.assets.json`), and the events of `ebmatch test` suites (their
/// `*.suite.json` manifests, and the `match/` and `no-match/` folders beside a suite's `pattern.json`).
enum ValidationInputs {
    /// What one argument, or one file of a folder, stands for.
    enum Entry: Equatable {
        /// A file to check (`-` for standard input); `explicit` when the command line named it, rather
        /// than a folder walk finding it.
        case file(path: String, explicit: Bool)
        /// An argument that names nothing to check, with the reason.
        case problem(path: String, reason: String)
    }

    /// The most files one folder walk takes; a walk of a whole disk by mistake stops there.
    static let maxFilesPerFolder = 100_000

    /// Folders a walk never enters.
    static let ignoredFolders: Set<String> = ["node_modules"]
    /// JSON files of build tools that a walk passes over.
    static let ignoredFiles: Set<String> = [
        "package.json", "package-lock.json", "tsconfig.json", "cdk.json", "cdk.context.json", "manifest.json",
        "tree.json", "composer.json", "renovate.json",
    ]

    /// Expands the arguments, in order.
    static func expand(_ paths: [String]) -> [Entry] {
        var expansion: [Entry] = []
        let manager = FileManager.default
        // A file named twice, or named and inside a named folder, is checked once.
        var seen: Set<String> = []
        func firstTime(_ path: String) -> Bool {
            path == CommandLineArguments.standardInputName || seen.insert((path as NSString).standardizingPath).inserted
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard path != CommandLineArguments.standardInputName,
                manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                if firstTime(path) { expansion.append(.file(path: path, explicit: true)) }
                continue
            }
            let walked = walk(path)
            if walked.files.isEmpty && walked.problems.isEmpty {
                expansion.append(
                    .problem(path: path, reason: "no pattern files in this folder (no *.json besides build tools' files)"))
            }
            expansion += walked.problems.map { .problem(path: $0.path, reason: $0.reason) }
            expansion += walked.files.filter(firstTime).map { .file(path: $0, explicit: false) }
        }
        return expansion
    }

    /// Whether a folder holds a test suite's events: `match/` or `no-match/` beside a `pattern.json`.
    private static func isSuiteEvents(_ folder: String) -> Bool {
        let name = (folder as NSString).lastPathComponent
        guard name == "match" || name == "no-match" else { return false }
        let suite = (folder as NSString).deletingLastPathComponent
        return FileManager.default.fileExists(atPath: (suite as NSString).appendingPathComponent("pattern.json"))
    }

    /// The `*.json` files under a folder (a symbolic link to a folder is followed at the top), sorted by
    /// path, and the folders that could not be read. Only regular files are taken: a FIFO or a device
    /// would block or never end.
    private static func walk(_ folder: String) -> (files: [String], problems: [(path: String, reason: String)]) {
        let manager = FileManager.default
        let resolved = (folder as NSString).resolvingSymlinksInPath
        guard let walker = manager.enumerator(atPath: resolved) else {
            return ([], [(folder, "cannot read this folder")])
        }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        var files: [String] = []
        var problems: [(path: String, reason: String)] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let type = walker.fileAttributes?[.type] as? FileAttributeType
            let isDirectory = type == .typeDirectory
            if name.hasPrefix(".") || (isDirectory && (ignoredFolders.contains(name) || isSuiteEvents(base + relative))) {
                if isDirectory { walker.skipDescendants() }
                continue
            }
            if isDirectory {
                // The walker passes over a folder it cannot list without a word: say so.
                if !manager.isReadableFile(atPath: base + relative) || !manager.isExecutableFile(atPath: base + relative) {
                    problems.append((base + relative, "cannot read this folder (Permission denied)"))
                    walker.skipDescendants()
                }
                continue
            }
            guard name.hasSuffix(".json"), !ignoredFiles.contains(name), !name.hasSuffix(".assets.json"),
                !name.hasSuffix(".suite.json")
            else { continue }
            guard type == .typeRegular || (type == .typeSymbolicLink && isRegularFile(base + relative)) else {
                problems.append((base + relative, "not a regular file (a FIFO, socket or device is not read)"))
                continue
            }
            if files.count == maxFilesPerFolder {
                problems.append((folder, "more than \(maxFilesPerFolder) pattern files: the walk stopped there; "
                    + "name the folders to check"))
                break
            }
            files.append(base + relative)
        }
        return (files.sorted(), problems)
    }

    /// Whether `path` leads (through links) to a regular file.
    private static func isRegularFile(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
    }
}
