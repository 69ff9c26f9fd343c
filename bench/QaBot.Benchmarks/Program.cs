using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using QaBot.Benchmarks;

// `generate KIND N [folder]` writes a corpus of N documents (the article and N - 1 generated ones,
// KIND other-topics or same-topic); anything else goes to BenchmarkDotNet (--filter, --list flat, ...).
if (args is ["generate", var kind, var count, ..])
{
    var generator = CorpusGenerator.ForArticle(kind);
    var documents = int.Parse(count);
    var folder = args.Length > 3 ? Path.GetFullPath(args[3]) : generator.Ensure(documents);
    if (args.Length > 3) generator.Write(folder, documents);
    Console.WriteLine(folder);
    return;
}

var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Median, StatisticColumn.P95);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
