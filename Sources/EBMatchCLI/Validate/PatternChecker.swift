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
    /// Whether valid patterns are also checked against the Genesys topic table (`--genesys`).
    var genesys = false

    /// The most findings reported for one pattern (the engine stops at 100 faults, but warnings such as
    /// a path repeated 40,000 times have no such bound).
    static let maxFindings = 200

    /// Checks `file`; `explicit` says whether the command line named it (a folder walk passes over
    /// files that are plainly events, a named file is checked whatever it holds). A suite manifest
    /// (`*.suite.json`) is passed over either way.
    func check(_ file: InputFile, explicit: Bool) -> CheckedFile {
        var checked = CheckedFile(name: file.name)
        if file.name.hasSuffix(".suite.json") {
            checked.skipped = .suiteManifest
            return checked
        }
        let bytes = file.bytes
        var index = TextIndex(bytes)
        index.hidesByteOrderMark = true
        if let bad = DocumentKind.firstNonText(bytes) {
            let at = index.position(of: bad.offset)
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
        let found: [FoundPattern]
        switch DocumentKind.of(bytes) {
        case .cloudFormation(let root):
            found = CloudFormationPatterns.patterns(in: root, source: bytes, file: file.name)
        case .terraform(let root):
            found = TerraformPatterns.patterns(in: root, source: bytes, file: file.name)
        case .event where !explicit:
            checked.skipped = .event
            return checked
        case .event, .pattern:
            found = [patternFile(file)]
        case .brokenTemplate(let error):
            let at = index.position(of: error.offset ?? 0)
            let what = error.code == .limitExceeded ? "too large to read" : "not valid JSON"
            checked.problem = ("\(what): \(error.firstLine) (at \(ReportWriter.shortened(path: error.path)))", at.line, at.column)
            return checked
        }
        checked.patterns = found.map { check($0, in: bytes, index: index) }
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
    func check(_ pattern: FoundPattern, in file: [UInt8], index: TextIndex) -> CheckedPattern {
        var findings: [ValidationFinding] = []
        func place(_ fileOffset: Int) -> (line: Int, column: Int) {
            let at = index.position(of: fileOffset)
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
            if genesys && validation.errors.isEmpty {
                for finding in GenesysLint().findings(in: text, onDefaultBus: pattern.onDefaultBus) where !ignoredWarnings.contains(finding.code.rawValue) {
                    let offset = pattern.offsets.fileOffset(finding.offset)
                    let at = place(offset)
                    findings.append(
                        ValidationFinding(
                            severity: .warning, code: finding.code.rawValue, message: finding.message, note: finding.fix,
                            path: finding.path, fileOffset: offset, line: at.line, column: at.column))
                }
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
        if let text = pattern.text, let size = Self.sizeFinding(pattern, text: text, ignored: ignoredWarnings) {
            let at = place(pattern.anchor)
            findings.append(
                ValidationFinding(
                    severity: size.severity, code: size.code, message: size.message, path: "$",
                    fileOffset: pattern.anchor, line: at.line, column: at.column))
        }
        for unknown in pattern.unknowns where !ignoredWarnings.contains(ValidationFinding.notStatic) {
            let at = place(unknown.fileOffset)
            findings.append(
                ValidationFinding(
                    severity: .warning, code: ValidationFinding.notStatic, message: unknown.message, path: unknown.path,
                    fileOffset: unknown.fileOffset, line: at.line, column: at.column))
        }
        // In file order; at one place, errors first. Then a bounded report: at most `maxFindings`.
        findings.sort { ($0.fileOffset, $0.severity == .error ? 0 : 1) < ($1.fileOffset, $1.severity == .error ? 0 : 1) }
        if findings.count > Self.maxFindings {
            let dropped = findings.count - Self.maxFindings
            findings.removeLast(dropped)
            let last = findings[findings.count - 1]
            findings.append(
                ValidationFinding(
                    severity: .warning, code: "truncated",
                    message: "\(dropped) more findings in this pattern are not shown", path: "$",
                    fileOffset: last.fileOffset, line: last.line, column: last.column))
        }
        for i in findings.indices {
            findings[i].excerpt = SourceExcerpt.lines(of: file, at: findings[i].fileOffset, line: findings[i].line)
        }
        let at = place(pattern.anchor)
        return CheckedPattern(pattern: pattern, findings: findings, line: at.line, column: at.column)
    }

    /// EventBridge's size limits on a pattern: at most 4,096 characters (the API's constraint), and a
    /// default quota of 2,048 that can be raised on request. A pattern written in place in a template
    /// is measured without the whitespace between tokens, as CloudFormation sends it compact (an
    /// estimate: its serialization is not documented).
    static func sizeFinding(_ pattern: FoundPattern, text: [UInt8], ignored: Set<String>)
        -> (severity: ValidationFinding.Severity, code: String, message: String)?
    {
        let inPlace: Bool
        if case .shifted = pattern.offsets, pattern.origin == .cloudFormation { inPlace = true } else { inPlace = false }
        let length = inPlace ? compactLength(text) : String(decoding: text, as: UTF8.self).utf16.count
        if length > 4096 {
            return (.error, "patternTooLong",
                "the pattern is \(length) characters long; EventBridge accepts at most 4,096 (by default 2,048)")
        }
        if length > 2048 && !ignored.contains("sizeQuota") {
            return (.warning, "sizeQuota",
                "the pattern is \(length) characters long, over EventBridge's default quota of 2,048 "
                    + "(a quota increase allows up to 4,096)")
        }
        return nil
    }

    /// The length in UTF-16 units of JSON text without the whitespace between its tokens.
    static func compactLength(_ text: [UInt8]) -> Int {
        var length = 0
        var inString = false
        var escaped = false
        for c in text {
            if inString {
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") { inString = false }
            } else if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                continue
            } else if c == UInt8(ascii: "\"") {
                inString = true
            }
            if c & 0xC0 != 0x80 { length += c >= 0xF0 ? 2 : 1 }
        }
        return length
    }

    /// AWS's message with the quoted pattern in its location suffix elided, when that pattern spans
    /// lines or is long; otherwise AWS's message as it is.
    static func shortAWSMessage(_ error: EBMatchError, text: [UInt8]) -> String {
        // A final line break does not make a pattern span lines.
        let body = text.reversed().drop { $0 == 10 || $0 == 13 || $0 == 32 || $0 == 9 }
        guard error.offset != nil, body.count > 80 || body.contains(10) || body.contains(13) else {
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



}
