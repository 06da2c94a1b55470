import EBMatch
import Foundation

/// Entry point of the `ebmatch` command.
public enum CommandLineTool {
    /// Runs the command with `arguments` (without the program name) and returns the exit status.
    public static func run(arguments: [String]) -> Int32 { 0 }
}
