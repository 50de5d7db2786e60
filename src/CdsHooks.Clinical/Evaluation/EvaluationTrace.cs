using CdsHooks.Clinical.Logic;

namespace CdsHooks.Clinical.Evaluation;

/// <summary>
/// Builds <see cref="CriterionTrace"/> trees while an <see cref="EvaluationContext"/> evaluates. One per context, used
/// only when a trace was asked for; the untraced path never allocates one.
/// </summary>
internal sealed class EvaluationTrace
{
    private readonly Stack<Node> _open = new();

    /// <summary>Opens a node for an evaluator about to run.</summary>
    public void Begin(Evaluator evaluator) => _open.Push(new Node(evaluator));

    /// <summary>Closes the innermost node with its result, attaches it to its parent and returns it.</summary>
    public CriterionTrace End(CriterionResult result)
    {
        var node = _open.Pop();
        var trace = new CriterionTrace
        {
            Kind = node.Evaluator.TraceKind,
            Description = node.Evaluator.TraceText,
            Value = result.Value,
            Facts = result.Facts,
            Missing = result.Value == Tri.Unknown ? result.Missing : [],
            Children = node.Children,
        };
        if (_open.TryPeek(out var parent))
        {
            parent.Children.Add(trace);
        }

        return trace;
    }

    /// <summary>Records parts that a decided <c>all</c>/<c>any</c> did not evaluate.</summary>
    public void Skipped(IEnumerable<Evaluator> parts)
    {
        var parent = _open.Peek();
        foreach (var part in parts)
        {
            parent.Children.Add(new CriterionTrace { Kind = part.TraceKind, Description = part.TraceText, Value = Tri.Unknown, Evaluated = false });
        }
    }

    /// <summary>Attaches the subtree of a memoised definition under the innermost node.</summary>
    public void Reuse(CriterionTrace first) => _open.Peek().Children.Add(first with { Reused = true });

    private sealed record Node(Evaluator Evaluator)
    {
        public List<CriterionTrace> Children { get; } = [];
    }
}
