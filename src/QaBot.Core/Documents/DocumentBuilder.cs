using System.Globalization;
using System.Text;

namespace QaBot.Core.Documents;

/// <summary>
/// Assembles a document from what a format reader found, in reading order: headings with their
/// level, and passages (a paragraph, a list item, a table row). The document's text is the
/// passages one after another; sentences point into it and keep their section path and page.
/// </summary>
internal sealed class DocumentBuilder(string fileName)
{
    public const string PathSeparator = " \u203A ";

    private readonly StringBuilder _text = new();
    private readonly List<Sentence> _sentences = [];
    private readonly List<string> _sections = [];
    private readonly List<(int Level, string Heading)> _open = [];
    private readonly List<(int Offset, int Page)> _pages = [];
    private int _pageCursor;
    private int _passageStart = -1;
    private int _paragraph;
    private string? _title;

    /// <summary>The title the format names (metadata, a title style); the first top heading otherwise.</summary>
    public string? Title
    {
        get => _title;
        set => _title = string.IsNullOrWhiteSpace(value) ? _title : TextFolding.FoldWhitespace(value);
    }

    /// <summary>True while a passage is open, so a reader can continue it (a paragraph broken by a page).</summary>
    public bool InPassage => _passageStart >= 0;

    /// <summary>The open passage's text so far.</summary>
    public string OpenPassage => InPassage ? _text.ToString(_passageStart, _text.Length - _passageStart) : "";

    /// <summary>A heading of level 1 (largest) to 6. The first top heading before any other is the title.</summary>
    public void Heading(int level, string text)
    {
        EndPassage();
        var heading = TextFolding.FoldWhitespace(text);
        if (heading.Length == 0) return;
        if (_title is null && _sections.Count == 0 && _sentences.Count == 0 && level == 1) { _title = heading; return; }
        if (_title is not null && _sections.Count == 0 && _sentences.Count == 0 && Key(heading) == Key(_title)) return;
        while (_open.Count > 0 && _open[^1].Level >= level) _open.RemoveAt(_open.Count - 1);
        _open.Add((level, heading));
        _sections.Add(heading);
    }

    /// <summary>Starts a passage; text appended until <see cref="EndPassage"/> is one paragraph.</summary>
    public void BeginPassage(int? page = null)
    {
        EndPassage();
        _passageStart = _text.Length;
        if (page is { } p) _pages.Add((_text.Length, p));
    }

    /// <summary>Appends text to the open passage (a page number where the text moves to another page).</summary>
    public void Append(string text, int? page = null)
    {
        if (!InPassage) BeginPassage(page);
        else if (page is { } p && (_pages.Count == 0 || _pages[^1].Page != p)) _pages.Add((_text.Length, p));
        _text.Append(text);
    }

    /// <summary>One whole passage.</summary>
    public void Passage(string text, int? page = null)
    {
        BeginPassage(page);
        Append(text);
        EndPassage();
    }

    /// <summary>Removes the open passage's last characters (a hyphen that only broke a line).</summary>
    public void TrimEnd(int count)
    {
        if (InPassage) _text.Length -= Math.Min(count, _text.Length - _passageStart);
    }

    public void EndPassage()
    {
        if (!InPassage) return;
        var start = _passageStart;
        _passageStart = -1;
        var text = _text.ToString();
        var before = _sentences.Count;
        foreach (var (s, e) in SentenceSplitter.Split(text, start, text.Length))
        {
            var sentence = TextFolding.FoldWhitespace(text.AsSpan(s, e - s));
            if (!sentence.Any(char.IsLetterOrDigit)) continue;
            _sentences.Add(new Sentence(sentence, Section, _paragraph, _sentences.Count, s, e) { Path = SectionPath, Page = PageAt(s) });
        }
        if (_sentences.Count > before) _paragraph++;
        _text.Append("\n\n");
    }

    public CorpusDocument Build()
    {
        EndPassage();
        return new CorpusDocument(fileName, _title ?? TitleText.FromFileName(fileName), _text.ToString(), _sentences, _sections);
    }

    private string Section => _open.Count > 0 ? _open[^1].Heading : "Introduction";

    private string SectionPath => _open.Count > 0 ? string.Join(PathSeparator, _open.Select(o => o.Heading)) : Section;

    /// <summary>The page at an offset; sentences come in reading order, so the search goes on from the last one.</summary>
    private int? PageAt(int offset)
    {
        while (_pageCursor + 1 < _pages.Count && _pages[_pageCursor + 1].Offset <= offset) _pageCursor++;
        return _pageCursor < _pages.Count && _pages[_pageCursor].Offset <= offset ? _pages[_pageCursor].Page : null;
    }

    private static string Key(string text) => TextFolding.FoldWhitespace(text.ToLower(CultureInfo.InvariantCulture)).TrimEnd('.', ':');
}
