using BenchmarkDotNet.Attributes;
using QaBot.Core.Answering;
using QaBot.Core.Search;

namespace QaBot.Benchmarks;

/// <summary>
/// One question over the article, in process: end to end with the embedding model and the fitted
/// models (the default) afresh, lexically afresh, and from the reply cache; then the question's
/// embedding alone, lexical retrieval alone, composing alone and the reply's JSON.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class AnswerBenchmarks
{
    private Pipeline _pipeline = null!;
    private IQuestionAnswerer _answerer = null!;
    private Pipeline _cachedPipeline = null!;
    private Pipeline _lexicalPipeline = null!;
    private IndexSnapshot _snapshot = null!;
    private ExtractiveComposer _composer = null!;
    private ReplyWriter _writer = null!;
    private string _question = "", _asked = "", _content = "";
    private QuestionShape _shape = null!;
    private List<Concept> _concepts = [];
    private List<Candidate> _ranked = [];
    private Reply _reply = null!;

    [Params("answered", "misspelt", "not_found")]
    public string Kind { get; set; } = "answered";

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = Pipeline.Over(Pipeline.ArticleFolder, Pipeline.Scratch("article-index"));
        _answerer = _pipeline.Answerer;
        _cachedPipeline = Pipeline.Over(Pipeline.ArticleFolder, Pipeline.Scratch("article-index"), replyCache: true);
        _lexicalPipeline = Pipeline.Over(Pipeline.ArticleFolder, Pipeline.Scratch("article-index-lexical"), model: false);
        _snapshot = _pipeline.Index.Acquire();
        _composer = new ExtractiveComposer(_pipeline.Answering);
        _writer = new ReplyWriter(_pipeline.Safety);
        _question = Questions.OfKind(Kind);
        _asked = QuestionFrame.Strip(QuestionText.Normalize(_question, _pipeline.Answering.MaxQuestionChars));
        _content = QuestionShape.Content(_asked);
        _shape = QuestionShape.Of(_asked);
        _ranked = RetrieveCandidates();
        _reply = Answer();
        AnswerCached();
        AnswerLexical();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _snapshot.Dispose();
        _pipeline.Dispose();
        _cachedPipeline.Dispose();
        _lexicalPipeline.Dispose();
    }

    /// <summary>Answered afresh (the reply cache off), with the embedding model and the fitted models.</summary>
    [Benchmark(Baseline = true)]
    public Reply Answer() => _answerer.AnswerAsync(_question).GetAwaiter().GetResult();

    /// <summary>Answered afresh without the model (Understanding:Enabled false): the lexical rules.</summary>
    [Benchmark]
    public Reply AnswerLexical() => _lexicalPipeline.Answerer.AnswerAsync(_question).GetAwaiter().GetResult();

    /// <summary>The question's vector alone: one run of the embedding model (the words' vectors are cached).</summary>
    [Benchmark]
    public float[][] Embed() => _pipeline.Embedder.Embed([_question]);

    /// <summary>Asked again with the reply cache on, as the hosts run: triage, then the kept reply.</summary>
    [Benchmark]
    public Reply AnswerCached() => _cachedPipeline.Answerer.AnswerAsync(_question).GetAwaiter().GetResult();

    /// <summary>The question's concepts and the ranked candidate sentences.</summary>
    [Benchmark]
    public object Retrieve() => RetrieveCandidates();

    private List<Candidate> RetrieveCandidates()
    {
        _concepts = Concept.Parse(_content, _snapshot, _pipeline.Synonyms, _pipeline.Answering.MaxQueryTerms);
        return Retriever.Search(_snapshot, _concepts, QuestionTerms.ContentWords(_content), _pipeline.Answering.Candidates);
    }

    /// <summary>From ranked candidates to the reply: choosing, merging and quoting, and the reply's text.</summary>
    [Benchmark]
    public Reply Compose()
    {
        var evidence = _composer.Compose(_snapshot, _shape, _concepts, _ranked, 0);
        return evidence is null ? _writer.NotFound(_snapshot.Manifest, false) : _writer.Answered(evidence, false);
    }

    /// <summary>The reply as the JSON every host sends.</summary>
    [Benchmark]
    public string Serialize() => ReplyJson.Serialize(_reply);
}
