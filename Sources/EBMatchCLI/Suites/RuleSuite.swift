import EBMatch
import Foundation

/// A rule test suite: one pattern, and event files whose events must match it or must not.
///
/// Two layouts:
/// - **A folder** holding `pattern.json`, with the events that must match under `match/` and those that
///   must not under `no-match/` (files `*.json`, `*.jsonl` or `*.ndjson`, each holding one event, a JSON
///   array of events, or JSON Lines).
/// - **A manifest** `NAME.suite.json`, for events kept elsewhere:
///   `{"pattern": "filter.json", "match": ["events/e02.json"], "no-match": ["events/"]}`. Paths are
///   relative to the manifest; a folder stands for its event files, and in `no-match` for those of its
///   files that `match` does not name (so "everything else in `events/`" is one entry).
struct RuleSuite: Sendable {
    /// The suite's name in reports: the folder or manifest path as found.
    var name: String
    /// The pattern file.
    var patternPath: String
    /// Event files with whether their events must match.
    var expectations: [(file: String, mustMatch: Bool)] = []
    /// Why the suite cannot be run (a malformed manifest, say), with the file it concerns.
    var problem: (file: String, message: String)?
    /// Whether a manifest describes the suite (rather than a folder), for advice on adding events.
    var isManifest = false

    /// Event files are recognised by these endings.
    static let eventFileEndings = [".json", ".jsonl", ".ndjson"]
    /// The keys a manifest may have.
    static let manifestKeys: Set<String> = ["name", "pattern", "match", "no-match"]

    /// The suite of a folder holding `pattern.json`.
    static func folder(_ path: String) -> RuleSuite {
        var suite = RuleSuite(name: path, patternPath: join(path, "pattern.json"))
        suite.expectations = eventFiles(in: join(path, "match")).map { ($0, true) }
            + eventFiles(in: join(path, "no-match")).map { ($0, false) }
        return suite
    }

    /// The suite a manifest describes.
    static func manifest(_ path: String) -> RuleSuite {
        var suite = RuleSuite(name: path, patternPath: "", isManifest: true)
        guard let data = FileManager.default.contents(atPath: path) else {
            suite.problem = (path, "cannot read the manifest")
            return suite
        }
        let root: JSONValue
        do {
            root = try JSONValue.parse(utf8: Array(data))
        } catch {
            suite.problem = (path, "\(error.line):\(error.column): not valid JSON: \(error.firstLine)")
            return suite
        }
        guard let members = root.members else {
            suite.problem = (path, #"a manifest is a JSON object: {"pattern": …, "match": […], "no-match": […]}"#)
            return suite
        }
        let base = (path as NSString).deletingLastPathComponent
        for member in members where !manifestKeys.contains(member.name) {
            suite.problem = (path, "unknown key \"\(member.name)\" (expected pattern, match, no-match or name)")
            return suite
        }
        if let name = root["name"]?.string { suite.name = name }
        guard let pattern = root["pattern"]?.string else {
            suite.problem = (path, #""pattern" must name the pattern file (a string)"#)
            return suite
        }
        suite.patternPath = join(base, pattern)
        var lists: [String: [String]] = [:]
        for key in ["match", "no-match"] {
            guard let value = root[key] else { continue }
            guard let elements = value.elements, elements.allSatisfy({ $0.string != nil }) else {
                suite.problem = (path, "\"\(key)\" must be a list of event files or folders (strings)")
                return suite
            }
            lists[key] = elements.compactMap(\.string).map { join(base, $0) }
        }
        var named: Set<String> = []
        for entry in lists["match"] ?? [] {
            for file in files(entry) {
                named.insert(standardized(file))
                suite.expectations.append((file, true))
            }
        }
        for entry in lists["no-match"] ?? [] {
            let isFolder = isDirectory(entry)
            if !isFolder && named.contains(standardized(entry)) {
                suite.problem = (path, "\"\(entry)\" is listed under both match and no-match")
                return suite
            }
            for file in files(entry) where !(isFolder && named.contains(standardized(file))) {
                suite.expectations.append((file, false))
            }
        }
        return suite
    }

    /// A file, or the event files of a folder (sorted); a missing path stays, to be reported when read.
    private static func files(_ path: String) -> [String] {
        isDirectory(path) ? eventFiles(in: path) : [path]
    }

    /// The event files under a folder, recursively, sorted; none when it does not exist.
    static func eventFiles(in folder: String) -> [String] {
        guard isDirectory(folder), let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            if eventFileEndings.contains(where: name.hasSuffix), !isDirectory(join(folder, relative)) {
                files.append(join(folder, relative))
            }
        }
        return files.sorted()
    }

    static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    private static func standardized(_ path: String) -> String { (path as NSString).standardizingPath }

    /// `folder/name`, without doubling a slash.
    static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        if name.hasPrefix("/") { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
