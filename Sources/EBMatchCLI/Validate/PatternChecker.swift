import EBMatch

/// Checks one file for `ebmatch validate`: decides what it holds (a pattern, a CloudFormation template,
/// Terraform JSON, or something else), finds its patterns and validates each.
struct PatternChecker {
    /// Where plain pattern files will be used.
    var target: PatternTarget
    /// The limits patterns must keep.
    var limits: PatternLimits
    /// Warning codes not to report (`--ignore-warning`).
    var ignoredWarnings: Set<String> = []

    /// Checks `file`; `explicit` says whether the command line named it (a folder walk passes over
    /// files that are plainly events, a named file is always checked).
    func check(_ file: InputFile, explicit: Bool) -> CheckedFile {
        var checked = CheckedFile(name: file.name, bytes: file.bytes)
        let bytes = file.bytes
        if let bad = Self.firstNonText(bytes) {
            let at = TextPosition(offset: bad.offset, in: bytes)
            checked.problem = ("not a text file (\(bad.what) at byte \(bad.offset)); expected JSON", at.line, at.column)
            return checked
        }
        let lowered = file.name.lowercased()
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") {
            checked.problem = (
                "YAML templates are not supported: check the JSON form (`cdk synth --json`, `sam build`, "
                    + "or `cfn-flip template.yaml`)", nil, nil
            )
            return checked
        }
        // A template edited on Windows may start with a byte-order mark; blank it out for reading the
        // structure (three spaces keep every offset where it is).
        var structure = bytes
        if structure.starts(with: [0xEF, 0xBB, 0xBF]) { structure.replaceSubrange(0..<3, with: [32, 32, 32]) }
        let found: [FoundPattern]
        switch Result(catching: { () throws(EBMatchError) in try JSONValue.parse(utf8: structure) }) {
        case .success(let root) where CloudFormationPatterns.isTemplate(root):
            found = CloudFormationPatterns.patterns(in: root, source: structure, file: file.name)
        case .success(let root) where TerraformPatterns.isTerraform(root):
            found = TerraformPatterns.patterns(in: root, source: structure, file: file.name)
        case .success(let root):
            if !explicit && Self.looksLikeEvent(root) {
                checked.skippedAsEvent = true
                return checked
            }
            found = [patternFile(file)]
        case .failure(let error):
            if Self.looksLikeTemplate(bytes) {
                let at = TextPosition(offset: error.offset ?? 0, in: bytes)
                checked.problem = ("not valid JSON: \(error.firstLine) (at \(error.path))", at.line, at.column)
                return checked
            }
            // A pattern file with a syntax fault: EventBridge's answer to it is the finding.
            found = [patternFile(file)]
        }
        checked.patterns = found.map { check($0, in: bytes) }
        return checked
    }

    /// A file that is one pattern.
    private func patternFile(_ file: InputFile) -> FoundPattern {
        FoundPattern(
            file: file.name, resource: nil, origin: .patternFile, target: target, text: file.bytes,
            offsets: .shifted(by: 0), anchor: 0)
    }

    /// Validates one found pattern and places its findings in the file.
    ///
    /// A fault of the pattern language is placed at the start of the value its JSON path names (AWS's
    /// own column often falls just after the value, or on the next token); a JSON syntax fault where the
    /// parser stopped. AWS's position is kept beside it.
    func check(_ pattern: FoundPattern, in file: [UInt8]) -> CheckedPattern {
        var findings: [ValidationFinding] = []
        func place(_ fileOffset: Int) -> (line: Int, column: Int) {
            let at = TextPosition(offset: fileOffset, in: file)
            return (at.line, at.column)
        }
        if let text = pattern.text {
            let validation = EventPattern.validate(utf8: text, limits: limits, target: pattern.target)
            let tree = try? JSONValue.parse(utf8: text, ignoringTrailingContent: true)
            for error in validation.errors {
                let awsOffset = error.offset.map(pattern.offsets.fileOffset)
                var offset = awsOffset ?? pattern.anchor
                if error.code != .jsonSyntax, let tree, let value = Self.offset(of: error.path, in: tree, near: error.offset) {
                    offset = pattern.offsets.fileOffset(value)
                }
                // AWS's message quotes the text checked: with stand-ins in it, that is not what AWS would say.
                let aws = error.code == .implementationLimit || pattern.hasPlaceholders ? nil : error.awsMessage
                let at = place(offset)
                findings.append(
                    ValidationFinding(
                        severity: .error, code: error.code.rawValue, message: error.firstLine,
                        note: error.advice(limits: limits), awsMessage: aws,
                        awsMessageShown: aws == nil ? nil : Self.shortAWSMessage(error, text: text), path: error.path,
                        fileOffset: offset, line: at.line, column: at.column, awsPosition: awsOffset.map(place)))
            }
            for warning in validation.warnings where !ignoredWarnings.contains(warning.code.rawValue) {
                let offset = pattern.offsets.fileOffset(warning.offset)
                let at = place(offset)
                findings.append(
                    ValidationFinding(
                        severity: .warning, code: warning.code.rawValue, message: warning.message, path: warning.path,
                        fileOffset: offset, line: at.line, column: at.column))
            }
        }
        for unknown in pattern.unknowns where !ignoredWarnings.contains(ValidationFinding.notStatic) {
            let at = place(unknown.fileOffset)
            findings.append(
                ValidationFinding(
                    severity: .warning, code: ValidationFinding.notStatic, message: unknown.message, path: unknown.path,
                    fileOffset: unknown.fileOffset, line: at.line, column: at.column))
        }
        // In file order; at one place, errors first.
        findings.sort { ($0.fileOffset, $0.severity == .error ? 0 : 1) < ($1.fileOffset, $1.severity == .error ? 0 : 1) }
        let at = place(pattern.anchor)
        return CheckedPattern(pattern: pattern, findings: findings, line: at.line, column: at.column)
    }

    /// AWS's message with the quoted pattern in its location suffix elided, when that pattern spans
    /// lines or is long; otherwise AWS's message as it is.
    static func shortAWSMessage(_ error: EBMatchError, text: [UInt8]) -> String {
        guard error.offset != nil, text.count > 80 || text.contains(10) || text.contains(13) else {
            return error.awsMessage
        }
        let suffix = "\n at [Source: (String)\"…\"; line: \(error.line), column: \(error.column)]"
        return "Event pattern is not valid. Reason: " + error.firstLine
            + String(repeating: suffix, count: error.locationRepeats)
    }

    /// The offset of the value a JSON path names in a pattern's tree (as far as the path can be
    /// followed). Where a member name occurs twice, the occurrence before `near` (AWS's offset of the
    /// fault) is taken, else the last, as EventBridge keeps the last.
    static func offset(of path: String, in tree: JSONValue, near: Int?) -> Int? {
        guard let steps = JSONPath.steps(of: path) else { return nil }
        var value = tree
        for step in steps {
            switch step {
            case .member(let name):
                let candidates = value.members?.filter { $0.name == name } ?? []
                guard let member = candidates.last(where: { near == nil || $0.nameOffset < near! }) ?? candidates.last
                else { return value.range.lowerBound }
                value = member.value
            case .element(let index):
                guard let elements = value.elements, index < elements.count else { return value.range.lowerBound }
                value = elements[index]
            }
        }
        return value.range.lowerBound
    }

    /// The first NUL byte or byte that is not UTF-8, if any: such a file is not JSON text.
    static func firstNonText(_ bytes: [UInt8]) -> (offset: Int, what: String)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == 0 { return (offset, "a NUL byte") }
                offset += encoded.count
            case .error:
                return (offset, "invalid UTF-8 byte 0x" + String(bytes[offset], radix: 16, uppercase: true))
            case .emptyInput:
                return nil
            }
        }
    }

    /// Whether a document that failed to parse was meant as a template or Terraform JSON rather than a
    /// pattern: its text names a template's or Terraform's top-level members.
    static func looksLikeTemplate(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes.prefix(1 << 16), as: UTF8.self)
        return ["\"AWSTemplateFormatVersion\"", "\"Resources\"", "\"format_version\"", "\"terraform_version\""]
            .contains { text.contains($0) }
    }

    /// Whether a document is plainly an event, not a pattern: it has a whole envelope (`id`, `source`,
    /// `detail-type`, `account` and `time` strings, and a `detail` object). A pattern written with plain
    /// values instead of lists (`"source": "aws.ec2"`, a common slip) lacks `id`, `account` and `time`,
    /// so it is still checked.
    static func looksLikeEvent(_ root: JSONValue) -> Bool {
        ["id", "source", "detail-type", "account", "time"].allSatisfy { root[$0]?.string != nil }
            && root["detail"]?.members != nil
    }
}
