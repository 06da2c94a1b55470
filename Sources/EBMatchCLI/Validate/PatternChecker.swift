import EBMatch

/// Checks one file for `ebmatch validate`: decides what it holds (a pattern, a CloudFormation template,
/// Terraform JSON, or something else), finds its patterns and validates each.
struct PatternChecker {
    /// Where plain pattern files will be used.
    var target: PatternTarget
    /// The limits patterns must keep.
    var limits: PatternLimits

    /// What a file turned out to be.
    enum Outcome {
        /// Checked: its patterns and findings, or why it could not be checked.
        case checked(CheckedFile)
        /// Passed over by a folder walk: it is not a pattern (an event, say).
        case skipped
    }

    /// Checks `file`; `explicit` says whether the command line named it (a folder walk passes over
    /// files that are plainly events, a named file is always checked).
    func check(_ file: InputFile, explicit: Bool) -> Outcome {
        var checked = CheckedFile(name: file.name, bytes: file.bytes)
        let bytes = file.bytes
        if let bad = Self.firstNonText(bytes) {
            let at = TextPosition(offset: bad.offset, in: bytes)
            checked.problem = ("not a text file (\(bad.what) at byte \(bad.offset)); expected JSON", at.line, at.column)
            return .checked(checked)
        }
        let lowered = file.name.lowercased()
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") {
            checked.problem = (
                "YAML templates are not supported: check the JSON form (`cdk synth --json`, `sam build`, "
                    + "or `cfn-flip template.yaml`)", nil, nil
            )
            return .checked(checked)
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
            if !explicit && Self.looksLikeEvent(root) { return .skipped }
            found = [patternFile(file)]
        case .failure(let error):
            if Self.looksLikeTemplate(bytes) {
                let at = TextPosition(offset: error.offset ?? 0, in: bytes)
                checked.problem = ("not valid JSON: \(error.firstLine) (at \(error.path))", at.line, at.column)
                return .checked(checked)
            }
            // A pattern file with a syntax fault: EventBridge's answer to it is the finding.
            found = [patternFile(file)]
        }
        checked.patterns = found.map { check($0, in: bytes) }
        return .checked(checked)
    }

    /// A file that is one pattern.
    private func patternFile(_ file: InputFile) -> FoundPattern {
        FoundPattern(
            file: file.name, resource: nil, origin: .patternFile, target: target, text: file.bytes,
            offsets: .shifted(by: 0), anchor: 0)
    }

    /// Validates one found pattern and places its findings in the file.
    func check(_ pattern: FoundPattern, in file: [UInt8]) -> CheckedPattern {
        var findings: [ValidationFinding] = []
        func finding(
            _ severity: ValidationFinding.Severity, _ code: String, _ message: String, aws: String? = nil,
            awsShown: String? = nil, path: String, fileOffset: Int, exact: Bool
        ) -> ValidationFinding {
            let at = TextPosition(offset: fileOffset, in: file)
            return ValidationFinding(
                severity: severity, code: code, message: message, awsMessage: aws, awsMessageShown: awsShown ?? aws,
                path: path, fileOffset: fileOffset, exact: exact, line: at.line, column: at.column)
        }
        if let text = pattern.text {
            let validation = EventPattern.validate(utf8: text, limits: limits, target: pattern.target)
            for error in validation.errors {
                var offset = pattern.anchor
                if let own = error.offset {
                    offset = pattern.offsets.fileOffset(own)
                } else if let member = Self.offset(of: error.path, in: text) {
                    offset = pattern.offsets.fileOffset(member)
                }
                let aws = error.code == .implementationLimit ? nil : error.awsMessage
                findings.append(
                    finding(.error, error.code.rawValue, error.firstLine, aws: aws,
                        awsShown: aws == nil ? nil : Self.shortAWSMessage(error, text: text), path: error.path,
                        fileOffset: offset, exact: error.offset != nil))
            }
            for warning in validation.warnings {
                findings.append(
                    finding(.warning, warning.code.rawValue, warning.message, path: warning.path,
                        fileOffset: pattern.offsets.fileOffset(warning.offset), exact: true))
            }
        }
        for unknown in pattern.unknowns {
            findings.append(
                finding(.warning, "notStatic", unknown.message, path: unknown.path,
                    fileOffset: unknown.fileOffset, exact: true))
        }
        let at = TextPosition(offset: pattern.anchor, in: file)
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

    /// The offset in `text` of the member or element a JSON path names (as far as it can be followed), for
    /// faults AWS reports without a position (CIDR, wildcard complexity).
    static func offset(of path: String, in text: [UInt8]) -> Int? {
        guard let steps = JSONPath.steps(of: path), var value = try? JSONValue.parse(utf8: text) else { return nil }
        var offset = value.range.lowerBound
        for step in steps {
            switch step {
            case .member(let name):
                guard let member = value.members?.last(where: { $0.name == name }) else { return offset }
                offset = member.nameOffset
                value = member.value
            case .element(let index):
                guard let elements = value.elements, index < elements.count else { return offset }
                value = elements[index]
                offset = value.range.lowerBound
            }
        }
        return offset
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

    /// Whether a document is plainly an event, not a pattern: envelope members hold strings and `detail`
    /// an object, where a pattern would hold lists.
    static func looksLikeEvent(_ root: JSONValue) -> Bool {
        root["source"]?.string != nil && root["detail-type"]?.string != nil && root["detail"]?.members != nil
    }
}
