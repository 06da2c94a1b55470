import Testing
@testable import GenesysEvents

@Test func placeholder() { #expect(Bool(true)) }
