import EBMatchCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The command's logic lives in EBMatchCLI so tests can run it in-process.
exit(CommandLineTool.runProcess())
