namespace QaBot.Tests.Shared;

/// <summary>What failing storage does to a file, for the tests that check an index heals.</summary>
internal static class StorageFaults
{
    /// <summary>Flips <paramref name="bits"/> bits spread over the middle of the file.</summary>
    public static void FlipBits(string file, int bits)
    {
        var bytes = File.ReadAllBytes(file);
        for (var i = 0; i < bits; i++)
            bytes[bytes.Length / 4 + (int)((long)i * (bytes.Length / 2) / bits)] ^= (byte)(1 << (i % 8));
        File.WriteAllBytes(file, bytes);
    }
}
