import Foundation
import GenesysEvents

// A reader that closes the pipe early (`| head`) must not kill the process with SIGPIPE mid-line:
// with the signal ignored, the failed write is simply dropped.
signal(SIGPIPE, SIG_IGN)
exit(GenesysSummaryTool.standard().run(Array(CommandLine.arguments.dropFirst())).rawValue)
