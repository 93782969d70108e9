using CloudAssist.Bench.Measurement;

namespace CloudAssist.Bench.Benchmarks;

/// <summary>What the smoke run saw, for its test to assert on.</summary>
public sealed record SmokeResult(
    int Tasks,
    int Succeeded,
    int NotifiedSuccesses,
    long StoredOutputBytes,
    long ExpectedOutputBytes,
    long ReportErrors,
    Figures Figures)
{
    public bool Passed =>
        Succeeded == Tasks && NotifiedSuccesses == Tasks && StoredOutputBytes == ExpectedOutputBytes && ReportErrors == 0;
}
