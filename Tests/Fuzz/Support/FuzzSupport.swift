// Shared by every fuzz target. These files are compiled by Tests/Fuzz/run.sh together with the engine's
// sources into one module named EBMatch, so internal API is reachable without @testable; SwiftPM never
// sees them (Tests/Fuzz is no target in Package.swift).

/// The fuzzer's input as an array (the engine's entry points take `[UInt8]`).
func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Stops the run when an invariant fails. libFuzzer reports the trap as a crash and saves the input, so a
/// disagreement is a finding like any memory error; the message says which invariant broke.
func fuzzRequire(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID,
    line: UInt = #line
) {
    if !condition() { fatalError("fuzz invariant: " + message(), file: file, line: line) }
}

/// Printable form of an input for messages (invalid UTF-8 shown as U+FFFD).
func fuzzText(_ bytes: [UInt8]) -> String {
    String(decoding: bytes.prefix(2000), as: UTF8.self)
}

/// Throwing calls as values, so that two entry points' answers (a verdict or an error) can be compared.
enum FuzzOutcome<Value> {
    case value(Value)
    case failure(EBMatchError)

    init(_ body: () throws(EBMatchError) -> Value) {
        do throws(EBMatchError) {
            self = .value(try body())
        } catch {
            self = .failure(error)
        }
    }

    var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    var error: EBMatchError? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

extension FuzzOutcome: Equatable where Value: Equatable {}

/// An error's offset lies in the document (or at its end); its renderings do not trap, and the two
/// line/column counters agree. Rendering costs more than reading a document, so only small inputs and
/// one in eight others (chosen by length, so that a saved input reproduces) are rendered.
func checkError(_ error: EBMatchError, _ input: [UInt8]) {
    if let offset = error.offset {
        fuzzRequire(offset >= 0 && offset <= input.count, "error offset \(offset) outside 0...\(input.count)")
    }
    guard input.count < 128 || input.count % 8 == 0 else { return }
    if let offset = error.offset {
        let position = TextIndex(input).position(of: offset)
        fuzzRequire(
            position == TextPosition(line: error.line, column: error.column),
            "TextIndex says \(position), the error says \(error.line):\(error.column)")
    }
    _ = error.awsMessage
    _ = error.description
    _ = error.advice()
}
