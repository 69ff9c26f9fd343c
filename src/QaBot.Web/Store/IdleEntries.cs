namespace QaBot.Web.Store;

/// <summary>
/// What the in-process store holds of one kind, by key: at most <c>capacity</c> entries, each dropped
/// once unused for <c>idleTimeout</c>. When it is full only idle entries make room: a new entry is
/// refused rather than a live one dropped, so whoever opens many never ends anyone else's.
/// </summary>
internal sealed class IdleEntries<T>(int capacity, TimeSpan idleTimeout, TimeProvider time) where T : class
{
    private sealed class Entry(string key, T value)
    {
        public string Key { get; } = key;
        public T Value { get; set; } = value;
        public DateTimeOffset Used { get; set; }
    }

    private readonly Dictionary<string, LinkedListNode<Entry>> _byKey = new(StringComparer.Ordinal);

    // Most recently used first, so the idle ones are always at the end.
    private readonly LinkedList<Entry> _byUse = new();

    public int Count
    {
        get { lock (_byKey) { DropIdle(); return _byKey.Count; } }
    }

    /// <summary>The entry, marked as used; null when absent or idle too long.</summary>
    public T? Find(string key)
    {
        lock (_byKey)
        {
            DropIdle();
            return _byKey.TryGetValue(key, out var node) ? Touch(node).Value.Value : null;
        }
    }

    /// <summary>The entry, made by <paramref name="create"/> when absent; null when absent and the store is full.</summary>
    public T? GetOrAdd(string key, Func<T> create)
    {
        lock (_byKey)
        {
            DropIdle();
            if (_byKey.TryGetValue(key, out var node)) return Touch(node).Value.Value;
            if (_byKey.Count >= capacity) return null;
            return Touch(_byKey[key] = _byUse.AddFirst(new Entry(key, create()))).Value.Value;
        }
    }

    /// <summary>Sets the entry; false when it is new and the store is full.</summary>
    public bool Set(string key, T value)
    {
        lock (_byKey)
        {
            DropIdle();
            if (_byKey.TryGetValue(key, out var node))
            {
                Touch(node).Value.Value = value;
                return true;
            }
            if (_byKey.Count >= capacity) return false;
            Touch(_byKey[key] = _byUse.AddFirst(new Entry(key, value)));
            return true;
        }
    }

    public void Remove(string key)
    {
        lock (_byKey)
        {
            if (_byKey.Remove(key, out var node)) _byUse.Remove(node);
        }
    }

    /// <summary>Every entry held now (for measuring what the store holds).</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_byKey)
        {
            DropIdle();
            return _byUse.Select(e => e.Value).ToList();
        }
    }

    private LinkedListNode<Entry> Touch(LinkedListNode<Entry> node)
    {
        node.Value.Used = time.GetUtcNow();
        if (node != _byUse.First)
        {
            _byUse.Remove(node);
            _byUse.AddFirst(node);
        }
        return node;
    }

    private void DropIdle()
    {
        var now = time.GetUtcNow();
        while (_byUse.Last is { } oldest && now - oldest.Value.Used >= idleTimeout)
        {
            _byUse.RemoveLast();
            _byKey.Remove(oldest.Value.Key);
        }
    }
}
