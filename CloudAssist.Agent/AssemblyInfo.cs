using System.Runtime.Versioning;

// The agent manages Linux machines: process groups, setsid and Unix file modes are its tools.
[assembly: SupportedOSPlatform("linux")]
