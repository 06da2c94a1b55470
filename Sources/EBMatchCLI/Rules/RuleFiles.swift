import EBMatch
import Foundation

/// Reads the named rules of `ebmatch match --rules PATH`: a folder of pattern files, or one JSON file
/// holding an object of patterns.
enum RuleFiles {
    /// A rule that could not be compiled, or a file that could not be read.
    struct Problem: Error {
        /// The file.
        var file: String
        /// The rule's name, when the file holds several.
        var rule: String?
        /// The pattern error, when there is one.
        var error: EBMatchError?
        /// Otherwise, what is wrong.
        var message: String
    }

    /// The rules at `path`, in name order for a folder and in document order for an object file.
    static func load(_ path: String, limits: PatternLimits) -> Result<RuleSet, Problem> {
        var directory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &directory) else {
            return .failure(Problem(file: path, message: "No such file or directory"))
        }
        return directory.boolValue ? folder(path, limits: limits) : objectFile(path, limits: limits)
    }

    /// Every `*.json` pattern file under a folder; a rule's name is its path below the folder without
    /// `.json`. Files that are plainly events, suite manifests and suites' event folders are passed over
    /// (a folder of `ebmatch test` suites is a folder of rules).
    private static func folder(_ path: String, limits: PatternLimits) -> Result<RuleSet, Problem> {
        guard let walker = FileManager.default.enumerator(atPath: (path as NSString).resolvingSymlinksInPath) else {
            return .failure(Problem(file: path, message: "cannot read this folder"))
        }
        var names: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let isDirectory = walker.fileAttributes?[.type] as? FileAttributeType == .typeDirectory
            if name.hasPrefix(".") || (isDirectory && (name == "match" || name == "no-match" || name == "node_modules")) {
                if isDirectory { walker.skipDescendants() }
                continue
            }
            if !isDirectory, name.hasSuffix(".json"), !name.hasSuffix(".suite.json") { names.append(relative) }
        }
        if names.isEmpty {
            return .failure(Problem(file: path, message: "no rules in this folder (no *.json pattern file)"))
        }
        var rules: [(String, EventPattern)] = []
        for relative in names.sorted() {
            let file = RuleSuite.join(path, relative)
            let bytes: [UInt8]
            switch InputFile.read(file, as: .pattern, readStandardInput: { [] }) {
            case .success(let read): bytes = read.bytes
            case .failure(let error): return .failure(Problem(file: file, message: error.reason))
            }
            if let root = try? JSONValue.parse(utf8: bytes, ignoringTrailingContent: true), DocumentKind.isEvent(root) {
                continue
            }
            do {
                rules.append((String(relative.dropLast(".json".count)), try EventPattern(utf8: bytes, limits: limits)))
            } catch {
                return .failure(Problem(file: file, error: error, message: error.firstLine))
            }
        }
        return .success(RuleSet(rules))
    }

    /// The top-level fields of an EventBridge event: a file using them as keys is a pattern.
    static let envelopeFields: Set<String> = [
        "version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail",
    ]

    /// A JSON object `{"name": pattern, ...}`; a pattern may also be given as a string of JSON. A file
    /// that is itself one pattern is one rule, named after the file.
    private static func objectFile(_ path: String, limits: PatternLimits) -> Result<RuleSet, Problem> {
        let bytes: [UInt8]
        switch InputFile.read(path, as: .validation, readStandardInput: { [] }) {
        case .success(let read): bytes = read.bytes
        case .failure(let error): return .failure(Problem(file: path, message: error.reason))
        }
        let root: JSONValue
        do {
            root = try JSONValue.parse(utf8: bytes)
        } catch {
            return .failure(Problem(file: "\(path):\(error.line):\(error.column)", message: "not valid JSON: \(error.firstLine)"))
        }
        guard let members = root.members else {
            return .failure(Problem(file: path, message: #"a rules file is a JSON object: {"rule-name": pattern, ...}"#))
        }
        // A pattern has lists among its top-level values, or an event's envelope fields as keys; a rules
        // object does not: then the file is one rule, named after the file.
        if members.contains(where: { $0.value.elements != nil || Self.envelopeFields.contains($0.name) }) {
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            do {
                return .success(RuleSet([(name, try EventPattern(utf8: bytes, name: name, limits: limits))]))
            } catch {
                return .failure(Problem(file: path, error: error, message: error.firstLine))
            }
        }
        var rules: [(String, EventPattern)] = []
        for member in members {
            let text = member.value.string.map { Array($0.utf8) } ?? Array(bytes[member.value.range])
            do {
                rules.append((member.name, try EventPattern(utf8: text, name: member.name, limits: limits)))
            } catch {
                // A pattern written in place: its positions are the file's, from where it starts.
                let placed = member.value.string == nil ? error.relocated(into: bytes, at: member.value.range.lowerBound) : error
                return .failure(Problem(file: path, rule: member.name, error: placed, message: error.firstLine))
            }
        }
        return .success(RuleSet(rules))
    }
}
