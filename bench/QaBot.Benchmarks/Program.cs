using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using QaBot.Benchmarks;

// `generate N [folder]` writes a corpus of N documents (the article and N - 1 generated ones);
// anything else goes to BenchmarkDotNet (--filter '*Answer*', --list flat, ...).
if (args is ["generate", var count, ..])
{
    var generator = CorpusGenerator.ForArticle();
    var documents = int.Parse(count);
    var folder = args.Length > 2 ? Path.GetFullPath(args[2]) : generator.Ensure(documents);
    if (args.Length > 2) generator.Write(folder, documents);
    Console.WriteLine(folder);
    return;
}

var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Median, StatisticColumn.P95);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
