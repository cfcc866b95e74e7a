namespace TrustLedger.Node.Storage.Tests;

/// <summary>
/// Entry point of this test assembly when run as a program (the test runner never calls it):
/// <c>crash-writer DIR</c> is the child that <see cref="FileBlockStoreCrashTests"/> kills -9;
/// <c>bench [BLOCKS] [TXS] [DIR]</c> measures appends by hand (see <see cref="AppendBenchmark"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args) => args switch
    {
        ["crash-writer", var directory] => CrashWriter.Run(directory),
        ["bench", .. var rest] => AppendBenchmark.Run(rest),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: crash-writer DIR | bench [BLOCKS=40] [TXS=1000] [DIR]");
        return 2;
    }
}
