import Foundation

/// Finds the rule test suites under the PATH arguments of `ebmatch test`: folders holding
/// `pattern.json` and `*.suite.json` manifests, walked recursively in path order (hidden entries and
/// `node_modules` passed over, and links to folders not followed inside a walk; a suite folder's own
/// subfolders are its events, not more suites).
enum SuiteDiscovery {
    /// What the arguments hold: suites, and arguments that hold none, with the reason.
    struct Found {
        var suites: [RuleSuite] = []
        var problems: [(path: String, message: String)] = []
    }

    /// The suites under every path, in order.
    static func suites(under paths: [String]) -> Found {
        var found = Found()
        var seen: Set<String> = []
        func add(_ suite: RuleSuite) {
            if seen.insert((suite.name as NSString).standardizingPath).inserted { found.suites.append(suite) }
        }
        for path in paths {
            if path.hasSuffix(".suite.json") && !RuleSuite.isDirectory(path) {
                add(FileManager.default.fileExists(atPath: path) ? .manifest(path) : missing(path))
                continue
            }
            guard RuleSuite.isDirectory(path) else {
                let reason = FileManager.default.fileExists(atPath: path)
                    ? "not a suite: give a folder holding pattern.json, or a *.suite.json manifest"
                    : "No such file or directory"
                found.problems.append((path, reason))
                continue
            }
            let before = found.suites.count
            walk(path, into: add)
            if found.suites.count == before {
                found.problems.append((path, "no suites here (no folder with pattern.json, no *.suite.json)"))
            }
        }
        return found
    }

    private static func missing(_ path: String) -> RuleSuite {
        var suite = RuleSuite(name: path, patternPath: "")
        suite.problem = (path, "No such file or directory")
        return suite
    }

    /// Walks a folder without recursion, depth first in name order.
    private static func walk(_ root: String, into add: (RuleSuite) -> Void) {
        var pending = [root]
        while let folder = pending.popLast() {
            if FileManager.default.fileExists(atPath: RuleSuite.join(folder, "pattern.json")) {
                add(.folder(folder))
                continue
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            var subfolders: [String] = []
            for name in names where !name.hasPrefix(".") && name != "node_modules" {
                let path = RuleSuite.join(folder, name)
                // Symbolic links to folders are not followed inside a walk: a link to `.` would loop.
                let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
                if type == .typeSymbolicLink && RuleSuite.isDirectory(path) { continue }
                if RuleSuite.isDirectory(path) {
                    subfolders.append(path)
                } else if name.hasSuffix(".suite.json") {
                    add(.manifest(path))
                }
            }
            pending += subfolders.reversed()
        }
    }
}
